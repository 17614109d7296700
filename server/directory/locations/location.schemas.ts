import { z } from 'zod';
import { TranslatedView } from '../records/view-schemas.js';
import { GovernorateInput, LocationBrief } from '../services/service.schemas.js';
import { locationInputWith } from './location.input.js';

export const { LocationCreate, LocationUpdate } = locationInputWith(GovernorateInput);
export type LocationCreate = z.infer<typeof LocationCreate>;
export type LocationUpdate = z.infer<typeof LocationUpdate>;

export const LocationView = LocationBrief.extend({
  organizationId: z.string(),
  description: TranslatedView,
  confidential: z.boolean(),
  /** Kept from the public because a confidential service used it, until a platform admin releases it. */
  heldSecret: z.boolean(),
});
export type LocationView = z.infer<typeof LocationView>;
