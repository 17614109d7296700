import { z } from 'zod';
import { TranslatedView } from '../records/view-schemas.js';

/** What both the list and the map shapes say of a governorate. */
const place = {
  /** ISO 3166-2 code, e.g. IQ-BG. */
  code: z.string(),
  /** OCHA P-code, e.g. IQG07. */
  pcode: z.string().nullable(),
  name: TranslatedView,
  capital: TranslatedView,
  lat: z.number(),
  lng: z.number(),
};

export const GovernorateView = z.object({
  ...place,
  iso: z.string(),
  /** Kurdistan Region governorates get Kurdish content first. */
  kurdistanRegion: z.boolean(),
  /** Active, public services whose service area includes it. */
  serviceCount: z.number().int(),
});
export type GovernorateView = z.infer<typeof GovernorateView>;

export const GovernorateList = z.object({ items: z.array(GovernorateView) });
export type GovernorateList = z.infer<typeof GovernorateList>;

const Position = z.array(z.number());

/** Natural Earth boundaries; Halabja, missing there, is a point. */
const GovernorateGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
  z.object({ type: z.literal('Point'), coordinates: Position }),
]);

export const GovernorateFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: z.object(place),
  geometry: GovernorateGeometry,
});
export type GovernorateFeature = z.infer<typeof GovernorateFeature>;

export const GovernorateCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(GovernorateFeature) });
export type GovernorateCollection = z.infer<typeof GovernorateCollection>;
