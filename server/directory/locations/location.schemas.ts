import { z } from 'zod';
import { OptionalTranslatedSchema, TranslatedSchema } from '../../platform/text/translated.js';
import { ObjectIdSchema } from '../records/record.js';
import { TranslatedView } from '../records/view-schemas.js';
import { GovernorateInput, LocationBrief } from '../services/service.schemas.js';

const AddressInput = z.strictObject({
  street: OptionalTranslatedSchema.optional(),
  city: OptionalTranslatedSchema.optional(),
  district: z.string().trim().min(1).max(200).nullable().optional(),
  governorate: GovernorateInput,
});

// No zod defaults: an update must not reset what it does not mention. The model supplies defaults on create.
const locationFields = {
  name: TranslatedSchema,
  description: OptionalTranslatedSchema,
  address: AddressInput,
  lat: z.number().min(-90).max(90).nullable(),
  lng: z.number().min(-180).max(180).nullable(),
  /** A shelter or safe house: address and coordinates only for its organisation and platform admins. */
  confidential: z.boolean(),
};

export const LocationCreate = z
  .strictObject({ organizationId: ObjectIdSchema, ...locationFields })
  .partial()
  .required({ organizationId: true, name: true, address: true });
export type LocationCreate = z.infer<typeof LocationCreate>;

export const LocationUpdate = z.strictObject(locationFields).partial();
export type LocationUpdate = z.infer<typeof LocationUpdate>;

export const LocationView = LocationBrief.extend({
  organizationId: z.string(),
  description: TranslatedView,
  confidential: z.boolean(),
});
export type LocationView = z.infer<typeof LocationView>;
