import { Schema, model, type Model, type Types } from 'mongoose';
import type { StoredRecord } from './record.js';
import { isDuplicateKey } from '../../platform/db/duplicate-key.js';

/**
 * Claims on version steps. FerretDB v1 runs findOneAndUpdate and updateOne as read-modify-write
 * without isolation, so two writers holding the same version can both "win" a version-filtered
 * update (measured: 2 of 10 concurrent findOneAndUpdate calls succeeded). A unique key is atomic
 * on every backend, so each writer first claims the step `version → version + 1` of its record by
 * inserting that key; only the claimant goes on to read, check and update the record. On MongoDB
 * the claim is redundant and harmless.
 */
const VersionClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    record: { type: String, required: true },
    version: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'version_claims', versionKey: false },
);
const VersionClaimModel = model('VersionClaim', VersionClaimSchema);

/** A claim whose writer died between claiming and writing is taken over after this long. */
const ABANDONED_AFTER_MS = 30_000;

/** The key of the step `from → from + 1` of `record`. */
const claimKey = (record: string, from: number) => `${record}@${from + 1}`;

async function claimStep(record: string, from: number): Promise<boolean> {
  const _id = claimKey(record, from);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await VersionClaimModel.create({ _id, record, version: from + 1, at: new Date() });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const abandoned = await VersionClaimModel.deleteOne({ _id, at: { $lt: new Date(Date.now() - ABANDONED_AFTER_MS) } });
      if (!abandoned.deletedCount) return false;
    }
  }
  return false;
}

/**
 * Writes `set` and increments the version if, and only if, the record is still at `expected`:
 * of any number of concurrent writers holding the same version, exactly one succeeds. Returns the
 * new record, or null when another write came first (or the record is gone).
 *
 * Every command selects by `_id` alone, the only filter the embedded database answers from an index
 * (any other one reads the whole collection). Why reading, checking and writing by `_id` is safe:
 * versions only grow, one step at a time, and a step `v → v+1` is taken only by the holder of the
 * claim `record@v+1`. So once we hold `record@expected+1` and then read `expected`, nobody else
 * can move the record until we write: a rival for the same step fails to claim it, and every later
 * step needs the version we are about to write. Our claim disappears before our write only if
 * (a) a successful step from `expected+1` or later removed it — which needs our write first — or
 * (b) it is taken over as abandoned after ABANDONED_AFTER_MS; a writer that has held its claim for
 * half of that gives up instead of writing. Writers that bump versions without claiming (the
 * organisation archive cascade, HSDS import, referral retention) are rare batch jobs outside this
 * guarantee, as they were with a version-filtered update on FerretDB v1.
 */
export async function compareAndSet<R>(
  collection: Model<R>,
  id: Types.ObjectId,
  expected: number,
  set: Record<string, unknown>,
): Promise<StoredRecord<R> | null> {
  const record = `${collection.collection.collectionName}:${id.toHexString()}`;
  const claimed = Date.now();
  if (!(await claimStep(record, expected))) return null;
  const current = await collection.findOne({ _id: id }, { version: 1 }).lean<{ version: number }>();
  if (current?.version !== expected || Date.now() - claimed > ABANDONED_AFTER_MS / 2) {
    // A step that is already taken, or never can be from here, needs no claim: free its key.
    if (current?.version !== expected) await VersionClaimModel.deleteOne({ _id: claimKey(record, expected) });
    return null;
  }
  const after = await collection
    .findOneAndUpdate({ _id: id }, { $set: set, $inc: { version: 1 } }, { new: true })
    .lean<StoredRecord<R>>();
  // The previous step's claim can no longer matter to anyone: keep only the latest one.
  if (after) await VersionClaimModel.deleteOne({ _id: claimKey(record, expected - 1) });
  return after;
}
