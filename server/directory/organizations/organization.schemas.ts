import { z } from 'zod';
import { OptionalTranslatedSchema, TranslatedSchema } from '../../platform/text/translated.js';
import { PhoneSchema } from '../phone.js';
import { ObjectIdSchema } from '../records/record.js';
import { PhoneView, Timestamp, TranslatedView } from '../records/view-schemas.js';
import { ContactBrief, GovernorateInput, LocationBrief, ServiceSummary } from '../services/service.schemas.js';
import { ORGANIZATION_TYPES, SERVICE_LANGUAGES } from '../vocabulary.js';
import { VerificationView } from '../records/verification.js';

// No zod defaults: an update must not reset what it does not mention. The model supplies defaults on create.
const organizationFields = {
  name: TranslatedSchema,
  alternateName: z.string().trim().min(1).max(200).nullable(),
  description: OptionalTranslatedSchema,
  type: z.enum(ORGANIZATION_TYPES),
  website: z.url({ protocol: /^https?$/ }).max(500).nullable(),
  email: z.email().max(200).nullable(),
  phones: z.array(PhoneSchema).max(10),
  /** Governorates where the organisation works (ISO 3166-2 or P-code). */
  governorates: z
    .array(GovernorateInput)
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

export const OrganizationCreate = z.strictObject(organizationFields).partial().required({ name: true, type: true });
export type OrganizationCreate = z.infer<typeof OrganizationCreate>;

export const OrganizationUpdate = z.strictObject(organizationFields).partial();
export type OrganizationUpdate = z.infer<typeof OrganizationUpdate>;

export const OrganizationSummary = z.object({
  id: z.string(),
  name: TranslatedView,
  alternateName: z.string().nullable(),
  description: TranslatedView,
  type: z.enum(ORGANIZATION_TYPES),
  governorates: z.array(z.string()),
  languages: z.array(z.string()),
  acceptsReferrals: z.boolean(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(PhoneView),
  lastVerifiedAt: Timestamp.nullable(),
  verification: VerificationView,
});
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

export const ORGANIZATION_SUMMARY_FIELDS = [
  'name',
  'alternateName',
  'description',
  'type',
  'governorates',
  'languages',
  'acceptsReferrals',
  'website',
  'email',
  'phones',
  'lastVerifiedAt',
  'verification',
] as const satisfies readonly (keyof OrganizationSummary)[];

export const OrganizationDetail = OrganizationSummary.extend({
  headOfficeGovernorate: z.string().nullable(),
  yearIncorporated: z.number().nullable(),
  legalStatus: z.string().nullable(),
  services: z.array(ServiceSummary),
  contacts: z.array(ContactBrief),
  /** Confidential locations only for platform admins and the organisation's members. */
  locations: z.array(LocationBrief),
  version: z.number().int(),
});
export type OrganizationDetail = z.infer<typeof OrganizationDetail>;
