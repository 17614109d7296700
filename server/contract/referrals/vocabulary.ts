import type { RequiredIdentification } from '../directory/vocabulary.js';

/**
 * The controlled vocabulary of referrals. Codes are stable API values; labels live in the client's
 * translations. Everything about the person is a code or a band: the record never holds a name.
 */

export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'accepted',
  'declined',
  'completed',
  'not-completed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** States after which nothing more happens; their free text is erased after the retention period. */
export const CLOSED_STATUSES: readonly ReferralStatus[] = ['declined', 'completed', 'not-completed', 'withdrawn'];

/** The life of a referral agreement between two organisations. */
export const AGREEMENT_STATUSES = ['proposed', 'active', 'declined', 'withdrawn', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/**
 * What the sender asks: a `referral` asks for one service while the sender stays responsible for the
 * case; a `transfer` hands the case to the receiver once accepted, the sender keeping read-only history.
 */
export const REFERRAL_KINDS = ['referral', 'transfer'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export const DEFAULT_REFERRAL_KIND: ReferralKind = 'referral';

export const URGENCIES = ['emergency', 'high', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Age bands after the child-protection case management standards: under 18 is a child. */
export const AGE_BANDS = ['0-5', '6-11', '12-17', '18-24', '25-59', '60+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const CHILD_AGE_BANDS: readonly AgeBand[] = ['0-5', '6-11', '12-17'];

/**
 * Whether the person is a child (under 18). While the age is uncertain the person is treated as a
 * child (the presumption of childhood), with every rule that protects children.
 */
export const AGE_STATUSES = ['adult', 'child', 'uncertain'] as const;
export type AgeStatus = (typeof AGE_STATUSES)[number];
export const treatedAsChild = (status: AgeStatus) => status !== 'adult';

/** The guardian or responsible adult of a child, by role: the record never names them. */
export const GUARDIAN_ROLES = ['parent', 'relative', 'legal-guardian', 'state-social-worker', 'other'] as const;

/** How the receiving organisation may reach the person; through the referring caseworker unless told otherwise. */
export const CONTACT_PREFERENCES = ['through-caseworker', 'phone', 'no-contact'] as const;
export const DEFAULT_CONTACT_PREFERENCE = 'through-caseworker';

/**
 * Whether the person is identified as a victim of trafficking, apart from the referral's state: screened
 * as a presumed victim by the referring organisation, then formally identified or not identified by the
 * competent authority (in federal Iraq only an investigative judge formally identifies a victim).
 */
export const IDENTIFICATION_STATUSES = ['screened', 'formally-identified', 'not-identified'] as const;
export type IdentificationStatus = (typeof IDENTIFICATION_STATUSES)[number];

/** Who decided on identification, by role or body from this list: never a name, never a document. */
export const IDENTIFYING_AUTHORITIES = ['investigative-judge', 'court', 'other-competent-authority'] as const;

/**
 * Whether a person with this status meets what a service requires: screening is met by screening or
 * formal identification, formal identification only by itself; "not identified" meets only "none".
 */
export function meetsIdentification(required: RequiredIdentification, status: IdentificationStatus): boolean {
  if (required === 'none') return true;
  if (required === 'formally-identified') return status === 'formally-identified';
  return status !== 'not-identified';
}

export const SEXES = ['female', 'male', 'other', 'undisclosed'] as const;

/**
 * Who gave consent: the person, a parent or guardian (children, or adults unable to consent), or
 * the person together with the guardian (a child old enough to take part).
 */
export const CONSENT_GIVERS = ['person', 'guardian', 'person-with-guardian'] as const;
/** A child's consent is given by or with the guardian. */
export const CHILD_CONSENT_GIVERS: readonly (typeof CONSENT_GIVERS)[number][] = ['guardian', 'person-with-guardian'];

/** What the consent covers: each code is one thing the person agreed to. */
export const CONSENT_SCOPES = [
  /** Being referred to the receiving organisation at all. */
  'referral',
  /** The case summary and notes may be shared with the receiving organisation. */
  'share-case-information',
  /** The receiving organisation may contact the person. */
  'contact-by-receiver',
  /** The referral may be shared onward with government authorities. */
  'share-with-authorities',
] as const;

/**
 * The parts of a referral the person may keep from the receiving organisation, each shared or not
 * (minimum disclosure). The case code, the service asked for and a child's safeguards (guardian's
 * role, best-interests note) are always shared: the receiver cannot act, or accept a child, without
 * them. New referrals share every part unless the caseworker unticks one.
 */
export const SHAREABLE_PARTS = ['needs', 'urgency', 'safetyRisks', 'contactPreference', 'notes'] as const;
export type ShareablePart = (typeof SHAREABLE_PARTS)[number];

/** Why parts are withheld from the receiving organisation; `other` needs a short note. */
export const WITHHOLDING_REASONS = ['person-asked', 'not-needed-for-service', 'risk-to-person', 'other'] as const;

/** The only reasons a referral may go out without consent; the override stays visible on the record. */
export const CONSENT_OVERRIDE_REASONS = ['child-at-risk', 'imminent-danger'] as const;

export const DECLINE_REASONS = [
  'no-capacity',
  'not-eligible',
  'service-unavailable',
  'person-refused',
  'unable-to-contact',
  'other',
] as const;

/** The outcome recorded when a referral is completed. */
export const COMPLETION_OUTCOMES = ['services-provided', 'services-partially-provided', 'referred-onward'] as const;

export const NOT_COMPLETED_REASONS = [
  'person-withdrew',
  'unable-to-contact',
  'person-relocated',
  'service-interrupted',
  'other',
] as const;

export const WITHDRAWAL_REASONS = ['consent-withdrawn', 'needs-met-elsewhere', 'sent-in-error', 'other'] as const;

/** Reason codes that are only meaningful with an explanatory note. */
export const REASONS_NEEDING_NOTE: readonly string[] = ['other'];

/** Nationality: ISO 3166-1 alpha-2, or one of these. */
export const NATIONALITY_OTHER = ['stateless', 'unknown'] as const;
