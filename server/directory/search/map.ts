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
import { ServiceFilterParams, servicePlan } from './service-query.js';

export const MapQuery = z
  .strictObject(ServiceFilterParams)
  .refine((q) => q.radiusKm === undefined || q.near, { message: 'radiusKm needs near=lat,lng', path: ['radiusKm'] });

export type MapQuery = z.infer<typeof MapQuery>;

export const MapFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  // [lng, lat]. A fixed-length array rather than a tuple: schemathesis rejects 3.1 tuples (prefixItems).
  geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()).length(2) }),
  properties: z.object({
    /** Service name in the asked language (or the best fallback). */
    n: z.string(),
    /** Organisation name, likewise. */
    o: z.string(),
    /** Category codes. */
    c: z.array(z.string()),
    /** Precision: 'e' exact, 'g' drawn at the governorate capital (confidential, or no public address). */
    p: z.enum(['e', 'g']),
  }),
});
export type MapFeature = z.infer<typeof MapFeature>;
export const MapCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(MapFeature) });
export type MapCollection = z.infer<typeof MapCollection>;

type MapRow = Pick<ServiceRecord, '_id' | 'name' | 'organizationId' | 'categories' | 'confidential' | 'locationIds' | 'governorates'>;

/** The search as compact GeoJSON: one projected query, organisation names from the shared cache. */
export async function servicesMap(query: MapQuery): Promise<MapCollection> {
  const exposure = await publicPlaceExposure();
  const lang = query.lang ?? 'en';
  const rows: MapRow[] = (await runServicePlan(servicePlan(query, await loadTaxonomy()), planContext(exposure))).services;
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
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** A map answer ready to send: the JSON, gzipped once, and a tag that changes with the directory. */
export interface MapPayload {
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

// All services of the directory are some 20 MB of JSON at 100k: built and compressed once per
// change of the directory (the catalog's version is in the key), not once per visitor.
const payloads = new TtlCache<MapPayload>(60_000, 8);
const gzipAsync = promisify(gzip);

export async function servicesMapPayload(query: MapQuery): Promise<MapPayload> {
  const key = await directoryKey(query);
  return payloads.get(key, async () => {
    const json = Buffer.from(JSON.stringify(await servicesMap(query)));
    const tag = createHash('sha256').update(key).digest('base64url').slice(0, 22);
    return { etag: `"${tag}"`, json, gzip: await gzipAsync(json) };
  });
}
