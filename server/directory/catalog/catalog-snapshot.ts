import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import mongoose from 'mongoose';

/**
 * The catalog's records saved beside the database with the change-feed position they reflect, so a
 * start reads one file and catches up from the feed instead of reading every collection (minutes at
 * 100k on the embedded database). The files hold confidential records as stored: they are written with
 * mode 0600 and only ever read by the server; what a reader may see is still decided per request.
 *
 * Two files: the base (`file`), rewritten whole only now and then, and a journal beside it
 * (`file.journal`) that each burst of changes appends the changed and removed records to, so keeping
 * the snapshot current costs in proportion to the change, not to the directory.
 *
 * Base layout: a header of HEADER_BYTES (JSON, padded with spaces), then each record as one BSON
 * document (types survive exactly as the driver returns them: ids, dates), section after section.
 *
 * Journal layout: JOURNAL_MAGIC, the SHA-256 of the base's body it extends (a journal left beside
 * another base is ignored), then entries, each: payload length (uint32 LE), the payload's SHA-256,
 * the payload (a BSON description, then the records, section after section). An entry torn by a crash
 * fails its length or checksum: it and whatever follows are ignored, and the feed supplies the rest.
 */
const FORMAT = 1;
const HEADER_BYTES = 4096;
/** Records serialised (or parsed) between two turns of the event loop, so requests keep being answered. */
const RECORDS_PER_TURN = 2_000;
const JOURNAL_MAGIC = Buffer.from('CTSJ0001');
const JOURNAL_HEADER_BYTES = JOURNAL_MAGIC.length + 32;
const ENTRY_HEAD_BYTES = 4 + 32;
/** The journal grown past this fraction of the base: the next write rewrites the base instead (and empties the journal). */
const COMPACT_AT = 0.25;

const { BSON } = mongoose.mongo;
const UNCHECKED_UTF8 = { validation: { utf8: false as const } };

export interface SnapshotContent {
  /** The change-feed version every record reflects (records may be newer: catching up re-reads them). */
  version: number;
  /** When the feed recorded that version: tells this feed from another database's with the same numbers. */
  stamp: number;
  sections: { collection: string; records: readonly object[] }[];
}

/** What a snapshot is taken from, read when the write begins. */
export interface SnapshotSource {
  /** The change-feed version the records reflect (at least). */
  version(): number;
  sections(): SnapshotContent['sections'];
  /** The record as kept now, or undefined when it no longer exists. */
  record(collection: string, id: string): object | undefined;
}

interface Header {
  format: number;
  version: number;
  stamp: number;
  writtenAt: string;
  sections: { collection: string; count: number; bytes: number }[];
  sha256: string;
}

interface JournalEntry {
  version: number;
  stamp: number;
  sections: { collection: string; records: readonly object[]; removed: readonly string[] }[];
}

/** Why a snapshot cannot be used; the start then loads the catalog from the database. */
export class SnapshotRejected extends Error {}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const idOf = (record: object) => (record as { _id: { toHexString(): string } })._id.toHexString();

/** Writes atomically (a reader sees the old file or the whole new one, never a part); answers its size and body checksum. */
export async function writeSnapshot(file: string, content: SnapshotContent): Promise<{ bytes: number; sha256: string }> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  let offset = HEADER_BYTES;
  let sha256: string;
  try {
    const hash = createHash('sha256');
    const sections: Header['sections'] = [];
    for (const { collection, records } of content.sections) {
      let bytes = 0;
      for (let i = 0; i < records.length; i += RECORDS_PER_TURN) {
        const chunk = Buffer.concat(records.slice(i, i + RECORDS_PER_TURN).map((r) => BSON.serialize(r)));
        hash.update(chunk);
        await handle.write(chunk, 0, chunk.length, offset);
        offset += chunk.length;
        bytes += chunk.length;
        await turn();
      }
      sections.push({ collection, count: records.length, bytes });
    }
    sha256 = hash.digest('hex');
    const header: Header = { format: FORMAT, version: content.version, stamp: content.stamp, writtenAt: new Date().toISOString(), sections, sha256 };
    const text = Buffer.from(JSON.stringify(header));
    if (text.length > HEADER_BYTES) throw new Error('catalog snapshot header too long');
    const padded = Buffer.alloc(HEADER_BYTES, ' ');
    text.copy(padded);
    await handle.write(padded, 0, HEADER_BYTES, 0);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(temp).catch(() => {});
    throw err;
  }
  await handle.close();
  await rename(temp, file);
  return { bytes: offset, sha256 };
}

