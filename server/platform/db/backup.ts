import { createReadStream, createWriteStream } from 'node:fs';
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

interface Header {
  format: string;
  version: number;
  createdAt: string;
  collections: Record<string, number>;
}

async function userCollections(db: Db): Promise<string[]> {
  const infos = await db.listCollections({}, { nameOnly: true }).toArray();
  return infos.map((c) => c.name).filter((name) => !name.startsWith('system.')).sort();
}

/** Writes every collection to `file`. Returns the number of documents per collection. */
export async function backupDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const names = await userCollections(db);
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = await db.collection(name).countDocuments();

  async function* lines() {
    const header: Header = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, createdAt: new Date().toISOString(), collections: counts };
    yield JSON.stringify(header) + '\n';
    for (const name of names) {
      // _id order gives a stable, resumable read without holding a snapshot.
      for await (const doc of db.collection(name).find({}).sort({ _id: 1 })) {
        yield EJSON.stringify({ c: name, d: doc }, { relaxed: false }) + '\n';
      }
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
  return counts;
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/**
 * Restores an archive into `db`, which must be empty (so nothing is silently mixed). Indexes are
 * not in the archive: the caller recreates them from the models afterwards.
 */
export async function restoreDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const existing = await userCollections(db);
  for (const name of existing) {
    if ((await db.collection(name).estimatedDocumentCount()) > 0) {
      throw new RestoreError(`The target database is not empty (collection "${name}" has documents). Restore into an empty database.`);
    }
  }
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: Header | undefined;
  const restored: Record<string, number> = {};
  const pending = new Map<string, Document[]>();
  const flush = async (name: string) => {
    const docs = pending.get(name);
    if (!docs?.length) return;
    await db.collection(name).insertMany(docs, { ordered: false });
    restored[name] = (restored[name] ?? 0) + docs.length;
    pending.set(name, []);
  };

  for await (const line of lines) {
    if (!line) continue;
    if (!header) {
      header = JSON.parse(line) as Header;
      if (header.format !== ARCHIVE_FORMAT || header.version !== ARCHIVE_VERSION) {
        throw new RestoreError(`Not a ${ARCHIVE_FORMAT} archive of version ${ARCHIVE_VERSION}.`);
      }
      continue;
    }
    const { c, d } = EJSON.parse(line, { relaxed: false }) as { c: string; d: Document };
    const batch = pending.get(c) ?? [];
    batch.push(d);
    pending.set(c, batch);
    if (batch.length >= BATCH) await flush(c);
  }
  if (!header) throw new RestoreError('The archive is empty.');
  for (const name of pending.keys()) await flush(name);

  for (const [name, expected] of Object.entries(header.collections)) {
    if ((restored[name] ?? 0) !== expected) {
      throw new RestoreError(`Collection "${name}": the archive announced ${expected} documents but held ${restored[name] ?? 0}.`);
    }
    if (expected === 0) await db.createCollection(name).catch(() => {});
  }
  return restored;
}
