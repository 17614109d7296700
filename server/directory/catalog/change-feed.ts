import mongoose from 'mongoose';
import { SharedRun } from '../../platform/shared-run.js';
import { forgetFreshness } from './request-freshness.js';
import { isDuplicateKey } from '../../platform/db/duplicate-key.js';

/**
 * A small log of which records changed, so every app instance can keep its in-memory read model
 * current without scanning collections. Each area (the directory, activities) has a feed of its own,
 * so a write to one invalidates nothing cached for another. A counter document holds the feed's
 * latest version; each change is a document whose _id is its version (`c<version>`). Both are read
 * by _id only — the one lookup the embedded database answers without a scan.
 */
const STATE_ID = 'state';
/** Changes older than this are pruned; an instance that far behind reloads everything. */
const KEEP_MS = 24 * 3600 * 1000;
const PRUNE_EVERY = 500;

export interface ChangeEntry {
  version: number;
  collection: string;
  /** Hex ids of the changed records. */
  ids: string[];
  /** When it was recorded (ms). */
  at?: number;
}

interface ChangeDoc {
  _id: string;
  collection?: string;
  ids?: string[];
  at?: Date;
  version?: number;
}

export class ChangeFeed {
  private readonly versionRead = new SharedRun(() => this.currentVersion());

  constructor(readonly name: string) {}

  private changes() {
    return mongoose.connection.collection<ChangeDoc>(this.name);
  }

  /** Records that these records of `collection` changed. Safe with concurrent writers in several processes. */
  async publish(collection: string, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        const state = await this.changes().findOneAndUpdate({ _id: STATE_ID }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' });
        const version = state?.version ?? 1;
        await this.changes().insertOne({ _id: `c${version}`, collection, ids: [...new Set(ids)], at: new Date() });
        if (version % PRUNE_EVERY === 0) {
          await this.changes().deleteMany({ _id: { $ne: STATE_ID }, at: { $lt: new Date(Date.now() - KEEP_MS) } });
        }
        forgetFreshness();
        return;
      } catch (err) {
        // The embedded database's read-modify-write is not isolated: two first writers may both insert
        // the counter, or two writers be handed the same number. The loser tries again.
        if (!isDuplicateKey(err)) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
    }
    throw new Error(`Could not record a change in ${this.name} after 50 attempts.`);
  }

  async currentVersion(): Promise<number> {
    return (await this.changes().findOne({ _id: STATE_ID }))?.version ?? 0;
  }

  /**
   * currentVersion() shared by concurrent callers, so a burst of requests costs the database one read,
   * not one each, and each still sees every change recorded before it asked.
   */
  latestVersion(): Promise<number> {
    return this.versionRead.next();
  }

  /** The change with this version, or undefined while its writer has not recorded it (yet). */
  async changeAt(version: number): Promise<ChangeEntry | undefined> {
    const doc = await this.changes().findOne({ _id: `c${version}` });
    if (!doc) return undefined;
    return { version, collection: doc.collection ?? '', ids: doc.ids ?? [], at: doc.at?.getTime() };
  }
}

/** Services, organisations, locations and contacts: what the directory catalog is built from. */
export const directoryFeed = new ChangeFeed('directory_changes');
/** Activities: coverage's second source, kept apart so recording one keeps the directory's caches. */
export const activityFeed = new ChangeFeed('activity_changes');
/** Service categories: its version tells every instance when to read the (few) terms again. */
export const taxonomyFeed = new ChangeFeed('taxonomy_changes');
