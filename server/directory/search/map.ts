import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { z } from 'zod';
import { TtlCache } from '../../platform/cache/ttl-cache.js';
import { textIn } from '../../platform/text/translated.js';
import { publicPlaceExposure } from '../locations/place-exposure.js';
import type { ServiceRecord } from '../services/service.data.js';
import { directoryKey, runServicePlan } from '../catalog/queries.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.data.js';
import { planContext } from './near.js';
import { needsNearFor, ServiceFilterParams, servicePlan } from './service-query.js';
import { capacityView, publicReader, withFreeCapacity } from '../services/service.capacity.js';
import { MAP_COORDINATE_SCALE, type MapPoints } from '../../contract/directory/search/map.schemas.js';

export const MapQuery = z
  .strictObject(ServiceFilterParams)
  .superRefine(needsNearFor('radiusKm'));

export type MapQuery = z.infer<typeof MapQuery>;


type MapRow = Pick<ServiceRecord, '_id' | 'name' | 'categories' | 'confidential' | 'locationIds' | 'governorates' | 'capacity'>;

/** The search as columns (MapPoints): one projected query, each service's public point only. */
export async function servicesMap(query: MapQuery, capacityStaleDays: number): Promise<MapPoints> {
  const exposure = await publicPlaceExposure();
  // The same answer for everyone: read as by an anonymous visitor (no confidential service's capacity).
  const reader = publicReader(capacityStaleDays);
  const plan = withFreeCapacity(servicePlan(query, await loadTaxonomy()).plan, query, reader);
  const rows: MapRow[] = (await runServicePlan(plan, planContext(exposure))).services;
  const lang = query.lang ?? 'en';
  const map: MapPoints = { id: [], name: [], lng: [], lat: [], categorySets: [], category: [], approximate: [], capacity: {} };
  const sets = new Map<string, number>();
  for (const row of rows) {
    const point = exposure.servicePoint(row);
    if (!point) continue;
    const i = map.id.length;
    map.id.push(row._id.toHexString());
    map.name.push(textIn(row.name, lang));
    // Rounded: coarser than the public point, never finer (a capital stays a capital).
    map.lng.push(Math.round(point.lng * MAP_COORDINATE_SCALE));
    map.lat.push(Math.round(point.lat * MAP_COORDINATE_SCALE));
    const categories = row.categories ?? [];
    const key = categories.join(' ');
    let set = sets.get(key);
    if (set === undefined) {
      set = map.categorySets.push(categories) - 1;
      sets.set(key, set);
    }
    map.category.push(set);
    if (point.precision !== 'exact') map.approximate.push(i);
    const figures = capacityView(row, reader);
    if (figures?.length) map.capacity[i] = figures;
  }
  return map;
}

/** A map answer ready to send: the JSON, gzipped once, and a tag that changes with its bytes. */
export interface MapPayload {
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

// All services of the directory are some 4 MB of JSON at 100k: built and compressed once per
// change of the directory (the catalog's version is in the key), not once per visitor.
const payloads = new TtlCache<MapPayload>(60_000, 8);
const gzipAsync = promisify(gzip);

export async function servicesMapPayload(query: MapQuery, capacityStaleDays: number): Promise<MapPayload> {
  // `lang` is in the directory key: the service names are in the answer.
  const key = `${await directoryKey(query)}|${capacityStaleDays}`;
  return payloads.get(key, async () => {
    const json = Buffer.from(JSON.stringify(await servicesMap(query, capacityStaleDays)));
    // The bytes, not only the directory's version: a capacity figure turns stale with time alone.
    const tag = createHash('sha256').update(json).digest('base64url').slice(0, 22);
    return { etag: `"${tag}"`, json, gzip: await gzipAsync(json) };
  });
}
