import { z } from 'zod';
import { PhoneView, Timestamp, TranslatedView, VerificationView, UnverifiedChangeView, RejectionView } from '../records/view-schemas.js';
import { CAPACITY_UNITS, GENDER_RESTRICTIONS, ORGANIZATION_TYPES, REQUIRED_IDENTIFICATIONS, RESPONSE_COMMITMENTS, SERVICE_STATUSES, WEEKDAYS } from '../vocabulary.js';
import type { serviceInputWith } from './service.input.js';

/** The request bodies, as the server binds them to its list of governorates (ISO codes out). */
type ServiceInput = ReturnType<typeof serviceInputWith>;
export type ServiceCreate = z.infer<ServiceInput['ServiceCreate']>;
export type ServiceUpdate = z.infer<ServiceInput['ServiceUpdate']>;

// ---- Views -------------------------------------------------------------------------------------

export const PointView = z.object({
  lat: z.number(),
  lng: z.number(),
  /** 'governorate': drawn at the governorate capital (confidential, or no public address). */
  precision: z.enum(['exact', 'governorate']),
});
export type PointView = z.infer<typeof PointView>;

/** A capacity figure as read now: `stale` when older than the configured age (never shown as current). */
export const CapacityView = z.object({
  unit: z.enum(CAPACITY_UNITS),
  available: z.number().int(),
  maximum: z.number().int().nullable(),
  description: TranslatedView,
  updatedAt: Timestamp,
  stale: z.boolean(),
});
export type CapacityView = z.infer<typeof CapacityView>;

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
  /** Absent for a confidential service unless the viewer is a signed-in referrer. */
  capacity: z.array(CapacityView).optional(),
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
  'capacity',
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
export type ScheduleView = z.infer<typeof ScheduleView>;

export const ServiceDetail = ServiceSummary.extend({
  eligibility: TranslatedView,
  applicationProcess: TranslatedView,
  fees: TranslatedView,
  free: z.boolean(),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  genderRestriction: z.enum(GENDER_RESTRICTIONS),
  requiredIdentification: z.enum(REQUIRED_IDENTIFICATIONS).describe('The identification the service requires: none, screened as a presumed victim, or formally identified.'),
  responseCommitment: z
    .enum(RESPONSE_COMMITMENTS)
    .nullable()
    .describe('How quickly the service acknowledges a referral (ISO 8601 duration); a referral not acknowledged by then is overdue. Null: not stated, the platform default applies (4 hours for emergencies, else 3 days).'),
  schedules: z.array(ScheduleView),
  url: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(PhoneView),
  locations: z.array(LocationBrief),
  contacts: z.array(ContactBrief).describe("The service's own contacts; without any, its organisation's referral focal points."),
  unverifiedChange: UnverifiedChangeView,
  rejection: RejectionView.optional(),
  version: z.number().int(),
});
export type ServiceDetail = z.infer<typeof ServiceDetail>;
