import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import mongoose from 'mongoose';

const { EJSON } = mongoose.mongo.BSON;
// The driver bundled with Mongoose (another copy may sit at the top of node_modules).
type Db = mongoose.mongo.Db;
type Document = mongoose.mongo.Document;

/**
 * Backup archive: gzip-compressed lines of Extended JSON (canonical, so ObjectIds, dates and binary
 * data come back as they were). First a header, then one line per document. Encrypted fields stay
 * encrypted; the key is not part of the archive.
 */
export const ARCHIVE_FORMAT = 'ct-directory-backup';
const ARCHIVE_VERSION = 1;
const BATCH = 1000;
/** A restore first writes into collections under this prefix, so the target stays untouched until all is verified. */
const STAGING_PREFIX = 'restore_staging__';
/** Written once staging is verified, removed after the switch: its presence means a switch was cut off. */
const SWITCH_MARKER = `${STAGING_PREFIX}switch`;
type SwitchMarker = { _id: 'switch'; collections: Record<string, number> };

interface Header {
  format: string;
  version: number;
  createdAt: string;
  collections: Record<string, number>;
}

/**
 * Short-lived security state left out of archives: a restore must not bring back sessions that were
 * signed out, sign-in and rate-limit counters of the past, or reset links that were already used.
 */
const NOT_BACKED_UP = new Set(['sessions', 'login_failures', 'password_resets', 'rate_limits']);

async function userCollections(db: Db): Promise<string[]> {
  const infos = await db.listCollections({}, { nameOnly: true }).toArray();
  return infos
    .map((c) => c.name)
    .filter((name) => !name.startsWith('system.') && !name.startsWith(STAGING_PREFIX) && !NOT_BACKED_UP.has(name))
    .sort();
}

const archiveLine = (name: string, doc: Document) => EJSON.stringify({ c: name, d: doc }, { relaxed: false });

/**
 * An order-independent checksum of a collection: the sum of each document's SHA-256 (of its
 * canonical Extended JSON, which keeps every type), so the archive and a restored copy compare
 * without sorting either.
 */
