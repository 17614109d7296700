import type { Types } from 'mongoose';
import { CatalogSet, RecordCatalog } from '../directory/catalog/catalog.js';
import { ReferralCommentModel, ReferralModel, referralFeed, type ReferralDoc } from './referral.model.js';
import { SUMMARY_FIELDS, type ReferralSummary } from './referral.view.js';
import type { ReferralStatus, Urgency } from '../contract/referrals/vocabulary.js';

/**
 * The inbox and outbox of every organisation, in memory: per referral what lists filter, sort by and
 * show (never its text), indexed by sending and receiving organisation; and the ids of each
 * referral's comments. It is kept current by the referrals' change feed (each read first applies it:
 * a lookup by _id when nothing changed), so a write on any instance shows in the next list, and a
 * list reads no referral. The embedded database would answer `{ toOrganizationId, … }` or
 * `{ referralId }` by decoding every record.
 */
export interface ReferralEntry {
  _id: Types.ObjectId;
  from: string;
  to: string;
  status: ReferralStatus;
  urgency: Urgency;
  /** Whether the receiver may see the urgency (its inbox is not filtered by a withheld one). */
  urgencyShared: boolean;
  governorate: string;
  acknowledgeBy: number | null;
  createdAt: number;
  /** What the list shows of it. */
  summary: ReferralSummary;
}

const entryOf = (doc: Record<string, unknown>): ReferralEntry => {
  const r = doc as unknown as ReferralDoc;
  return {
    _id: r._id,
    from: r.fromOrganizationId.toHexString(),
    to: r.toOrganizationId.toHexString(),
    status: r.status,
    urgency: r.urgency,
    urgencyShared: r.sharedParts.includes('urgency'),
    governorate: r.governorate,
    acknowledgeBy: r.acknowledgeBy ? r.acknowledgeBy.getTime() : null,
    createdAt: r.createdAt.getTime(),
    summary: Object.fromEntries([['_id', r._id], ...SUMMARY_FIELDS.map((f) => [f, r[f]])]) as ReferralSummary,
  };
};

interface CommentEntry {
  _id: Types.ObjectId;
  referralId: string;
}

const commentOf = (doc: Record<string, unknown>): CommentEntry => ({
  _id: doc._id as Types.ObjectId,
  referralId: (doc.referralId as Types.ObjectId).toHexString(),
});

const entries = new RecordCatalog<ReferralEntry>('referrals', () => ReferralModel as never, entryOf, { indexes: { fields: ['from', 'to'] } });
const comments = new RecordCatalog<CommentEntry>('referral_comments', () => ReferralCommentModel as never, commentOf, { indexes: { fields: ['referralId'] } });
const entrySet = new CatalogSet([entries, comments] as never, () => {}, referralFeed);

/** Loads the index (at start; later calls apply the change feed). */
export const loadReferralIndex = (): Promise<void> => entrySet.ensureFresh();

export type Box = 'inbox' | 'outbox' | 'all';

/** The referrals of a box, current: received and not drafts, sent (drafts included), or every one but drafts. */
export async function boxEntries(box: Box, organizationId: string | null): Promise<ReferralEntry[]> {
  await entrySet.ensureFresh();
  if (box === 'outbox') return entries.find({ from: organizationId });
  const received = box === 'inbox' ? entries.find({ to: organizationId }) : [...entries.values()];
  return received.filter((r) => r.status !== 'draft');
}

/** The ids of a referral's comments, current, in no particular order. */
export async function commentIdsOf(referralId: Types.ObjectId): Promise<Types.ObjectId[]> {
  await entrySet.ensureFresh();
  return comments.find({ referralId: referralId.toHexString() }).map((c) => c._id);
}

/** The same rule as `isOverdue`. */
export const entryOverdue = (r: ReferralEntry, now: number) => r.status === 'sent' && r.acknowledgeBy !== null && r.acknowledgeBy < now;

/** Newest first, ties by id (as the database sorted `{ createdAt: -1, _id: -1 }`). */
export const newestFirst = (a: ReferralEntry, b: ReferralEntry) => b.createdAt - a.createdAt || byId(b._id, a._id);

const byId = (a: Types.ObjectId, b: Types.ObjectId) => (a.toHexString() < b.toHexString() ? -1 : a.toHexString() > b.toHexString() ? 1 : 0);

/** Oldest first, ties by id (as the database sorted comments `{ createdAt: 1, _id: 1 }`). */
export const oldestFirst = (a: { _id: Types.ObjectId; createdAt: Date }, b: { _id: Types.ObjectId; createdAt: Date }) =>
  a.createdAt.getTime() - b.createdAt.getTime() || byId(a._id, b._id);
