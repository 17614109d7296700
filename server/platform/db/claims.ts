import { Schema, model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key.js';

/**
 * "First one wins" without transactions. The embedded FerretDB v1 applies a conditional update
 * (`updateOne({ _id, usedAt: null }, …)`, `findOneAndUpdate`, even `$inc`) as read-then-write, so two
 * concurrent callers can both succeed. An insert under a unique key is the one write it makes
 * atomic, on MongoDB too: whoever inserts the claim key first owns the step.
 */
const ClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'claims', versionKey: false },
);
ClaimSchema.index({ at: 1 });

const ClaimModel = model('Claim', ClaimSchema);

/** True for the one caller that claims `key` first; false for everybody after. */
export async function claimOnce(key: string): Promise<boolean> {
  try {
    await ClaimModel.create({ _id: key });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Gives a claim back, for the claimer whose step failed, so it can be tried again. */
export async function releaseClaim(key: string): Promise<void> {
  await ClaimModel.deleteOne({ _id: key });
}

/** When `key` was claimed, or null if it is free. */
export async function claimedAt(key: string): Promise<Date | null> {
  return (await ClaimModel.findById(key).lean())?.at ?? null;
}

/** Removes claims older than `before`; callers keep claims while the thing they guard can still be used. */
export async function removeClaimsOlderThan(before: Date): Promise<number> {
  return (await ClaimModel.deleteMany({ at: { $lt: before } })).deletedCount;
}
