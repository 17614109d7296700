import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import mongoose from 'mongoose';

/**
 * The catalog's records saved beside the database with the change-feed position they reflect, so a
 * start reads one file and catches up from the feed instead of reading every collection (minutes at
 * 100k on the embedded database). The file holds confidential records as stored: it is written with
 * mode 0600 and only ever read by the server; what a reader may see is still decided per request.
 *
 * Layout: a header of HEADER_BYTES (JSON, padded with spaces), then each record as one BSON document
 * (types survive exactly as the driver returns them: ids, dates), section after section.
 */
const FORMAT = 1;
const HEADER_BYTES = 4096;
/** Records serialised (or parsed) between two turns of the event loop, so requests keep being answered. */
const RECORDS_PER_TURN = 2_000;

export interface SnapshotContent {
  /** The change-feed version every record reflects (records may be newer: catching up re-reads them). */
  version: number;
  /** When the feed recorded that version: tells this feed from another database's with the same numbers. */
  stamp: number;
  sections: { collection: string; records: readonly object[] }[];
}

interface Header {
  format: number;
  version: number;
  stamp: number;
  writtenAt: string;
  sections: { collection: string; count: number; bytes: number }[];
  sha256: string;
}

/** Why a snapshot cannot be used; the start then loads the catalog from the database. */
export class SnapshotRejected extends Error {}

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Writes atomically (a reader sees the old file or the whole new one, never a part); answers the file's size. */
export async function writeSnapshot(file: string, content: SnapshotContent): Promise<number> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  let offset = HEADER_BYTES;
  try {
    const hash = createHash('sha256');
    const sections: Header['sections'] = [];
    for (const { collection, records } of content.sections) {
      let bytes = 0;
      for (let i = 0; i < records.length; i += RECORDS_PER_TURN) {
        const chunk = Buffer.concat(records.slice(i, i + RECORDS_PER_TURN).map((r) => mongoose.mongo.BSON.serialize(r)));
        hash.update(chunk);
        await handle.write(chunk, 0, chunk.length, offset);
        offset += chunk.length;
        bytes += chunk.length;
        await turn();
      }
      sections.push({ collection, count: records.length, bytes });
    }
    const header: Header = { format: FORMAT, version: content.version, stamp: content.stamp, writtenAt: new Date().toISOString(), sections, sha256: hash.digest('hex') };
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
  return offset;
}

/** The snapshot's content, or SnapshotRejected saying why it cannot be used. */
export async function readSnapshot(file: string): Promise<SnapshotContent> {
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
    const records: object[] = [];
    const end = offset + bytes;
    while (offset < end) {
      const length = body.readInt32LE(offset);
      records.push(mongoose.mongo.BSON.deserialize(body.subarray(offset, offset + length)));
      offset += length;
      if (records.length % RECORDS_PER_TURN === 0) await turn();
    }
    if (records.length !== count) throw new SnapshotRejected(`snapshot section ${collection} holds ${records.length} records, not ${count}`);
    sections.push({ collection, records });
  }
  return { version: header.version, stamp: header.stamp, sections };
}

/** After the last change, this long without another before the snapshot is written. */
const SETTLE_MS = 3_000;
/** ...but while changes keep coming, at least this often. */
const MAX_WAIT_MS = 5 * 60_000;

interface SnapshotLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Keeps one catalog set's snapshot file current: rewritten in the background once changes settle,
 * one write at a time, never on a request's path.
 */
export class CatalogSnapshots {
  private written: number | undefined;
  /** The version the scheduled write is waiting to settle at. */
  private pending: number | undefined;
  private firstChange: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;

  constructor(
    readonly file: string,
    private readonly stampOf: (version: number) => Promise<number | undefined>,
    private readonly log: SnapshotLog,
  ) {}

  read(): Promise<SnapshotContent> {
    return readSnapshot(this.file);
  }

  /** The start loads the catalogs from the database instead, for this reason (said once: a start reads the file once). */
  rejected(reason: string): void {
    this.log.info({ file: this.file, reason }, 'catalog snapshot not used; loading the catalog from the database');
  }

  /** The catalogs started from the file: it reflects this version already. */
  restored(version: number): void {
    this.written = version;
  }

  /** The catalogs reached `version`; `capture` takes their records when the write begins. */
  changed(version: number, capture: () => Omit<SnapshotContent, 'stamp'>): void {
    // Reads bring no change: only a new version restarts the wait.
    if (version === 0 || version === this.written || version === this.pending) return;
    this.pending = version;
    const now = Date.now();
    this.firstChange ??= now;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.write(capture), Math.max(0, Math.min(SETTLE_MS, this.firstChange + MAX_WAIT_MS - now)));
    this.timer.unref();
  }

  private async write(capture: () => Omit<SnapshotContent, 'stamp'>): Promise<void> {
    if (this.writing) {
      // A write under way: this one follows it.
      await this.writing;
      return this.write(capture);
    }
    this.firstChange = undefined;
    this.pending = undefined;
    const started = Date.now();
    const { version, sections } = capture();
    if (version === this.written) return;
    this.writing = (async () => {
      const stamp = await this.stampOf(version);
      // The change is not recorded yet (its writer is at it): the next change brings another try.
      if (stamp === undefined) return;
      const bytes = await writeSnapshot(this.file, { version, stamp, sections });
      this.written = version;
      this.log.info({ version, bytes, ms: Date.now() - started }, 'catalog snapshot written');
    })()
      .catch((err: unknown) => this.log.warn({ err }, 'catalog snapshot not written; the next change tries again'))
      .finally(() => {
        this.writing = undefined;
      });
    await this.writing;
  }
}
