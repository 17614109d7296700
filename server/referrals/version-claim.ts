import { Schema, model, type Model, type RootFilterQuery, type Types, type UpdateQuery } from 'mongoose';

/**
 * Why this exists: FerretDB v1 runs a conditional update (findAndModify, update) as a read followed by
 * a write of the whole document by _id, without re-checking the filter. Two requests that both read
 * version 3 would both "win", the second overwriting the first. Inserting a document with a unique
 * _id, though, is atomic on every backend. So a writer first claims `(record, version it read)`;
 * only one claim of a version can exist, and only its holder goes on to the conditional update
 * (which on MongoDB would have been enough by itself, and stays as the second guard).
 */
const VersionClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    recordId: { type: Schema.Types.ObjectId, required: true, index: true },
    at: { type: Date, required: true },
  },
  { collection: 'version_claims', versionKey: false },
);

export const VersionClaimModel = model('VersionClaim', VersionClaimSchema);

/** A claim older than this whose record never moved past it was left by a crash; it may be taken over. */
const ORPHANED_AFTER_MS = 60_000;

const claimId = (collection: string, id: Types.ObjectId, version: number) => `${collection}:${id.toString()}:${version}`;
const isDuplicateKey = (err: unknown) => (err as { code?: unknown }).code === 11000;

async function claim(collection: string, id: Types.ObjectId, version: number): Promise<boolean> {
  const _id = claimId(collection, id, version);
  for (const attempt of [1, 2]) {
    try {
      await VersionClaimModel.create({ _id, recordId: id, at: new Date() });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      if (attempt === 2) return false;
      const orphaned = await VersionClaimModel.deleteOne({ _id, at: { $lt: new Date(Date.now() - ORPHANED_AFTER_MS) } });
      if (orphaned.deletedCount === 0) return false;
    }
  }
  return false;
}

/**
 * Applies `update` (and bumps the version) if the record is still at `current.version` and matches
 * `filter`; null when another writer got there first, in which case nothing changed.
 */
export async function updateAtVersion<D extends { _id: Types.ObjectId; version: number }>(
  recordModel: Model<D>,
  current: { _id: Types.ObjectId; version: number },
  update: UpdateQuery<D>,
  filter: Record<string, unknown> = {},
): Promise<D | null> {
  const collection = recordModel.collection.collectionName;
  if (!(await claim(collection, current._id, current.version))) return null;
  try {
    return await recordModel
      .findOneAndUpdate(
        { ...filter, _id: current._id, version: current.version } as RootFilterQuery<D>,
        { ...update, $inc: { version: 1 } } as UpdateQuery<D>,
        { new: true },
      )
      .lean<D>();
  } catch (err) {
    // The write did not happen: give the version back so the record is not stuck.
    await VersionClaimModel.deleteOne({ _id: claimId(collection, current._id, current.version) }).catch(() => {});
    throw err;
  }
}

/** Claims are bookkeeping of past writes; once a record can no longer change, its claims can go. */
export async function forgetClaims(recordIds: Types.ObjectId[]): Promise<void> {
  await VersionClaimModel.deleteMany({ recordId: { $in: recordIds } });
}
