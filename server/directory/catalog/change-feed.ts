import mongoose from 'mongoose';

/**
 * A small log of which directory records changed, so every app instance can keep its in-memory
 * catalog current without scanning collections. A counter document holds the latest version; each
 * change is a document whose _id is its version (`c<version>`). Both are read by _id only — the one
 * lookup the embedded database answers without a scan.
 */
const COLLECTION = 'directory_changes';
const STATE_ID = 'state';
/** Changes older than this are pruned; an instance that far behind reloads everything. */
const KEEP_MS = 24 * 3600 * 1000;
const PRUNE_EVERY = 500;

export interface ChangeEntry {
  version: number;
  collection: string;
  /** Hex ids of the changed records; empty with `all`. */
  ids: string[];
  /** Anything in the collection may have changed: reload it whole. */
  all: boolean;
}

interface ChangeDoc {
  _id: string;
  collection?: string;
  ids?: string[];
  all?: boolean;
  at?: Date;
  version?: number;
}

const changes = () => mongoose.connection.collection<ChangeDoc>(COLLECTION);

function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number }).code === 11000;
}

/** Records that records of `collection` changed. Safe with concurrent writers in several processes. */
export async function publishChange(collection: string, ids: readonly string[] | 'all'): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const state = await changes().findOneAndUpdate({ _id: STATE_ID }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' });
      const version = state?.version ?? 1;
      await changes().insertOne({ _id: `c${version}`, collection, ids: ids === 'all' ? [] : [...ids], all: ids === 'all', at: new Date() });
      if (version % PRUNE_EVERY === 0) {
        await changes().deleteMany({ _id: { $ne: STATE_ID }, at: { $lt: new Date(Date.now() - KEEP_MS) } });
      }
      return;
    } catch (err) {
      // The embedded database's read-modify-write is not isolated: two first writers may both insert
      // the counter, or two writers be handed the same number. The loser tries again.
      if (!isDuplicateKey(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
    }
  }
  throw new Error('Could not record a directory change after 50 attempts.');
}

export async function currentVersion(): Promise<number> {
  return (await changes().findOne({ _id: STATE_ID }))?.version ?? 0;
}

/** The change with this version, or undefined while its writer has not recorded it (yet). */
export async function changeAt(version: number): Promise<ChangeEntry | undefined> {
  const doc = await changes().findOne({ _id: `c${version}` });
  if (!doc) return undefined;
  return { version, collection: doc.collection ?? '', ids: doc.ids ?? [], all: Boolean(doc.all) };
}
