import type { PlaceExposure, PointSource } from '../locations/place-exposure.js';
import { haversineKm } from './distance.js';
import type { ServiceSearch } from './service-query.js';

/** Is the service's public point (decided now, not the stored one) within the search's radius (always true without one)? */
export function withinRadius(search: ServiceSearch, exposure: PlaceExposure, service: PointSource): boolean {
  if (!search.near?.radiusKm) return true;
  const p = exposure.servicePoint(service);
  return p !== null && haversineKm(search.near.center, p) <= search.near.radiusKm;
}
