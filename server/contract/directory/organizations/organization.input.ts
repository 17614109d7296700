import { z } from 'zod';
import { OptionalTranslatedSchema, TranslatedSchema } from '../../text/translated-input.js';
import { PhoneSchema } from '../phone-input.js';
import { ObjectIdSchema } from '../records/object-id.js';
import { ORGANIZATION_TYPES, SERVICE_LANGUAGES } from '../vocabulary.js';

/**
 * What a client writes into an organisation, free of server runtime code so the web app checks its
 * forms with the same rules. Only governorates differ: the server resolves ISO codes and P-codes
 * against its bundled file and passes that schema in; the web app offers the ISO codes themselves.
 */
export function organizationInputWith(governorate: z.ZodType<string, string>) {
  // No zod defaults: an update must not reset what it does not mention. The model supplies defaults on create.
  const fields = {
    name: TranslatedSchema,
    alternateName: z.string().trim().min(1).max(200).nullable(),
    description: OptionalTranslatedSchema,
    type: z.enum(ORGANIZATION_TYPES),
    website: z.url({ protocol: /^https?$/ }).max(500).nullable(),
    email: z.email().max(200).nullable(),
    phones: z.array(PhoneSchema).max(10),
    /** Governorates where the organisation works (ISO 3166-2 or P-code). */
    governorates: z
      .array(governorate)
      .max(19)
      .transform((l) => [...new Set(l)]),
    languages: z
      .array(z.enum(SERVICE_LANGUAGES))
      .max(SERVICE_LANGUAGES.length)
      .transform((l) => [...new Set(l)]),
    acceptsReferrals: z.boolean(),
    headOfficeLocationId: ObjectIdSchema.nullable(),
    yearIncorporated: z.number().int().min(1900).max(2100).nullable(),
    legalStatus: z.string().trim().min(1).max(200).nullable(),
  };
  return {
    OrganizationCreate: z.strictObject(fields).partial().required({ name: true, type: true }),
    OrganizationUpdate: z.strictObject(fields).partial(),
  };
}

/** The fields an update may change, in form order: what verification compares and a rejection puts back. */
export const ORGANIZATION_EDITABLE_FIELDS: readonly string[] = Object.keys(organizationInputWith(z.string()).OrganizationUpdate.shape);
