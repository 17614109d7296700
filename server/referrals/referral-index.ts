import type { Types } from 'mongoose';
import { CatalogSet, RecordCatalog } from '../directory/catalog/catalog.js';
import { ReferralModel, referralFeed, type ReferralDoc } from './referral.model.js';
import type { ReferralStatus, Urgency } from '../contract/referrals/vocabulary.js';

/**
 * The inbox and outbox of every organisation, in memory: per referral only what lists filter and
 * sort by, indexed by sending and receiving organisation. It is kept current by the referrals' change
 * feed (each read first applies it: a lookup by _id when nothing changed), so a write on any instance
 * shows in the next list; the page shown is then read by _id. The embedded database would answer
 * `{ toOrganizationId, … }` by decoding every referral.
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
  };
};

const entries = new RecordCatalog<ReferralEntry>('referrals', () => ReferralModel as never, entryOf, { indexes: { fields: ['from', 'to'] } });
const entrySet = new CatalogSet([entries] as never, () => {}, referralFeed);

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

/** The same rule as `isOverdue`. */
export const entryOverdue = (r: ReferralEntry, now: number) => r.status === 'sent' && r.acknowledgeBy !== null && r.acknowledgeBy < now;

/** Newest first, ties by id (as the database sorted `{ createdAt: -1, _id: -1 }`). */
export const newestFirst = (a: ReferralEntry, b: ReferralEntry) =>
  b.createdAt - a.createdAt || (a._id.toHexString() < b._id.toHexString() ? 1 : a._id.toHexString() > b._id.toHexString() ? -1 : 0);
