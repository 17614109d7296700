import type { PlanContext } from '../catalog/service-read-model.js';
import type { PlaceExposure } from '../locations/place-exposure.js';

/**
 * How a search plan runs for the public: services are measured from their public point (decided
 * now, not the stored one), and those at hidden places from a governorate capital whatever they stored.
 */
export const planContext = (exposure: PlaceExposure): Omit<PlanContext, 'receiving'> => ({
  hiddenPlaces: exposure.hiddenPlaceIds,
  pointOf: (service) => exposure.servicePoint(service),
});

/** For plans without `near` (coverage, organisations by their services): nothing is measured. */
export const NO_NEAR: Omit<PlanContext, 'receiving'> = { hiddenPlaces: [], pointOf: () => null };