/**
 * `count` BSON documents from `offset` on; answers them and where they end. Strings are not checked
 * for valid UTF-8 (a tenth of the parse): the checksum already proved the bytes are the ones written.
 */
async function parseRecords(data: Buffer, offset: number, count: number): Promise<{ records: object[]; end: number }> {
  const records: object[] = [];
  while (records.length < count) {
    const length = data.readInt32LE(offset);
    records.push(BSON.deserialize(data.subarray(offset, offset + length), UNCHECKED_UTF8));
    offset += length;
    if (records.length % RECORDS_PER_TURN === 0) await turn();
  }
  return { records, end: offset };
}

/** The base file's content and body checksum, or SnapshotRejected saying why it cannot be used. */
async function readBase(file: string): Promise<{ content: SnapshotContent; sha256: string; bytes: number }> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    throw new SnapshotRejected((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no snapshot yet' : `snapshot unreadable (${(err as Error).message})`);
  }
  let header: Header;
  try {
    header = JSON.parse(data.subarray(0, HEADER_BYTES).toString('utf8')) as Header;
  } catch {
    throw new SnapshotRejected('snapshot header is damaged');
  }
  if (header.format !== FORMAT) throw new SnapshotRejected(`snapshot has format ${String(header.format)}, this version reads ${FORMAT}`);
  const body = data.subarray(HEADER_BYTES);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw new SnapshotRejected('snapshot checksum does not match (damaged or incomplete)');
  const sections: SnapshotContent['sections'] = [];
  let offset = 0;
  for (const { collection, count, bytes } of header.sections) {
    const { records, end } = await parseRecords(body, offset, count);
    if (end !== offset + bytes) throw new SnapshotRejected(`snapshot section ${collection} does not hold ${count} records in ${bytes} bytes`);
    offset = end;
    sections.push({ collection, records });
  }
  return { content: { version: header.version, stamp: header.stamp, sections }, sha256: header.sha256, bytes: data.length };
}

/** One journal entry as written: length, checksum, payload. */
function entryBytes(entry: JournalEntry): Buffer {
  const description = BSON.serialize({
    version: entry.version,
    stamp: entry.stamp,
    sections: entry.sections.map((s) => ({ collection: s.collection, count: s.records.length, removed: s.removed })),
  });
  const payload = Buffer.concat([description, ...entry.sections.flatMap((s) => s.records.map((r) => BSON.serialize(r)))]);
  const head = Buffer.alloc(ENTRY_HEAD_BYTES);
  head.writeUInt32LE(payload.length, 0);
  createHash('sha256').update(payload).digest().copy(head, 4);
  return Buffer.concat([head, payload]);
}

async function parseEntry(payload: Buffer): Promise<JournalEntry> {
  const length = payload.readInt32LE(0);
  const description = BSON.deserialize(payload.subarray(0, length)) as {
    version: number;
    stamp: number;
    sections: { collection: string; count: number; removed: string[] }[];
  };
  let offset = length;
  const sections: JournalEntry['sections'] = [];
  for (const { collection, count, removed } of description.sections) {
    const { records, end } = await parseRecords(payload, offset, count);
    offset = end;
    sections.push({ collection, records, removed });
  }
  if (offset !== payload.length) throw new Error('journal entry longer than its records');
  return { version: description.version, stamp: description.stamp, sections };
}

/**
 * The journal's entries that extend this base, in order, up to the first torn, damaged or out-of-order
 * one; and the length of that good part (0 when there is no usable journal: a new one is started).
 */
