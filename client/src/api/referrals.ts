import type {
  AGE_BANDS,
  CONSENT_GIVERS,
  CONSENT_OVERRIDE_REASONS,
  CONSENT_SCOPES,
  ReferralStatus,
  SEXES,
  Urgency,
} from '../../../server/referrals/vocabulary.js';
import type { Translated } from '../i18n/types.js';
import { get, getSignedIn, send, type Query } from './client.js';

export type { ReferralStatus, Urgency };

/** Shapes of the /api/v1/referrals responses (see server/referrals/referral.schemas.ts). */

export interface OrganizationRef {
  id: string;
  name: Translated | null;
}

export interface ReferralSummary {
  id: string;
  status: ReferralStatus;
  version: number;
  from: OrganizationRef;
  to: OrganizationRef & { serviceId: string | null };
  caseCode: string;
  ageBand: (typeof AGE_BANDS)[number];
  sex: (typeof SEXES)[number];
  nationality: string;
  preferredLanguage: string;
  governorate: string;
  needs: string[];
  urgency: Urgency;
  isChild: boolean;
  overdue: boolean;
  sentAt: string | null;
  acknowledgeBy: string | null;
  acknowledgedAt: string | null;
  acceptedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Author {
  userId: string;
  name: string;
  organizationId: string | null;
}

export interface HistoryEntry {
  at: string;
  from: ReferralStatus | null;
  to: ReferralStatus;
  by: Author;
  reason: string | null;
}

export interface Referral extends ReferralSummary {
  consent: {
    given: boolean;
    by: (typeof CONSENT_GIVERS)[number] | null;
    at: string | null;
    scope: (typeof CONSENT_SCOPES)[number][];
  };
  consentOverride: { reason: (typeof CONSENT_OVERRIDE_REASONS)[number]; byUserId: string; at: string } | null;
  textVisible: boolean;
  textErased: boolean;
  summary?: string | null;
  notes?: string | null;
  history: HistoryEntry[];
  allowedMoves: ReferralStatus[];
}

export interface ReferralPage {
  items: ReferralSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Comment {
  id: string;
  author: Author;
  body: string;
  withStatus: ReferralStatus | null;
  createdAt: string;
}

interface BoxCounts {
  awaitingAcknowledgement: number;
  overdue: number;
  inProgress: number;
}

export interface ReferralCounts {
  inbox: BoxCounts;
  outbox: BoxCounts & { drafts: number };
}

/** Window event after this tab moved or sent a referral: the header badge counts again. */
export const REFERRALS_CHANGED = 'ct-referrals-changed';

const path = (id: string, rest = '') => `/referrals/${encodeURIComponent(id)}${rest}`;

export const listReferrals = (query: Query, signal?: AbortSignal) => getSignedIn<ReferralPage>('/referrals', query, signal);
/** Plain GET: the header badge asks on every page and must not send anyone to sign in. */
export const getReferralCounts = (signal?: AbortSignal) => get<ReferralCounts>('/referrals/counts', {}, signal);
export const getReferral = (id: string, signal?: AbortSignal) => getSignedIn<Referral>(path(id), {}, signal);
export const getComments = (id: string, signal?: AbortSignal) =>
  getSignedIn<{ items: Comment[]; textErased: boolean }>(path(id, '/comments'), {}, signal);

/** A new referral: a draft unless `send` is true. The body is checked with the server's own schema first. */
export const createReferral = (body: object) => send<Referral>('POST', '/referrals', body);

/** Edits a draft seen at `version` (the server answers 412 when it changed since). */
export const updateDraft = (id: string, version: number, changes: object) =>
  send<Referral>('PATCH', path(id), changes, { ifMatch: `"${version}"` });

export const moveReferral = (id: string, move: { to: ReferralStatus; reason?: string; note?: string }) =>
  send<Referral>('POST', path(id, '/transitions'), move);

export const postComment = (id: string, body: string) => send<Comment>('POST', path(id, '/comments'), { body });
