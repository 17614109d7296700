import { z } from 'zod';
import { OptionalTranslatedSchema, TranslatedSchema } from '../../platform/text/translated.js';
import { governorateCode } from '../governorates/governorate-data.js';
import { PhoneSchema } from '../phone.js';
import { ObjectIdSchema } from '../records/record.js';
import { PhoneView, Timestamp, TranslatedView } from '../records/view-schemas.js';
import { VerificationView } from '../records/verification.js';
import { TermCode } from '../taxonomy/taxonomy.schemas.js';
import {
  GENDER_RESTRICTIONS,
  ORGANIZATION_TYPES,
  POPULATIONS,
  SERVICE_LANGUAGES,
  SERVICE_STATUSES,
  WEEKDAYS,
} from '../vocabulary.js';

/** A governorate given as ISO 3166-2 or OCHA P-code, stored as the ISO code. */
export const GovernorateInput = z.string().transform((value, ctx) => {
  const code = governorateCode(value);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: `unknown governorate "${value.slice(0, 20)}" (use an ISO 3166-2 code or P-code)` });
    return z.NEVER;
  }
  return code;
});

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((list) => [...new Set(list)]);

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');

const ScheduleInput = z.strictObject({
  byDay: uniqueList(z.enum(WEEKDAYS), 7).optional(),
  opensAt: clock.nullable().optional(),
  closesAt: clock.nullable().optional(),
  description: OptionalTranslatedSchema.optional(),
});

// No zod defaults: an update must not reset what it does not mention. The model supplies defaults on create.
const serviceFields = {
  name: TranslatedSchema,
  description: OptionalTranslatedSchema,
  categories: uniqueList(TermCode, 20),
  populations: uniqueList(z.enum(POPULATIONS), POPULATIONS.length),
  ageMin: z.number().int().min(0).max(120).nullable(),
  ageMax: z.number().int().min(0).max(120).nullable(),
  genderRestriction: z.enum(GENDER_RESTRICTIONS),
  languages: uniqueList(z.enum(SERVICE_LANGUAGES), SERVICE_LANGUAGES.length),
  eligibility: OptionalTranslatedSchema,
  applicationProcess: OptionalTranslatedSchema,
  fees: OptionalTranslatedSchema,
  free: z.boolean(),
  schedules: z.array(ScheduleInput).max(14),
  status: z.enum(SERVICE_STATUSES),
  /** Where the service is delivered; the first one places it on the map. */
  locationIds: uniqueList(ObjectIdSchema, 50),
  /** Service area; defaults to the governorates of its locations. */
  governorates: uniqueList(GovernorateInput, 19),
  /** Shelters and safe houses: shown publicly at governorate level only. */
  confidential: z.boolean(),
  url: z.url({ protocol: /^https?$/ }).max(500).nullable(),
  email: z.email().max(200).nullable(),
  phones: z.array(PhoneSchema).max(10),
};

export const ServiceCreate = z
  .strictObject({ organizationId: ObjectIdSchema, ...serviceFields })
  .partial()
  .required({ organizationId: true, name: true });
export type ServiceCreate = z.infer<typeof ServiceCreate>;

export const ServiceUpdate = z.strictObject(serviceFields).partial();
export type ServiceUpdate = z.infer<typeof ServiceUpdate>;

// ---- Views -------------------------------------------------------------------------------------

export const PointView = z.object({
  lat: z.number(),
  lng: z.number(),
  /** 'governorate': drawn at the governorate capital (confidential, or no public address). */
  precision: z.enum(['exact', 'governorate']),
});
export type PointView = z.infer<typeof PointView>;

export const ServiceSummary = z.object({
  id: z.string(),
  name: TranslatedView,
  description: TranslatedView,
  organization: z.object({ id: z.string(), name: TranslatedView, type: z.enum(ORGANIZATION_TYPES).nullable() }),
  categories: z.array(z.string()),
  populations: z.array(z.string()),
  languages: z.array(z.string()),
  governorates: z.array(z.string()),
  status: z.enum(SERVICE_STATUSES),
  confidential: z.boolean(),
  acceptsReferrals: z.boolean(),
  lastVerifiedAt: Timestamp.nullable(),
  point: PointView.nullable(),
  /** Only with `near`: great-circle distance from the given point, in km. */
  distanceKm: z.number().optional(),
  /** Only for those who verify records (platform admins). */
  verification: VerificationView.optional(),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

export const SERVICE_SUMMARY_FIELDS = [
  'name',
  'description',
  'organization',
  'categories',
  'populations',
  'languages',
  'governorates',
  'status',
  'confidential',
  'acceptsReferrals',
  'lastVerifiedAt',
  'point',
  'distanceKm',
  'verification',
] as const satisfies readonly (keyof ServiceSummary)[];

export const AddressView = z.object({
  street: TranslatedView,
  city: TranslatedView,
  district: z.string().nullable(),
  governorate: z.string(),
});

/** A location as embedded in a service or organisation. */
export const LocationBrief = z.object({
  id: z.string(),
  name: TranslatedView,
  address: AddressView,
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export type LocationBrief = z.infer<typeof LocationBrief>;

/** A contact as embedded in a service or organisation. */
export const ContactBrief = z.object({
  id: z.string(),
  name: z.string(),
  title: TranslatedView,
  email: z.string().nullable(),
  phones: z.array(PhoneView),
  languages: z.array(z.string()),
  referralFocalPoint: z.boolean(),
});
export type ContactBrief = z.infer<typeof ContactBrief>;

export const ScheduleView = z.object({
  byDay: z.array(z.enum(WEEKDAYS)),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  description: TranslatedView,
});

export const ServiceDetail = ServiceSummary.extend({
  eligibility: TranslatedView,
  applicationProcess: TranslatedView,
  fees: TranslatedView,
  free: z.boolean(),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  genderRestriction: z.enum(GENDER_RESTRICTIONS),
  schedules: z.array(ScheduleView),
  url: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(PhoneView),
  locations: z.array(LocationBrief),
  contacts: z.array(ContactBrief).describe("The service's own contacts; without any, its organisation's referral focal points."),
  version: z.number().int(),
});
export type ServiceDetail = z.infer<typeof ServiceDetail>;
