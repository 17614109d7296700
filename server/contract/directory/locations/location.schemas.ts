import { z } from 'zod';
import { TranslatedView } from '../records/view-schemas.js';
import { LocationBrief } from '../services/service.schemas.js';
import type { locationInputWith } from './location.input.js';

/** The request bodies, as the server binds them to its list of governorates (ISO codes out). */
type LocationInput = ReturnType<typeof locationInputWith>;
export type LocationCreate = z.infer<LocationInput['LocationCreate']>;
export type LocationUpdate = z.infer<LocationInput['LocationUpdate']>;

export const LocationView = LocationBrief.extend({
  organizationId: z.string(),
  description: TranslatedView,
  confidential: z.boolean(),
  /** Kept from the public because a confidential service used it, until a platform admin releases it. */
  heldSecret: z.boolean(),
});
export type LocationView = z.infer<typeof LocationView>;

/** One location as read for editing: with the version its ETag names. */
export const LocationDetail = LocationView.extend({ version: z.number().int() });
export type LocationDetail = z.infer<typeof LocationDetail>;
