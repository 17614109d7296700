import type { PlanContext } from '../catalog/service-read-model.js';
import { locationCatalog, serviceCatalog } from '../catalog/directory-catalog.js';
import type { PlaceExposure } from '../locations/place-exposure.js';

const contexts = new WeakMap<PlaceExposure, Omit<PlanContext, 'receiving'>>();

/**
 * How a search plan runs for the public: services are measured from their public point (decided
 * now, not the stored one), and those at hidden places from a governorate capital whatever they stored.
 * One context per exposure, so that the read model may keep each service's public point between
 * searches while the services and places it was decided from are unchanged (pointsVersion).
 */
export function planContext(exposure: PlaceExposure): Omit<PlanContext, 'receiving'> {
  let context = contexts.get(exposure);
  if (!context) {
    context = {
      hiddenPlaces: exposure.hiddenPlaceIds,
      pointOf: (service) => exposure.servicePoint(service),
      pointsVersion: () => `${serviceCatalog.generation}:${locationCatalog.generation}`,
    };
    contexts.set(exposure, context);
  }
  return context;
}

/** For plans without `near` (coverage, organisations by their services): nothing is measured. */
export const NO_NEAR: Omit<PlanContext, 'receiving'> = { hiddenPlaces: [], pointOf: () => null };
