import mongoose, { type Model, type Types } from 'mongoose';
import { isDatabaseUnavailable } from '../../platform/http/errors.js';
import { SharedRun } from '../../platform/shared-run.js';
import { CatalogIndexes, type CatalogIndexSpec } from './catalog-index.js';
import { SnapshotRejected, type CatalogSnapshots, type SnapshotContent, type SnapshotSource } from './catalog-snapshot.js';
import { directoryFeed, type ChangeEntry, type ChangeFeed } from './change-feed.js';
import { matchesFilter, type FieldMatchers, type Filter } from './filter-match.js';

/**
 * In-memory copies of the directory's searchable collections, one per app instance. The embedded
 * database answers only lookups by _id without scanning a whole collection, so searches, facets,
 * the map and coverage run here, over the same filter objects the database would take. Each read
 * first applies the change feed (two lookups by _id when nothing changed), so an instance sees its
 * own and other instances' writes at once.
 */
export interface CatalogRecord {
  _id: Types.ObjectId;
}

/** A structure derived from the records (a compiled read model): built at each load, then told of every change. */
export interface ReadModel<T> {
  add(id: string, record: T): void;
  remove(id: string, record: T): void;
}

export interface RecordCatalogOptions<T, M extends ReadModel<T>> {
  /** Field-specific matchers, for fields the catalog keeps in another form than the database. */
  fieldMatchers?: FieldMatchers;
  /** What to index so that a search looks at its candidates only. */
  indexes?: CatalogIndexSpec;
  /** Makes an empty read model to keep current with the records. */
  readModel?: () => M;
}

export class RecordCatalog<T extends CatalogRecord, M extends ReadModel<T> = ReadModel<T>> {
  private records = new Map<string, T>();
  /**
   * Built at the first find or count after a load, not during it: only writes search this way
   * (requests run the read model's plans), and a start should not wait for them.
   */
  private indexes: CatalogIndexes | undefined;
  private model_: M | undefined;
  private generation_ = 0;
  /**
   * Recent answers by filter, dropped at any change: a directory screen asks the same search three
   * times (list, counts, map) and then its next pages.
   */
  private readonly answers = new Map<string, T[]>();

  constructor(
    readonly collection: string,
    private readonly model: () => Model<unknown>,
    private readonly prepare: (doc: Record<string, unknown>) => T,
    private readonly options: RecordCatalogOptions<T, M> = {},
  ) {}

  /** The read model of the records (for a catalog made with one); made on first use, not while modules load. */
  get readModel(): M {
    this.model_ ??= this.options.readModel?.();
    if (!this.model_) throw new Error(`The ${this.collection} catalog keeps no read model.`);
    return this.model_;
  }

  get size(): number {
    return this.records.size;
  }

  /** Changes (in the same step) whenever any record does: what values derived from the records are keyed by. */
  get generation(): number {
    return this.generation_;
  }

  loadAll(): Promise<void> {
    return this.fill(this.model().collection.find({}));
  }

  /**
   * Replaces every record with these documents (as stored, or as this catalog keeps them: preparing is
   * idempotent). They become the catalog's: preparing may change them in place.
   */
  async fill(docs: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>): Promise<void> {
    const records = new Map<string, T>();
    const readModel = this.options.readModel?.();
    for await (const doc of docs) {
      const record = this.prepare(doc);
      const id = record._id.toHexString();
      records.set(id, record);
      readModel?.add(id, record);
    }
    this.records = records;
    this.indexes = undefined;
    this.model_ = readModel;
    this.answers.clear();
    this.generation_++;
  }

  /** Re-reads these records one by one (a lookup by _id each; `$in` would scan on the embedded database). */
  async reload(ids: readonly string[]): Promise<void> {
    const docs: (Record<string, unknown> | null)[] = [];
    for (let i = 0; i < ids.length; i += RELOAD_IN_FLIGHT) {
      docs.push(
        ...(await Promise.all(
          ids
            .slice(i, i + RELOAD_IN_FLIGHT)
            .map((id) => (mongoose.isValidObjectId(id) ? this.model().collection.findOne({ _id: new mongoose.Types.ObjectId(id) }) : null)),
        )),
      );
    }
    this.answers.clear();
    this.generation_++;
    ids.forEach((id, i) => {
      const previous = this.records.get(id);
      if (previous) {
        this.indexes?.remove(id, previous);
        this.model_?.remove(id, previous);
      }
      const doc = docs[i];
      if (!doc) {
        this.records.delete(id);
        return;
      }
      const record = this.prepare(doc);
      this.records.set(id, record);
      this.indexes?.add(id, record);
      this.model_?.add(id, record);
    });
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  values(): IterableIterator<T> {
    return this.records.values();
  }

  /** Every record the filter matches, in no particular order: for writes that follow a write (requests run compiled plans). */
  find(filter: Filter): T[] {
    const key = filterKey(filter);
    let answer = this.answers.get(key);
    if (!answer) {
      answer = [];
      for (const record of this.candidates(filter)) if (matchesFilter(record, filter, this.options.fieldMatchers)) answer.push(record);
      if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, answer);
    }
    // A copy: callers may sort what they get.
    return answer.slice();
  }

