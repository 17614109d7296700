import type { FilterQuery, Types } from 'mongoose';
import type { ServiceRecord } from '../services/service.data.js';
import type { ServiceDoc } from '../services/service.model.js';
import { ServiceModel } from '../services/service.model.js';
import { publicPoint } from '../services/service.view.js';
import { haversineKm } from './distance.js';
import type { ServiceSearch } from './service-query.js';

/** The fields publicPoint() needs. */
export const POINT_FIELDS = { confidential: 1, point: 1, governorates: 1 } as const;
export type PointFields = Pick<ServiceRecord, '_id' | 'confidential' | 'point' | 'governorates'>;

/** Is the service's public point within the search's radius (always true without one)? */
export function withinRadius(search: ServiceSearch, service: Pick<ServiceRecord, 'confidential' | 'point' | 'governorates'>): boolean {
  if (!search.near?.radiusKm) return true;
  const p = publicPoint(service);
  return p !== null && haversineKm(search.near.center, p) <= search.near.radiusKm;
}

/**
 * The filter as a database match, with the exact radius applied: the bounding box in the filter is only
 * a pre-filter, so with a radius the matching ids are resolved here (over a small projection).
 */
export async function exactFilter(search: ServiceSearch): Promise<FilterQuery<ServiceDoc>> {
  if (!search.near?.radiusKm) return search.filter;
  const candidates = await ServiceModel.find(search.filter, POINT_FIELDS).lean<PointFields[]>();
  const ids: Types.ObjectId[] = candidates.filter((c) => withinRadius(search, c)).map((c) => c._id);
  return { _id: { $in: ids } };
}
