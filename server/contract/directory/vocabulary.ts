/** Controlled vocabularies of the directory. Codes are stable API values; labels live in the client's translations. */

export const ORGANIZATION_TYPES = [
  'local-ngo',
  'international-ngo',
  'un-agency',
  'government',
  'law-enforcement',
  'judiciary',
  'bar-association',
  'media',
  'community-based',
  'academic',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** Organisation types that make an organisation a "government body" for roles and referrals. */
export const GOVERNMENT_TYPES: readonly OrganizationType[] = ['government', 'law-enforcement', 'judiciary'];

export const POPULATIONS = [
  'women',
  'men',
  'girls',
  'boys',
  'migrants',
  'idps',
  'refugees',
  'returnees',
  'trafficking-survivors',
  'gbv-survivors',
  'persons-with-disabilities',
] as const;
export type Population = (typeof POPULATIONS)[number];

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily-closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** What a service counts its capacity in (HSDS 3.1 `service_capacity.unit`). */
export const CAPACITY_UNITS = ['beds', 'places', 'sessions'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];

export const GENDER_RESTRICTIONS = ['any', 'female', 'male'] as const;

/**
 * The identification a service requires before it takes a person in (e.g. a government shelter that
 * needs a formal identification): none, screening as a presumed victim, or formal identification.
 */
export const REQUIRED_IDENTIFICATIONS = ['none', 'screened', 'formally-identified'] as const;
export type RequiredIdentification = (typeof REQUIRED_IDENTIFICATIONS)[number];

/**
 * How quickly a service acknowledges a referral, as ISO 8601 durations (1 hour, 4 hours, 1 day,
 * 3 days). A referral sent to the service is overdue once its commitment has passed.
 */
export const RESPONSE_COMMITMENTS = ['PT1H', 'PT4H', 'P1D', 'P3D'] as const;
export type ResponseCommitment = (typeof RESPONSE_COMMITMENTS)[number];

export const RESPONSE_COMMITMENT_HOURS: Record<ResponseCommitment, number> = { PT1H: 1, PT4H: 4, P1D: 24, P3D: 72 };

/**
 * Languages services are offered in (ISO 639 codes): Arabic, Kurdish Sorani and Kurmanji (Badini),
 * English, Turkmen (Turkish), Syriac/Neo-Aramaic, Persian, Armenian, plus languages of foreign
 * nationals most often met in trafficking cases in Iraq.
 */
export const SERVICE_LANGUAGES = [
  'ar',
  'ckb',
  'kmr',
  'en',
  'tr',
  'syr',
  'fa',
  'hy',
  'bn',
  'ur',
  'hi',
  'ne',
  'tl',
  'am',
  'sw',
  'fr',
  'si',
  'id',
] as const;
export type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number];

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Where a record stands with the platform admins' verification (see records/verification.ts). */
export const VERIFICATION_STATES = ['unverified', 'pending', 'verified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATES)[number];