async function readJournal(file: string, baseSha: string, baseVersion: number): Promise<{ entries: JournalEntry[]; length: number }> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return { entries: [], length: 0 };
  }
  if (data.length < JOURNAL_HEADER_BYTES || !data.subarray(0, JOURNAL_MAGIC.length).equals(JOURNAL_MAGIC)) return { entries: [], length: 0 };
  if (data.subarray(JOURNAL_MAGIC.length, JOURNAL_HEADER_BYTES).toString('hex') !== baseSha) return { entries: [], length: 0 };
  const entries: JournalEntry[] = [];
  let offset = JOURNAL_HEADER_BYTES;
  let version = baseVersion;
  while (offset + ENTRY_HEAD_BYTES <= data.length) {
    const end = offset + ENTRY_HEAD_BYTES + data.readUInt32LE(offset);
    if (end > data.length) break;
    const payload = data.subarray(offset + ENTRY_HEAD_BYTES, end);
    if (!createHash('sha256').update(payload).digest().equals(data.subarray(offset + 4, offset + ENTRY_HEAD_BYTES))) break;
    let entry: JournalEntry;
    try {
      entry = await parseEntry(payload);
    } catch {
      break;
    }
    if (entry.version <= version) break;
    version = entry.version;
    entries.push(entry);
    offset = end;
  }
  return { entries, length: offset };
}

/** The base with the journal's entries applied in order: a record changed keeps its place, a new one comes last. */
function replay(base: SnapshotContent, entries: readonly JournalEntry[]): SnapshotContent {
  const last = entries[entries.length - 1];
  if (!last) return base;
  const byCollection = new Map(base.sections.map((s) => [s.collection, new Map(s.records.map((r) => [idOf(r), r]))]));
  for (const entry of entries) {
    for (const { collection, records, removed } of entry.sections) {
      const kept = byCollection.get(collection) ?? new Map<string, object>();
      byCollection.set(collection, kept);
      for (const id of removed) kept.delete(id);
      for (const record of records) kept.set(idOf(record), record);
    }
  }
  return { version: last.version, stamp: last.stamp, sections: [...byCollection].map(([collection, kept]) => ({ collection, records: [...kept.values()] })) };
}

/** Starts an empty journal for the base with this checksum, atomically (an older journal is replaced whole). */
async function startJournal(file: string, baseSha: string): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.write(Buffer.concat([JOURNAL_MAGIC, Buffer.from(baseSha, 'hex')]), 0, JOURNAL_HEADER_BYTES, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}

/** Writes the entry at `at` (cutting off any torn tail first); answers where the next one goes. */
async function appendEntry(file: string, at: number, entry: Buffer): Promise<number> {
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(at);
    await handle.write(entry, 0, entry.length, at);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  return at + entry.length;
}

/** After the last change, this long without another before the snapshot is written. */
const SETTLE_MS = 3_000;
/** ...but while changes keep coming, at least this often. */
const MAX_WAIT_MS = 5 * 60_000;

interface SnapshotLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** What the journal on disk extends, and where its next entry goes (0: no journal yet). */
interface JournalState {
  baseSha: string;
  baseBytes: number;
  length: number;
}

/**
 * Keeps one catalog set's snapshot current: once changes settle, the records changed since the last
 * write are appended to the journal; the base is rewritten (in slices that yield) only after a full
 * load or once the journal outgrows a fraction of it. One write at a time, never on a request's path.
 */
export class CatalogSnapshots {
  private written: number | undefined;
  /** The version the scheduled write is waiting to settle at. */
  private pending: number | undefined;
  private firstChange: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  /** Ids changed since the last write, by collection; 'all' when the next write must be a whole base. */
  private dirty: Map<string, Set<string>> | 'all' = 'all';
  private journal: JournalState | undefined;
  /** What the last read found, adopted if the start uses it. */
  private read_: (JournalState & { entries: number }) | undefined;

  constructor(
    readonly file: string,
    private readonly stampOf: (version: number) => Promise<number | undefined>,
    private readonly log: SnapshotLog,
    /** The journal's size, as a fraction of the base's, past which the base is rewritten. */
    private readonly compactAt = COMPACT_AT,
  ) {}

  get journalFile(): string {
    return `${this.file}.journal`;
  }

  /** The base with its journal replayed: the catalogs as of the last entry that is whole. */
  async read(): Promise<SnapshotContent> {
    const base = await readBase(this.file);
    const { entries, length } = await readJournal(this.journalFile, base.sha256, base.content.version);
    this.read_ = { baseSha: base.sha256, baseBytes: base.bytes, length, entries: entries.length };
    return replay(base.content, entries);
  }

  /** The start loads the catalogs from the database instead, for this reason (said once: a start reads the file once). */
  rejected(reason: string): void {
    this.read_ = undefined;
    this.log.info({ file: this.file, reason }, 'catalog snapshot not used; loading the catalog from the database');
  }