  /** How many records the filter matches, uncached: what bench/catalog-bench.ts times the compiled plans against. */
  count(filter: Filter): number {
    let n = 0;
    for (const record of this.candidates(filter)) if (matchesFilter(record, filter, this.options.fieldMatchers)) n++;
    return n;
  }

  private *candidates(filter: Filter): Iterable<T> {
    if (!this.indexes) {
      this.indexes = new CatalogIndexes(this.options.indexes ?? {});
      for (const [id, record] of this.records) this.indexes.add(id, record);
    }
    const ids = this.indexes.candidates(filter);
    if (!ids) {
      yield* this.records.values();
      return;
    }
    for (const id of ids) {
      const record = this.records.get(id);
      if (record) yield record;
    }
  }
}

/**
 * A value computed from the records of these catalogs, kept until any of them changes: computed once
 * per change, not per request, and never older than the records it is read with.
 */
export function derivedFrom<V>(catalogs: readonly { generation: number }[], compute: () => V): () => V {
  let key: string | undefined;
  let value: V;
  return () => {
    const current = catalogs.map((c) => c.generation).join(':');
    if (current !== key) {
      value = compute();
      key = current;
    }
    return value;
  };
}

const MAX_ANSWERS = 64;
/** Records re-read at once: enough to fill the connection pool, few enough not to queue thousands. */
const RELOAD_IN_FLIGHT = 64;

/** A filter as text, dates tagged (as JSON alone they would read like the strings they print as). */
function filterKey(filter: Filter): string {
  return JSON.stringify(filter, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.getTime() } : value;
  });
}

/** More pending changes than this: reload whole collections rather than record by record. */
const MAX_INCREMENTAL = 2_000;
/** Changes read at once while catching up (each a lookup by _id). */
const READ_AHEAD = 32;
/** A version whose change document has not appeared after this long was lost (a writer died): reload. */
const GAP_TIMEOUT_MS = 5_000;

export class CatalogSet {
  private version = 0;
  private loaded = false;
  private gapSince: number | undefined;
  private readonly syncs = new SharedRun(() => this.sync());
  private snapshots: CatalogSnapshots | undefined;
  private loadedFrom_: 'snapshot' | 'database' | undefined;
  private snapshotTried = false;
  /** What the snapshot is taken from, when its write begins. */
  private readonly snapshotSource: SnapshotSource = {
    version: () => this.version,
    sections: () => this.catalogs.map((c) => ({ collection: c.collection, records: [...c.values()] })),
    record: (collection, id) => this.catalogs.find((c) => c.collection === collection)?.get(id),
  };

  constructor(
    private readonly catalogs: RecordCatalog<CatalogRecord>[],
    private readonly onStale: (err: unknown) => void = () => {},
    private readonly feed: ChangeFeed = directoryFeed,
  ) {}

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Where the first load came from: a snapshot caught up from the feed, or the collections read whole. */
  get loadedFrom(): 'snapshot' | 'database' | undefined {
    return this.loadedFrom_;
  }

  /** Starts from this snapshot file when it can, and keeps it current; given before the first load. */
  keepSnapshots(snapshots: CatalogSnapshots): void {
    this.snapshots = snapshots;
  }

  /**
   * Every change recorded so far is applied: none is waiting for its writer (another instance between
   * taking a version and recording its change). Then a record the catalogs lack does not exist.
   */
  get hasEveryChange(): boolean {
    return this.loaded && this.gapSince === undefined;
  }

  /** A load or catch-up is under way. */
  get isSyncing(): boolean {
    return this.syncs.busy;
  }

  /** The last change-feed version applied: changes whenever any catalogued record did. */
  get appliedVersion(): number {
    return this.version;
  }

  /**
   * Brings every catalog up to the latest change. Concurrent callers share one run; a caller that
   * arrives during a run waits for the next one, so it sees every write that finished before it came.
   * While the database is unreachable, a loaded catalog keeps answering from what it has.
   */
  ensureFresh(): Promise<void> {
    return this.syncs.next();
  }

  private async sync(): Promise<void> {
    await this.bringUpToDate();
    this.snapshots?.changed(this.version, this.snapshotSource);
  }

