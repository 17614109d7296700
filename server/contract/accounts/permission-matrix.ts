import { GOVERNMENT_TYPES } from '../directory/vocabulary.js';

/**
 * Least privilege, written once: which role may do which action on its own organisation's records
 * ("own") and on anybody else's ("other"). Anonymous visitors only read the public directory, which
 * needs no permission. Every cell is tested.
 */
export const ROLES = ['platform-admin', 'org-admin', 'caseworker', 'gov-liaison'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'organization:create',
  'organization:update',
  'organization:name-and-type',
  'organization:archive',
  'organization:verify',
  'service:write',
  'location:write',
  'contact:write',
  'capacity:write',
  'confidential:read',
  'confidential:release',
  'taxonomy:write',
  'hotline:write',
  'legal-frame:write',
  'member:manage',
  'referral:send',
  'referral:receive',
  'referral:stats',
  'agreement:manage',
  'activity:write',
  'coverage:referral-stats',
  'audit:read',
  'directory:import',
  'sample:clear',
] as const;
export type Action = (typeof ACTIONS)[number];

export type Scope = 'own' | 'other';
type Cell = Record<Scope, boolean>;
const own: Cell = { own: true, other: false };
const all: Cell = { own: true, other: true };
const none: Cell = { own: false, other: false };

export const PERMISSIONS: Record<Role, Record<Action, Cell>> = {
  'platform-admin': {
    'organization:create': all,
    'organization:update': all,
    // What an organisation is called and what kind of body it is are checked facts (the type decides
    // who may be a government liaison): only platform admins change them.
    'organization:name-and-type': all,
    'organization:archive': all,
    'organization:verify': all,
    'service:write': all,
    'location:write': all,
    'contact:write': all,
    // Free places change by the hour: whoever works at the service updates them, not only its admin.
    'capacity:write': all,
    'confidential:read': all,
    // A place kept secret because a confidential service used it is released by the platform alone.
    'confidential:release': all,
    'taxonomy:write': all,
    'hotline:write': all,
    'legal-frame:write': all,
    'member:manage': all,
    // Platform admins run the platform; they do not handle cases.
    'referral:send': none,
    'referral:receive': none,
    'referral:stats': all,
    'agreement:manage': all,
    'activity:write': all,
    'coverage:referral-stats': all,
    'audit:read': all,
    'directory:import': all,
    'sample:clear': all,
  },
  'org-admin': {
    'organization:create': none,
    'organization:update': own,
    'organization:name-and-type': none,
    'organization:archive': none,
    'organization:verify': none,
    'service:write': own,
    'location:write': own,
    'contact:write': own,
    'capacity:write': own,
    'confidential:read': own,
    'confidential:release': none,
    'taxonomy:write': none,
    'hotline:write': none,
    'legal-frame:write': none,
    'member:manage': own,
    'referral:send': own,
    'referral:receive': own,
    'referral:stats': own,
    'agreement:manage': own,
    'activity:write': own,
    'coverage:referral-stats': none,
    'audit:read': own,
    'directory:import': none,
    'sample:clear': none,
  },
  caseworker: {
    'organization:create': none,
    'organization:update': none,
    'organization:name-and-type': none,
    'organization:archive': none,
    'organization:verify': none,
    'service:write': none,
    'location:write': none,
    'contact:write': none,
    'capacity:write': own,
    'confidential:read': own,
    'confidential:release': none,
    'taxonomy:write': none,
    'hotline:write': none,
    'legal-frame:write': none,
    'member:manage': none,
    'referral:send': own,
    'referral:receive': own,
    'referral:stats': own,
    'agreement:manage': none,
    'activity:write': own,
    'coverage:referral-stats': none,
    'audit:read': none,
    'directory:import': none,
    'sample:clear': none,
  },
  'gov-liaison': {
    'organization:create': none,
    'organization:update': none,
    'organization:name-and-type': none,
    'organization:archive': none,
    'organization:verify': none,
    'service:write': none,
    'location:write': none,
    'contact:write': none,
    'capacity:write': own,
    'confidential:read': own,
    'confidential:release': none,
    'taxonomy:write': none,
    'hotline:write': none,
    'legal-frame:write': none,
    'member:manage': none,
    'referral:send': own,
    'referral:receive': own,
    'referral:stats': all,
    'agreement:manage': none,
    'activity:write': own,
    'coverage:referral-stats': all,
    'audit:read': none,
    'directory:import': none,
    'sample:clear': none,
  },
};

