import { z } from 'zod';
import { CapacityView } from '../services/service.schemas.js';

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
    /** Capacity figures (free beds, places), as on GET /services; never for a confidential service (this answer is shared). */
    k: z.array(CapacityView).optional(),
  }),
});
export type MapFeature = z.infer<typeof MapFeature>;
export const MapCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(MapFeature) });
export type MapCollection = z.infer<typeof MapCollection>;
