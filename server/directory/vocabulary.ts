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

export const GENDER_RESTRICTIONS = ['any', 'female', 'male'] as const;

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
