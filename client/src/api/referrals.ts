import type { z } from 'zod';
import type {
  CommentList,
  CommentView,
  CountsView,
  ReferralList,
  ReferralSummaryView,
  ReferralView,
} from '../../../server/contract/referrals/referral.schemas.js';
import type { TransitionBody } from '../../../server/contract/referrals/referral-input.js';
import type { ReferralStatus, Urgency } from '../../../server/contract/referrals/vocabulary.js';
import { get, getSignedIn, send, type OverTheWire, type Query } from './client.js';

export type { ReferralStatus, Urgency };

/** The /api/v1/referrals responses, as the server's own view schemas describe them. */
export type ReferralSummary = OverTheWire<z.output<typeof ReferralSummaryView>>;
export type Referral = OverTheWire<z.output<typeof ReferralView>>;
export type ReferralPage = OverTheWire<z.output<typeof ReferralList>>;
export type Comment = OverTheWire<z.output<typeof CommentView>>;
export type ReferralCounts = z.output<typeof CountsView>;
export type OrganizationRef = ReferralSummary['from'];
export type HistoryEntry = Referral['history'][number];
export type Author = HistoryEntry['by'];

/** Window event after this tab moved or sent a referral: the header badge counts again. */
export const REFERRALS_CHANGED = 'ct-referrals-changed';

const path = (id: string, rest = '') => `/referrals/${encodeURIComponent(id)}${rest}`;

export const listReferrals = (query: Query, signal?: AbortSignal) => getSignedIn<ReferralPage>('/referrals', query, signal);
/** Plain GET: the header badge asks on every page and must not send anyone to sign in. */
export const getReferralCounts = (signal?: AbortSignal) => get<ReferralCounts>('/referrals/counts', {}, signal);
export const getReferral = (id: string, signal?: AbortSignal) => getSignedIn<Referral>(path(id), {}, signal);
export const getComments = (id: string, signal?: AbortSignal) =>
  getSignedIn<OverTheWire<z.output<typeof CommentList>>>(path(id, '/comments'), {}, signal);

/** A new random Idempotency-Key (getRandomValues works outside secure contexts too, unlike randomUUID). */
export const newIdempotencyKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A new referral: a draft unless `send` is true. The body is checked with the server's own schema
 * first. Retries of one creation pass the same `idempotencyKey`, so a lost answer makes no duplicate.
 */
export const createReferral = (body: object, idempotencyKey: string) => send<Referral>('POST', '/referrals', body, { idempotencyKey });

/** Edits a draft seen at `version` (the server answers 412 when it changed since). */
export const updateDraft = (id: string, version: number, changes: object) =>
  send<Referral>('PATCH', path(id), changes, { ifMatch: `"${version}"` });

export const moveReferral = (id: string, move: z.input<typeof TransitionBody>) =>
  send<Referral>('POST', path(id, '/transitions'), move);

/** Records the person's identification status (screening, or the authority's decision by role and day). */
export const recordIdentification = (id: string, body: object) => send<Referral>('POST', path(id, '/identification'), body);

/** Starts the reflection period of an accepted referral seen at `version` (the receiving side). */
export const startReflection = (id: string, version: number) => send<Referral>('POST', path(id, '/reflection'), {}, { ifMatch: `"${version}"` });

export const postComment = (id: string, body: string) => send<Comment>('POST', path(id, '/comments'), { body });
