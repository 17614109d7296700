import { Types, type FilterQuery } from 'mongoose';
import { z } from 'zod';
import { multiValue, queryBoolean } from '../../platform/http/validate.js';
import { queryTerms } from '../../platform/text/normalize.js';
import { SEARCH_WORDS } from '../catalog/directory-catalog.js';
import { LanguageSchema } from '../../platform/text/translated.js';
import { archivedCondition, type ArchivedChoice } from '../records/archived.js';
import { ObjectIdSchema } from '../records/record.js';
import { GovernorateInput } from '../services/service.schemas.js';
import type { ServiceDoc } from '../services/service.model.js';
import type { Taxonomy } from '../taxonomy/taxonomy.data.js';
import { TermCode } from '../taxonomy/taxonomy.schemas.js';
import { ORGANIZATION_TYPES, POPULATIONS, SERVICE_LANGUAGES, SERVICE_STATUSES } from '../vocabulary.js';
import { boundingBox, type LatLng } from './distance.js';

const NearInput = z
  .string()
  .regex(/^\s*-?\d{1,2}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?\s*$/, 'lat,lng in decimal degrees, e.g. 33.31,44.36')
  .transform((v) => {
    const [lat, lng] = v.split(',').map(Number) as [number, number];
    return { lat, lng };
  })
  .refine((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180, 'outside the globe');

/** Search and filters that services and organisations share (for organisations, `category` and `population` look at their live services). */
export const DirectoryFilterParams = {
  /** Free text: every word must match the start of a word in a name, description, organisation or category. */
  q: z.string().max(200).optional(),
  governorate: multiValue(GovernorateInput).optional(),
  /** A group code includes its categories. */
  category: multiValue(TermCode).optional(),
  population: multiValue(z.enum(POPULATIONS)).optional(),
  language: multiValue(z.enum(SERVICE_LANGUAGES)).optional(),
  organizationType: multiValue(z.enum(ORGANIZATION_TYPES)).optional(),
  organization: multiValue(ObjectIdSchema).optional(),
  acceptsReferrals: queryBoolean.optional(),
  verifiedWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
  /** Language of names on the map; other endpoints return every language. */
  lang: LanguageSchema.optional(),
};

/** The search and filter parameters of the service list, its facets and the map. */
export const ServiceFilterParams = {
  ...DirectoryFilterParams,
  /** Default: active only. */
  status: multiValue(z.enum(SERVICE_STATUSES)).optional(),
  near: NearInput.optional(),
  /** With `near`: only services within this many km. */
  radiusKm: z.coerce.number().positive().max(2000).optional(),
};

export const ServiceFilterQuery = z.strictObject(ServiceFilterParams);
export type ServiceFilters = z.infer<typeof ServiceFilterQuery>;

export const DAY_MS = 86_400_000;

/** A parsed search: the database filter, the query words for ranking, and the distance constraint. */
export interface ServiceSearch {
  filter: FilterQuery<ServiceDoc>;
  terms: string[];
  near: { center: LatLng; radiusKm: number | undefined } | undefined;
}

/**
 * Filters combine with AND; the values of one filter with OR. Archived services appear only when asked for. Values are
 * cast here (not by Mongoose) because the same filter also feeds aggregations. `hiddenPlaces` are the places whose
 * services are measured from a governorate capital (PlaceExposure.hiddenPlaceIds), whatever point they stored.
 */
export function serviceSearch(
  f: ServiceFilters & { archived?: ArchivedChoice },
  taxonomy: Taxonomy,
  hiddenPlaces: readonly Types.ObjectId[],
  now = new Date(),
): ServiceSearch {
  const and: FilterQuery<ServiceDoc>[] = [archivedCondition(f.archived ?? 'exclude'), { status: { $in: f.status?.length ? f.status : ['active'] } }];
  const anyOf = (field: string, values: readonly unknown[] | undefined) => {
    if (values?.length) and.push({ [field]: { $in: values } });
  };
  anyOf('governorates', f.governorate);
  anyOf('categories', f.category && taxonomy.withChildren(f.category));
  anyOf('populations', f.population);
  anyOf('languages', f.language);
  anyOf('organizationType', f.organizationType);
  anyOf('organizationId', f.organization?.map((id) => new Types.ObjectId(id)));
  if (f.acceptsReferrals !== undefined) and.push({ acceptsReferrals: f.acceptsReferrals });
  if (f.verifiedWithinDays) and.push({ lastVerifiedAt: { $gte: new Date(now.getTime() - f.verifiedWithinDays * DAY_MS) } });

  const terms = f.q ? queryTerms(f.q) : [];
  if (terms.length) and.push({ [SEARCH_WORDS]: { $all: terms } });

  const near = f.near ? { center: f.near, radiusKm: f.radiusKm } : undefined;
  if (near?.radiusKm) {
    const box = boundingBox(near.center, near.radiusKm);
    const inBox = { 'point.lat': { $gte: box.minLat, $lte: box.maxLat }, 'point.lng': { $gte: box.minLng, $lte: box.maxLng } };
    // The stored point is an index only: services whose public point is a governorate capital pass the box
    // whatever they stored (a stale exact point must not decide, or probing boxes would locate a shelter);
    // the distance from the public point decides afterwards (withinRadius).
    const atCapital = [{ confidential: true }, ...(hiddenPlaces.length ? [{ locationIds: { $in: [...hiddenPlaces] } }] : [])];
    and.push({ $or: [{ confidential: { $ne: true }, ...inBox }, ...atCapital] });
  }
  return { filter: { $and: and }, terms, near };
}

