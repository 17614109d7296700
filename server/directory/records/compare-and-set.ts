import { Schema, model, type Model, type Types } from 'mongoose';
import type { StoredRecord } from './record.js';

/**
 * Claims on version steps. FerretDB v1 runs findOneAndUpdate and updateOne as read-modify-write
 * without isolation, so two writers holding the same version can both "win" a version-filtered
 * update (measured: 2 of 10 concurrent findOneAndUpdate calls succeeded). A unique key is atomic
 * on every backend, so each writer first claims the step `version → version + 1` of its record by
 * inserting that key; only the claimant goes on to the (still version-filtered) update. On MongoDB
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
VersionClaimSchema.index({ record: 1, version: 1 });
const VersionClaimModel = model('VersionClaim', VersionClaimSchema);

/** A claim whose writer died between claiming and writing is taken over after this long. */
const ABANDONED_AFTER_MS = 30_000;

async function claimStep(record: string, from: number): Promise<boolean> {
  const _id = `${record}@${from + 1}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await VersionClaimModel.create({ _id, record, version: from + 1, at: new Date() });
      return true;
    } catch (err) {
      if ((err as { code?: unknown }).code !== 11000) throw err;
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
 */
export async function compareAndSet<R>(
  collection: Model<R>,
  id: Types.ObjectId,
  expected: number,
  set: Record<string, unknown>,
): Promise<StoredRecord<R> | null> {
  const record = `${collection.collection.collectionName}:${id.toHexString()}`;
  if (!(await claimStep(record, expected))) return null;
  const after = await collection
    .findOneAndUpdate({ _id: id, version: expected }, { $set: set, $inc: { version: 1 } }, { new: true })
    .lean<StoredRecord<R>>();
  // Older steps can no longer be claimed by anyone who matters: keep only the latest claim.
  if (after) await VersionClaimModel.deleteMany({ record, version: { $lte: expected } });
  return after;
}