  private async bringUpToDate(): Promise<void> {
    try {
      const latest = await this.feed.currentVersion();
      if (!this.loaded && this.snapshots && !this.snapshotTried) await this.restoreSnapshot(this.snapshots, latest);
      // A feed behind what was applied is another database (a restore, or a test's own): read it whole.
      if (!this.loaded || latest < this.version || latest - this.version > MAX_INCREMENTAL) return await this.reloadAll(latest);
      const { changes, complete } = await this.changesUpTo(latest);
      if (complete) this.gapSince = undefined;
      else {
        this.gapSince ??= Date.now();
        if (Date.now() - this.gapSince > GAP_TIMEOUT_MS) return await this.reloadAll(latest);
      }
      await this.apply(changes);
    } catch (err) {
      if (this.loaded && isDatabaseUnavailable(err)) {
        this.onStale(err);
        return;
      }
      throw err;
    }
  }

  /** The changes after the applied version, up to `latest` or to the first one not recorded yet (its writer is still at it). */
  private async changesUpTo(latest: number): Promise<{ changes: ChangeEntry[]; complete: boolean }> {
    const changes: ChangeEntry[] = [];
    for (let from = this.version + 1; from <= latest; from += READ_AHEAD) {
      const versions = Array.from({ length: Math.min(READ_AHEAD, latest - from + 1) }, (_, i) => from + i);
      const read = await Promise.all(versions.map((v) => this.feed.changeAt(v)));
      for (const change of read) {
        if (!change) return { changes, complete: false };
        changes.push(change);
      }
    }
    return { changes, complete: true };
  }

  /** Applies changes merged per collection: a record changed ten times is read once. */
  private async apply(changes: readonly ChangeEntry[]): Promise<void> {
    if (!changes.length) return;
    const idsByCollection = new Map<string, Set<string>>();
    for (const change of changes) {
      const ids = idsByCollection.get(change.collection) ?? new Set<string>();
      idsByCollection.set(change.collection, ids);
      for (const id of change.ids) ids.add(id);
    }
    await Promise.all(
      [...idsByCollection].map(async ([collection, ids]) => {
        const catalog = this.catalogs.find((c) => c.collection === collection);
        if (!catalog) return;
        // Most of a collection changed (a bulk import): reading it whole is cheaper than record by record.
        // The snapshot is told in the step that changed the records, before the version moves past them.
        if (ids.size > MAX_INCREMENTAL && ids.size > catalog.size / 4) {
          await catalog.loadAll();
          this.snapshots?.touchedAll();
        } else {
          await catalog.reload([...ids]);
          this.snapshots?.touched(collection, ids);
        }
      }),
    );
    this.version = changes[changes.length - 1]!.version;
  }

  private async reloadAll(latest: number): Promise<void> {
    // The version is read before loading: changes made during the load are replayed afterwards.
    await Promise.all(this.catalogs.map((c) => c.loadAll()));
    this.snapshots?.touchedAll();
    this.version = latest;
    this.loaded = true;
    this.loadedFrom_ ??= 'database';
    this.gapSince = undefined;
  }

  /**
   * Loads the records a snapshot holds, if the feed still reaches back to it (the catch-up that
   * follows re-reads what changed since); else says why, once, and the start reads the collections.
   */
  private async restoreSnapshot(snapshots: CatalogSnapshots, latest: number): Promise<void> {
    this.snapshotTried = true;
    const usable = await this.usableSnapshot(snapshots, latest);
    if (typeof usable === 'string') {
      snapshots.rejected(usable);
      return;
    }
    const bySection = new Map(usable.sections.map((s) => [s.collection, s.records as Record<string, unknown>[]]));
    await Promise.all(this.catalogs.map((c) => c.fill(bySection.get(c.collection)!)));
    this.version = usable.version;
    this.loaded = true;
    this.loadedFrom_ = 'snapshot';
    snapshots.restored(usable.version);
  }

  /** The snapshot, or why it cannot be used. */
  private async usableSnapshot(snapshots: CatalogSnapshots, latest: number): Promise<SnapshotContent | string> {
    let snapshot: SnapshotContent;
    try {
      snapshot = await snapshots.read();
    } catch (err) {
      return err instanceof SnapshotRejected ? err.message : `the snapshot is unreadable (${(err as Error).message})`;
    }
    if (snapshot.version > latest) return 'the change feed is behind the snapshot (a restored or another database)';
    if (latest - snapshot.version > MAX_INCREMENTAL) return `the snapshot is ${latest - snapshot.version} changes behind`;
    const missing = this.catalogs.find((c) => !snapshot.sections.some((s) => s.collection === c.collection));
    if (missing) return `the snapshot holds no ${missing.collection}`;
    const change = await this.feed.changeAt(snapshot.version);
    if (!change) return 'the change feed no longer reaches back to the snapshot';
    if (change.at !== snapshot.stamp) return "the change feed at the snapshot's version is another one (a restored or another database)";
    return snapshot;
  }

}
