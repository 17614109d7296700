import type { ServiceRecord } from '../services/service.data.js';
import { publicPoint } from '../services/service.view.js';
import { haversineKm } from './distance.js';
import type { ServiceSearch } from './service-query.js';

/** The fields publicPoint() needs. */
export type PointFields = Pick<ServiceRecord, '_id' | 'confidential' | 'point' | 'governorates'>;

/** Is the service's public point within the search's radius (always true without one)? */
export function withinRadius(search: ServiceSearch, service: Pick<ServiceRecord, 'confidential' | 'point' | 'governorates'>): boolean {
  if (!search.near?.radiusKm) return true;
  const p = publicPoint(service);
  return p !== null && haversineKm(search.near.center, p) <= search.near.radiusKm;
}
