import type { Express } from 'express';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { MAP_COORDINATE_SCALE } from '../../server/contract/directory/search/map.schemas.js';

/** A GET route of the API: its path after the API prefix (`:name` parameters) and whether it takes a query string. */
export interface GetRoute {
  path: string;
  query: boolean;
}

/** The GET routes a running app documents (its OpenAPI document), for walking an app in another process. */
export async function documentedGetRoutes(target: Express | string, apiPrefix: string): Promise<GetRoute[]> {
  const doc = (await request(target).get(`${apiPrefix}/openapi.json`).expect(200)).body as {
    paths: Record<string, { get?: { parameters?: { in: string }[] } }>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    ops.get
      ? [{ path: path.slice(apiPrefix.length).replace(/\{(\w+)\}/g, ':$1'), query: (ops.get.parameters ?? []).some((p) => p.in === 'query') }]
      : [],
  );
}

/** Every GET path, each path parameter filled by each value that could matter, each query tried on routes that take one. */
export function concretePaths(routes: readonly GetRoute[], apiPrefix: string, valuesFor: (param: string) => string[], queries: readonly string[]): string[] {
  const out = new Set<string>();
  for (const route of routes) {
    let paths = [route.path];
    for (const [, name] of route.path.matchAll(/:(\w+)/g)) {
      paths = paths.flatMap((p) => valuesFor(name!).map((v) => p.replace(`:${name}`, encodeURIComponent(v))));
    }
    for (const p of paths) for (const query of route.query ? queries : ['']) out.add(`${apiPrefix}${p}${query}`);
  }
  return [...out];
}

/** The Open Referral surface (/hsds, outside the API registry): lists, searches, and each record by id, including every listed service-at-location. */
export async function hsdsPaths(target: Express | string, ids: readonly string[]): Promise<string[]> {
  const paths = ['/hsds/services', '/hsds/organizations', '/hsds/service_at_locations'].flatMap((p) => [
    p,
    `${p}?per_page=100&format=ndjson`,
    `${p}?search=Jasmine`,
    ...ids.map((id) => `${p}/${id}`),
  ]);
  const listed = await request(target).get('/hsds/service_at_locations?per_page=100').expect(200);
  for (const sal of (listed.body.contents ?? []) as { id: string }[]) paths.push(`/hsds/service_at_locations/${sal.id}`);
  return paths;
}

/** The files of the public HSDS export, as text by file name. */
export async function exportedFiles(target: Express | string): Promise<Record<string, string>> {
  const zip = await request(target)
    .get('/hsds/export.zip')
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const files = unzipSync(new Uint8Array(zip.body as Buffer));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/**
 * How a point can appear in an answer: as decimal degrees, and as the map's integer coordinates
 * (1/MAP_COORDINATE_SCALE degree), which a search for the decimals alone would miss.
 */
export function pointTexts(point: { lat: number; lng: number }): string[] {
  const scaled = (degrees: number) => String(Math.round(degrees * MAP_COORDINATE_SCALE));
  return [String(point.lat), String(point.lng), scaled(point.lat), scaled(point.lng)];
}