/** Rules the matrix alone does not say, in the order PERMISSIONS.md lists them. */
export const PERMISSION_RULES = [
  '**Roles follow the organisation as it is now.** The permissions of a role are derived on every request ' +
    'from the member’s current organisation, never from a copy taken when the role was given: a `gov-liaison` ' +
    'has the powers above only while their organisation is of a government type (government, law-enforcement, ' +
    'judiciary) and not archived; otherwise they act as a `caseworker`.',
  '**`organization:name-and-type`** — an organisation’s name and type change only by a platform admin ' +
    '(403 `/problems/name-and-type-by-platform-admin` for anybody else; resending them unchanged is fine). ' +
    'The type decides who may be a government liaison.',
  '**`GET /network` follows `referral:stats`.** Edges of the viewer’s own organisation: in full, over the ' +
    'period asked, with both directions. Edges between two other organisations: only for roles with ' +
    '`referral:stats` on **any** organisation, and only as aggregates — referrals counted in whole, completed ' +
    'calendar months (UTC) overlapping the period (`aggregatedPeriod`), without direction, and a count of 1 to 4 ' +
    'shown as “fewer than 5” (`referrals: null`, `fewerThanFive: true`). No choice of periods singles out one ' +
    'day’s referral between two named organisations. The small-count rule below applies.',
  '**Referral figures cannot single anyone out** (`server/referrals/disclosure.ts`, one rule for ' +
    '`/referrals/stats`, `/coverage/referrals`, `/network` and the coverage screens that show them). Figures of ' +
    'the viewer’s own organisation are exact: its members see those referrals anyway (as on `/network`). Every ' +
    'other figure a liaison, a platform admin or the public can read: (1) is counted over whole, completed ' +
    'calendar months (UTC) overlapping the period asked (`aggregatedPeriod`), so narrowing the period to a day, ' +
    'or comparing two periods, isolates nothing smaller than a month; (2) a count of 1 to 4 is withheld: `null`, ' +
    'and the object holding it says `fewerThanFive: true` (a total, a row of a breakdown, a governorate); ' +
    '(3) in a breakdown whose cells add up to a total that can be read or worked out (by status, urgency, ' +
    'governorate, need; each coverage column against the national figure) either no cell is withheld or at ' +
    'least two adding up to 5 or more — the next smallest cells are withheld with a small one — so the total ' +
    'minus the visible cells never gives one back; zeros are shown; (4) medians and rates drawn from fewer than ' +
    '5 referrals, or from a withheld count, are `null`; (5) no row names an organisation, with the scope’s ' +
    'organisation as the other of a pair, for fewer than 5 referrals: `acceptanceByReceiver` lists only ' +
    'receivers with 5 or more decisions, and withholds `accepted` and `rate` when either decision count is 1 to 4. ' +
    'Narrowing to one organisation (`organizationId`) gets the same rule.',
  '**A child’s referral carries its safeguards** (`server/referrals/referral.use-cases.ts`). A person whose ' +
    '`ageStatus` is `child` or `uncertain` (presumption of childhood) consents through or with a guardian ' +
    '(`consent.by` `guardian` or `person-with-guardian`). The receiver moves such a referral to `accepted`, ' +
    'and the sender sends it on an override (no consent), only once the guardian or responsible adult is ' +
    'recorded by role (`guardianRole`, never a name) and a best-interests note is written: otherwise 422 ' +
    '`/problems/child-safeguards-missing` naming the missing fields, nothing changed. The best-interests note ' +
    'is case text: encrypted, read only by members of the two organisations (never platform admins), erased ' +
    'with the rest after the retention period.',
  '**Identification is recorded by the two sides, never by name** (`recordIdentification` in ' +
    '`server/referrals/referral.use-cases.ts`, `POST /referrals/{id}/identification`). The person’s ' +
    'identification status is apart from the referral’s state: a referral starts as `screened` (a presumed ' +
    'victim, screened by the sender) unless the sender already records the authority’s decision. Members of ' +
    'the sending organisation with `referral:send` record `screened`, `formally-identified` or ' +
    '`not-identified`; members of the receiving organisation with `referral:receive` record the two decisions ' +
    'only (403 for `screened`); platform administrators, liaisons and members without the permission of their ' +
    'side record nothing (403), everybody else gets 404. A decision names the authority by role or body from a ' +
    'closed list (`investigative-judge`, `court`, `other-competent-authority`) and the day, never a person’s ' +
    'name or a document. Each change is audited (`referral.identification`, before and after). A service may ' +
    'require `screened` or `formally-identified` (`requiredIdentification`); a referral that falls short still ' +
    'goes, with `identificationWarning` in its answer.',
  '**Overdue urgent referrals are escalated without case text** (`server/referrals/escalation.ts`). A sent ' +
    'referral is overdue once its target service’s `responseCommitment` (`PT1H`, `PT4H`, `P1D`, `P3D`) has ' +
    'passed unacknowledged, or the default (4 hours for emergencies, else 3 days) without one. An overdue ' +
    '`emergency` or `high` referral is mailed once to the receiving organisation’s active `org-admin` members ' +
    '(case code and link only; audited `referral.escalated`). A second such period later it counts on ' +
    '`GET /coverage/referrals/escalated` (`coverage:referral-stats`): a government liaison sees the ' +
    'governorates their body works in, a platform admin all; counts per governorate of the case, never a ' +
    'case, under the small-count rule.',
  '**The reflection period is started by the receiver** (`startReflection` in ' +
    '`server/referrals/referral.use-cases.ts`, `POST /referrals/{id}/reflection`). Members of the receiving ' +
    'organisation with `referral:receive` start the recovery and reflection period of an `accepted` referral, ' +
    'once (409 in any other state or a second time); the sending organisation and platform administrators get ' +
    '403, everybody else 404. It ends `REFLECTION_PERIOD_DAYS` later (30 by default); audited ' +
    '(`referral.reflection`). At its end the active members of both organisations with their side’s permission ' +
    'are mailed once (`server/referrals/reflection.ts`; case code and link only; audited `referral.reflection-ended`).',
  '**An accepted transfer makes the receiver responsible** (`server/referrals/access.ts`). A referral’s ' +
    '`kind` is `referral` (by default: one service is asked for, the sender stays responsible and today’s ' +
    'rules apply) or `transfer`. Once a transfer is `accepted` (and whatever follows), members of the sending ' +
    'organisation read its history, text and comments only: a move, a comment or an identification from them is ' +
    'refused with 403 (a problem saying the case was transferred, in the reader’s language), and ' +
    '`readOnly: true` says so. Members of the receiving organisation with `referral:receive` may then make the ' +
    'sender’s moves too (withdraw it) besides their own (close it). Every write is audited as before.',
] as const;

