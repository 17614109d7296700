import { z } from 'zod';
import { OptionalTranslatedSchema, TranslatedSchema } from '../../text/translated-input.js';
import { ObjectIdSchema } from '../records/object-id.js';

/**
 * What a client writes into a location, free of server runtime code so the web app checks its forms
 * with the same rules; the server passes in its governorate lookup (ISO codes and P-codes).
 */
export function locationInputWith(governorate: z.ZodType<string, string>) {
  const AddressInput = z.strictObject({
    street: OptionalTranslatedSchema.optional(),
    city: OptionalTranslatedSchema.optional(),
    district: z.string().trim().min(1).max(200).nullable().optional(),
    governorate,
  });

  // No zod defaults: an update must not reset what it does not mention. The model supplies defaults on create.
  const fields = {
    name: TranslatedSchema,
    description: OptionalTranslatedSchema,
    address: AddressInput,
    lat: z.number().min(-90).max(90).nullable(),
    lng: z.number().min(-180).max(180).nullable(),
    /** A shelter or safe house: address and coordinates only for its organisation and platform admins. */
    confidential: z.boolean(),
  };

  return {
    LocationCreate: z
      .strictObject({ organizationId: ObjectIdSchema, ...fields })
      .partial()
      .required({ organizationId: true, name: true, address: true }),
    LocationUpdate: z.strictObject(fields).partial(),
  };
}
