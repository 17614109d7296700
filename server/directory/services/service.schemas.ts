import { z } from 'zod';
import { governorateCode } from '../governorates/governorate-data.js';
import { PhoneView, Timestamp, TranslatedView } from '../records/view-schemas.js';
import { VerificationView } from '../records/verification.js';
import { GENDER_RESTRICTIONS, ORGANIZATION_TYPES, SERVICE_STATUSES, WEEKDAYS } from '../vocabulary.js';
import { serviceInputWith } from './service.input.js';

/** A governorate given as ISO 3166-2 or OCHA P-code, stored as the ISO code. */
export const GovernorateInput = z.string().transform((value, ctx) => {
  const code = governorateCode(value);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: `unknown governorate "${value.slice(0, 20)}" (use an ISO 3166-2 code or P-code)` });
    return z.NEVER;
  }
  return code;
});

export const { ServiceCreate, ServiceUpdate } = serviceInputWith(GovernorateInput);
export type ServiceCreate = z.infer<typeof ServiceCreate>;
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
