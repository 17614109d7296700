/**
 * Reply integrity under load: many concurrent queries of different collections with small batch sizes
 * (so replies need getMore), mixed with unacknowledged writes (connect-mongo's expired-session sweep
 * sends `w: 0`), through the driver the app uses. Every document carries the name of its collection,
 * so a reply that reached the wrong query shows. The short form runs in `npm test`
 * (test/faults/reply-integrity.test.ts); the long form from here:
 *
 *   npx tsx bench/reply-integrity.ts [--seconds 60] [--connections 50] [--uri mongodb://…]
 *
 * Without --uri (or MONGODB_URI) it starts a throw-away embedded database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import { startEmbeddedDatabase } from '../server/platform/db/embedded-ferretdb.js';

const COLLECTIONS = ['sessions', 'outbox', 'users', 'services', 'referrals'];
const DOCS_PER_COLLECTION = 40;
/** One operation in this many is an unacknowledged write. */
const UNACKNOWLEDGED_EVERY = 15;

export interface ReplyIntegrityReport {
  seconds: number;
  connections: number;
  queries: number;
  unacknowledgedWrites: number;
  /** Queries that received documents of another collection, or the wrong number of them. */
  misdelivered: number;
  /** Failures by message (e.g. `BSON element "cursor" is missing`, a reply meant for a write). */
  errors: Record<string, number>;
  queriesPerSecond: number;
}

export async function stressReplyIntegrity(options: { uri: string; seconds: number; connections: number }): Promise<ReplyIntegrityReport> {
  // A reply that never comes (a getMore sent with another query's cursor id can stall the server)
  // counts as an error instead of hanging the run.
  const client = new mongoose.mongo.MongoClient(options.uri, { maxPoolSize: options.connections, socketTimeoutMS: 30_000 });
  await client.connect();
  const db = client.db(`reply_integrity_${process.pid}_${Date.now()}`);
  try {
    for (const name of COLLECTIONS) {
      await db.collection(name).insertMany(Array.from({ length: DOCS_PER_COLLECTION }, (_, i) => ({ collection: name, i })));
    }
    const report: ReplyIntegrityReport = {
      seconds: options.seconds,
      connections: options.connections,
      queries: 0,
      unacknowledgedWrites: 0,
      misdelivered: 0,
      errors: {},
      queriesPerSecond: 0,
    };
    const started = Date.now();
    const end = started + options.seconds * 1000;
    let step = 0;
    const worker = async (w: number) => {
      while (Date.now() < end) {
        step++;
        const name = COLLECTIONS[(w + step) % COLLECTIONS.length]!;
        try {
          if (step % UNACKNOWLEDGED_EVERY === 0) {
            await db.collection(name).deleteMany({ collection: 'none' }, { writeConcern: { w: 0 } });
            report.unacknowledgedWrites++;
            continue;
          }
          const docs = await db
            .collection(name)
            .find({}, { batchSize: 5 + (step % 5) })
            .toArray();
          report.queries++;
          if (docs.length !== DOCS_PER_COLLECTION || docs.some((d) => d.collection !== name)) report.misdelivered++;
        } catch (err) {
          const message = err instanceof Error ? err.message.slice(0, 120) : String(err);
          report.errors[message] = (report.errors[message] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: options.connections }, (_, w) => worker(w)));
    report.queriesPerSecond = Math.round(report.queries / ((Date.now() - started) / 1000));
    return report;
  } finally {
    await db.dropDatabase().catch(() => {});
    await client.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: '60' }, connections: { type: 'string', default: '50' }, uri: { type: 'string' } },
  });
  let uri = values.uri ?? process.env.MONGODB_URI;
  let cleanup = async () => {};
  if (!uri) {
    const dir = mkdtempSync(path.join(tmpdir(), 'ct-reply-integrity-'));
    const embedded = await startEmbeddedDatabase({ dataDir: dir, log: (m) => console.error(m) });
    uri = embedded.uri;
    cleanup = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    const report = await stressReplyIntegrity({ uri, seconds: Number(values.seconds), connections: Number(values.connections) });
    console.log(JSON.stringify(report, null, 2));
    process.exitCode = report.misdelivered === 0 && Object.keys(report.errors).length === 0 ? 0 : 1;
  } finally {
    await cleanup();
  }
}