  /** The catalogs started from the files: they reflect this version already. */
  restored(version: number): void {
    this.written = version;
    this.dirty = new Map();
    if (this.read_) {
      const { entries, ...journal } = this.read_;
      this.journal = journal;
      this.log.info({ version, journalEntries: entries }, 'catalog snapshot read');
    }
  }

  /** These records of `collection` changed (were re-read): the next write saves them. */
  touched(collection: string, ids: Iterable<string>): void {
    if (this.dirty === 'all') return;
    const set = this.dirty.get(collection) ?? new Set<string>();
    this.dirty.set(collection, set);
    for (const id of ids) set.add(id);
  }

  /** A collection was read whole: the next write saves a whole base. */
  touchedAll(): void {
    this.dirty = 'all';
  }

  /** The catalogs reached `version`; the write takes their records from `source` when it begins. */
  changed(version: number, source: SnapshotSource): void {
    // Reads bring no change: only a new version restarts the wait.
    if (version === 0 || version === this.written || version === this.pending) return;
    this.pending = version;
    const now = Date.now();
    this.firstChange ??= now;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.write(source), Math.max(0, Math.min(SETTLE_MS, this.firstChange + MAX_WAIT_MS - now)));
    this.timer.unref();
  }

  private async write(source: SnapshotSource): Promise<void> {
    if (this.writing) {
      // A write under way: this one follows it.
      await this.writing;
      return this.write(source);
    }
    this.firstChange = undefined;
    this.pending = undefined;
    const started = Date.now();
    const version = source.version();
    if (version === this.written) return;
    // Taken now, in one step with the version: changes applied from here on are the next write's.
    const dirty = this.dirty;
    this.dirty = new Map();
    const journal = dirty === 'all' ? undefined : this.journal;
    const entry = journal && dirty !== 'all' ? this.entryOf(dirty, source) : undefined;
    const sections = entry ? undefined : source.sections();
    this.writing = (async () => {
      const stamp = await this.stampOf(version);
      if (stamp === undefined) {
        // The change is not recorded yet (its writer is at it): the next change brings another try, with these records too.
        this.restoreDirty(dirty);
        return;
      }
      if (journal && entry) {
        const bytes = entryBytes({ version, stamp, sections: entry });
        if (journal.length + bytes.length <= journal.baseBytes * this.compactAt) {
          journal.length = await appendEntry(this.journalFile, journal.length || (await this.startJournal(journal.baseSha)), bytes);
          this.written = version;
          const records = entry.reduce((n, s) => n + s.records.length, 0);
          const removed = entry.reduce((n, s) => n + s.removed.length, 0);
          this.log.info({ version, records, removed, bytes: bytes.length, journalBytes: journal.length, ms: Date.now() - started }, 'catalog snapshot journal appended');
          return;
        }
      }
      // The records now are at least as new as `version`; whatever changes meanwhile is marked for the next write.
      const { bytes, sha256 } = await writeSnapshot(this.file, { version, stamp, sections: sections ?? source.sections() });
      this.journal = { baseSha: sha256, baseBytes: bytes, length: 0 };
      this.journal.length = await this.startJournal(sha256);
      this.written = version;
      this.log.info({ version, bytes, ms: Date.now() - started }, 'catalog snapshot written');
    })()
      .catch((err: unknown) => {
        // What is on disk is unknown (a part of an entry?): the next write saves a whole base.
        this.dirty = 'all';
        this.log.warn({ err }, 'catalog snapshot not written; the next change tries again');
      })
      .finally(() => {
        this.writing = undefined;
      });
    await this.writing;
  }

  private entryOf(dirty: Map<string, Set<string>>, source: SnapshotSource): JournalEntry['sections'] {
    return [...dirty].map(([collection, ids]) => {
      const records: object[] = [];
      const removed: string[] = [];
      for (const id of ids) {
        const record = source.record(collection, id);
        if (record) records.push(record);
        else removed.push(id);
      }
      return { collection, records, removed };
    });
  }

  private restoreDirty(dirty: Map<string, Set<string>> | 'all'): void {
    if (dirty === 'all') this.dirty = 'all';
    else for (const [collection, ids] of dirty) this.touched(collection, ids);
  }

  /** Starts an empty journal for this base; answers where its first entry goes. */
  private async startJournal(baseSha: string): Promise<number> {
    await startJournal(this.journalFile, baseSha);
    return JOURNAL_HEADER_BYTES;
  }
}
