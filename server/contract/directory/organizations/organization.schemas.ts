import { z } from 'zod';
import { PhoneView, Timestamp, TranslatedView, VerificationView, UnverifiedChangeView, RejectionView } from '../records/view-schemas.js';
import { ContactBrief, LocationBrief, ServiceSummary } from '../services/service.schemas.js';
import { ORGANIZATION_TYPES } from '../vocabulary.js';
import type { organizationInputWith } from './organization.input.js';

/** The request bodies, as the server binds them to its list of governorates (ISO codes out). */
type OrganizationInput = ReturnType<typeof organizationInputWith>;
export type OrganizationCreate = z.infer<OrganizationInput['OrganizationCreate']>;
export type OrganizationUpdate = z.infer<OrganizationInput['OrganizationUpdate']>;

export const OrganizationSummary = z.object({
  id: z.string(),
  name: TranslatedView,
  alternateName: z.string().nullable(),
  description: TranslatedView,
  type: z.enum(ORGANIZATION_TYPES),
  governorates: z.array(z.string()),
  languages: z.array(z.string()),
  /** What the organisation says (its editors set it). */
  acceptsReferrals: z.boolean(),
  /** What visitors are shown: it says so and someone there receives referrals on the platform now. */
  acceptsReferralsOnPlatform: z.boolean(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(PhoneView),
  lastVerifiedAt: Timestamp.nullable(),
  verification: VerificationView,
  /** Only in lists that asked for archived records (`archived=include|only`), and on an archived record read by its editors. */
  archivedAt: Timestamp.nullable().optional(),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

/** An organisation as pickers list it (`fields=name`). */
export const OrganizationName = OrganizationSummary.pick({ id: true, name: true });
export type OrganizationName = z.infer<typeof OrganizationName>;

export const ORGANIZATION_SUMMARY_FIELDS = [
  'name',
  'alternateName',
  'description',
  'type',
  'governorates',
  'languages',
  'acceptsReferrals',
  'acceptsReferralsOnPlatform',
  'website',
  'email',
  'phones',
  'lastVerifiedAt',
  'verification',
  'archivedAt',
] as const satisfies readonly (keyof OrganizationSummary)[];

export const OrganizationDetail = OrganizationSummary.extend({
  headOfficeGovernorate: z.string().nullable(),
  /** For those who may edit the organisation, and for anyone when the head office is one of the places they may see. */
  headOfficeLocationId: z.string().nullable(),
  yearIncorporated: z.number().nullable(),
  legalStatus: z.string().nullable(),
  services: z.array(ServiceSummary),
  contacts: z.array(ContactBrief),
  /** Confidential locations only for platform admins and the organisation's members. */
  locations: z.array(LocationBrief),
  unverifiedChange: UnverifiedChangeView,
  rejection: RejectionView.optional(),
  version: z.number().int(),
});
export type OrganizationDetail = z.infer<typeof OrganizationDetail>;