/** The signed-in user as the rest of the server sees it (what the session deserialises to). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Null only for platform admins. */
  organizationId: string | null;
}

/**
 * The role a member acts in, from their granted role and what their organisation is NOW: a government
 * liaison's powers hold only while the organisation is a government body; otherwise they act as a
 * caseworker. Derived on every request, so a later change of the organisation takes effect at once.
 */
export function effectiveRole(granted: Role, organizationType: string | null): Role {
  if (granted === 'gov-liaison' && !(GOVERNMENT_TYPES as readonly (string | null)[]).includes(organizationType)) return 'caseworker';
  return granted;
}

export function can(user: SessionUser | undefined, action: Action, targetOrganizationId?: string | null): boolean {
  if (!user) return false;
  const cell = PERMISSIONS[user.role][action];
  if (cell.other) return true;
  if (!cell.own) return false;
  // With no target, "own" means "for my own organisation", which every member has.
  if (targetOrganizationId === undefined) return user.organizationId !== null;
  return targetOrganizationId !== null && user.organizationId === targetOrganizationId;
}

/** True when the role may do the action on every organisation's records (the "other" column). */
export function canEverywhere(user: SessionUser | undefined, action: Action): boolean {
  return user !== undefined && PERMISSIONS[user.role][action].other;
}
