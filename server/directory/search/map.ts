import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { z } from 'zod';
import { TtlCache } from '../../platform/cache/ttl-cache.js';
import { textIn } from '../../platform/text/translated.js';
import { publicPlaceExposure } from '../locations/place-exposure.js';
import { organizationRefs } from '../organizations/organization.data.js';
import type { ServiceRecord } from '../services/service.data.js';
import { directoryKey, runServicePlan } from '../catalog/queries.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.data.js';
import { planContext } from './near.js';
import { needsNearFor, ServiceFilterParams, servicePlan } from './service-query.js';
import { capacityView, publicReader, withFreeCapacity } from '../services/service.capacity.js';
import type { MapCollection, MapFeature } from '../../contract/directory/search/map.schemas.js';

export const MapQuery = z
  .strictObject(ServiceFilterParams)
  .superRefine(needsNearFor('radiusKm'));

export type MapQuery = z.infer<typeof MapQuery>;


type MapRow = Pick<ServiceRecord, '_id' | 'name' | 'organizationId' | 'categories' | 'confidential' | 'locationIds' | 'governorates' | 'capacity'>;

/** The search as compact GeoJSON: one projected query, organisation names from the shared cache. */
export async function servicesMap(query: MapQuery, capacityStaleDays: number): Promise<MapCollection> {
  const exposure = await publicPlaceExposure();
  const lang = query.lang ?? 'en';
  // The same answer for everyone: read as by an anonymous visitor (no confidential service's capacity).
  const reader = publicReader(capacityStaleDays);
  const plan = withFreeCapacity(servicePlan(query, await loadTaxonomy()).plan, query, reader);
  const rows: MapRow[] = (await runServicePlan(plan, planContext(exposure))).services;
  const organizations = await organizationRefs(rows.map((r) => r.organizationId));
  const features: MapFeature[] = [];
  for (const row of rows) {
    const point = exposure.servicePoint(row);
    if (!point) continue;
    features.push({
      type: 'Feature',
      id: row._id.toHexString(),
      geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
      properties: {
        n: textIn(row.name, lang),
        o: textIn(organizations.get(row.organizationId.toHexString())?.name, lang),
        c: row.categories ?? [],
        p: point.precision === 'exact' ? 'e' : 'g',
        ...withFigures(capacityView(row, reader)),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

const withFigures = (k: MapFeature['properties']['k']) => (k?.length ? { k } : {});

/** A map answer ready to send: the JSON, gzipped once, and a tag that changes with its bytes. */
export interface MapPayload {
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

// All services of the directory are some 20 MB of JSON at 100k: built and compressed once per
// change of the directory (the catalog's version is in the key), not once per visitor.
const payloads = new TtlCache<MapPayload>(60_000, 8);
const gzipAsync = promisify(gzip);

export async function servicesMapPayload(query: MapQuery, capacityStaleDays: number): Promise<MapPayload> {
  const key = `${await directoryKey(query)}|${capacityStaleDays}`;
  return payloads.get(key, async () => {
    const json = Buffer.from(JSON.stringify(await servicesMap(query, capacityStaleDays)));
    // The bytes, not only the directory's version: a capacity figure turns stale with time alone.
    const tag = createHash('sha256').update(json).digest('base64url').slice(0, 22);
    return { etag: `"${tag}"`, json, gzip: await gzipAsync(json) };
  });
}