class CollectionChecksum {
  private sum = 0n;
  add(name: string, doc: Document): void {
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(archiveLine(name, doc)).digest('hex')}`)) % 2n ** 256n;
  }
  get value(): string {
    return this.sum.toString(16);
  }
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * Writes every collection to `file`. Returns the number of documents per collection. The header
 * announces the counts before the documents: when a collection changes while it is read (a server
 * written to during the backup), the archive would not restore, so it is removed and this fails.
 */
export async function backupDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const names = await userCollections(db);
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = await db.collection(name).countDocuments();
  const written: Record<string, number> = {};

  async function* lines() {
    const header: Header = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, createdAt: new Date().toISOString(), collections: counts };
    yield JSON.stringify(header) + '\n';
    for (const name of names) {
      written[name] = 0;
      for await (const doc of db.collection(name).find({}).sort({ _id: 1 })) {
        written[name] += 1;
        yield archiveLine(name, doc) + '\n';
      }
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
  const changed = names.find((name) => written[name] !== counts[name]);
  if (changed) {
    await rm(file, { force: true });
    throw new BackupError(
      `The database changed while it was read (collection "${changed}": ${counts[changed]} counted, ${written[changed]} read), so the archive was removed. ` +
        'Back up with the app stopped, or see README "Backups" for a server that keeps writing.',
    );
  }
  return counts;
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/**
 * Undoes a switch that was cut off (the process died while renaming): the collections already
 * renamed into place were empty before, so dropping them gives the target back as it was.
 */
async function undoInterruptedSwitch(db: Db): Promise<void> {
  const marker = await db.collection<SwitchMarker>(SWITCH_MARKER).findOne({ _id: 'switch' });
  if (!marker) return;
  const staged = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const [name, count] of Object.entries(marker.collections)) {
    if (count > 0 && !staged.has(STAGING_PREFIX + name) && staged.has(name)) await db.collection(name).drop();
  }
}

async function dropStaging(db: Db): Promise<void> {
  const infos = await db.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of infos) if (name.startsWith(STAGING_PREFIX)) await db.collection(name).drop();
}

/** Loads the archive into staging collections; returns its header and what it held. */
async function stageArchive(db: Db, file: string) {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: Header | undefined;
  const held: Record<string, number> = {};
  const checksums = new Map<string, CollectionChecksum>();
  const pending = new Map<string, Document[]>();
  const flush = async (name: string) => {
    const docs = pending.get(name);
    if (!docs?.length) return;
    await db.collection(STAGING_PREFIX + name).insertMany(docs, { ordered: false });
    pending.set(name, []);
  };

  for await (const line of lines) {
    if (!line) continue;
    if (!header) {
      header = JSON.parse(line) as Header;
      if (header.format !== ARCHIVE_FORMAT || header.version !== ARCHIVE_VERSION || typeof header.collections !== 'object') {
        throw new RestoreError(`Not a ${ARCHIVE_FORMAT} archive of version ${ARCHIVE_VERSION}.`);
      }
      continue;
    }
    const { c, d } = EJSON.parse(line, { relaxed: false }) as { c: string; d: Document };
    if (!Object.hasOwn(header.collections, c)) throw new RestoreError(`The archive holds documents of collection "${c}", which its header does not announce.`);
    held[c] = (held[c] ?? 0) + 1;
    if (!checksums.has(c)) checksums.set(c, new CollectionChecksum());
    checksums.get(c)!.add(c, d);
    const batch = pending.get(c) ?? [];
    batch.push(d);
    pending.set(c, batch);
    if (batch.length >= BATCH) await flush(c);
  }
  if (!header) throw new RestoreError('The archive is empty.');
  for (const name of pending.keys()) await flush(name);
  return { header, held, checksums };
}

/** Every announced collection is in staging whole: the announced count, and the archive's documents unchanged. */
async function verifyStaging(db: Db, archive: Awaited<ReturnType<typeof stageArchive>>): Promise<void> {
  for (const [name, expected] of Object.entries(archive.header.collections)) {
    const held = archive.held[name] ?? 0;
    if (held !== expected) throw new RestoreError(`Collection "${name}": the archive announced ${expected} documents but held ${held}.`);
    if (expected === 0) continue;
    const staged = new CollectionChecksum();
    let count = 0;
    for await (const doc of db.collection(STAGING_PREFIX + name).find({})) {
      staged.add(name, doc);
      count += 1;
    }
    if (count !== expected || staged.value !== archive.checksums.get(name)!.value) {
      throw new RestoreError(`Collection "${name}": the restored documents differ from the archive's.`);
    }
  }
}

/**
 * Restores an archive into `db`, which must be empty (so nothing is silently mixed), all or nothing:
 * the archive goes into staging collections, is verified (count and checksum of every collection),
 * and only then is each staging collection renamed into place. When anything fails before that, the
 * staging collections are dropped and the target is as it was; what a killed restore left (staging
 * collections, or a switch half done) is undone by the next one, which then restores afresh. Indexes are not in the archive: the caller recreates them from the
 * models afterwards.
 */
export async function restoreDatabase(db: Db, file: string): Promise<Record<string, number>> {
  await undoInterruptedSwitch(db);
  await dropStaging(db);
  const existing = await userCollections(db);
  for (const name of existing) {
    if ((await db.collection(name).estimatedDocumentCount()) > 0) {
      throw new RestoreError(`The target database is not empty (collection "${name}" has documents). Restore into an empty database.`);
    }
  }
  let archive: Awaited<ReturnType<typeof stageArchive>>;
  try {
    archive = await stageArchive(db, file);
    await verifyStaging(db, archive);
  } catch (err) {
    await dropStaging(db).catch(() => {});
    const reason = err instanceof RestoreError ? err.message : `The archive could not be read (${err instanceof Error ? err.message : String(err)}).`;
    throw new RestoreError(`${reason} Nothing was restored; the target database is as it was.`);
  }

  await db.collection<SwitchMarker>(SWITCH_MARKER).insertOne({ _id: 'switch', collections: archive.header.collections });
  for (const [name, count] of Object.entries(archive.header.collections)) {
    const present = existing.includes(name);
    if (count === 0) {
      if (!present) await db.createCollection(name);
      continue;
    }
    // The target collection was checked empty above (it may exist, made by index creation).
    if (present) await db.collection(name).drop();
    await db.renameCollection(STAGING_PREFIX + name, name);
  }
  await db.collection(SWITCH_MARKER).drop();
  return archive.held;
}
