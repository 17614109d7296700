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

export const URGENCIES = ['emergency', 'high', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Age bands after the child-protection case management standards: under 18 is a child. */
export const AGE_BANDS = ['0-5', '6-11', '12-17', '18-24', '25-59', '60+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const CHILD_AGE_BANDS: readonly AgeBand[] = ['0-5', '6-11', '12-17'];

export const SEXES = ['female', 'male', 'other', 'undisclosed'] as const;

/** Who gave consent: the person, or a parent or guardian (children, or adults unable to consent). */
export const CONSENT_GIVERS = ['person', 'guardian'] as const;

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
