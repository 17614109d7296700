/** Controlled vocabularies of activities (4W). Codes are stable API values; labels live in the client's translations. */

export const ACTIVITY_KINDS = ['awareness-session', 'training', 'campaign', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const AUDIENCES = [
  'public',
  'police',
  'judiciary',
  'media',
  'ngo-staff',
  'communities-at-risk',
  'government-officials',
  'health-workers',
] as const;
export type Audience = (typeof AUDIENCES)[number];

/** People reached, by sex and age band: the 4W disaggregation. */
export const REACH_GROUPS = ['women', 'men', 'girls', 'boys'] as const;
export type ReachGroup = (typeof REACH_GROUPS)[number];
export type Reach = Record<ReachGroup, number>;

export const reachTotal = (reach: Reach): number => REACH_GROUPS.reduce((sum, group) => sum + reach[group], 0);
