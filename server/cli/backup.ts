import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import type { Config } from '../platform/config.js';
import { backupDatabase, restoreDatabase } from '../platform/db/backup.js';
import { DEFAULT_DB_NAME, ensureIndexes } from '../platform/db/connection.js';
import { snapshotEmbeddedDatabase } from '../platform/db/embedded-ferretdb.js';
import { missingReferralKeyProblem } from '../referrals/key-ring.js';
import { runWithDatabase, UsageError, type DatabaseSource } from './run-with-database.js';

/**
 * `npm run backup -- FILE` writes every collection to FILE;
 * `npm run restore -- FILE` loads FILE into the configured (empty) database, all or nothing.
 * The referral keys are not in the archive: they are kept apart (see README, "Backups").
 */
const [mode, file] = process.argv.slice(2);

const KEY_REMINDER =
  'The archive does not hold the referral keys: keep REFERRAL_KEYS (or DATA_DIR/secrets/referral-key) apart from it, ' +
  'or the referral text in it cannot be read after a restore.';

/**
 * The embedded database is backed up from a snapshot of its SQLite file taken through SQLite
 * (consistent while the app keeps writing), served by a throw-away database process of its own.
 */
function embeddedSnapshot(config: Config): DatabaseSource | undefined {
  if (mode !== 'backup' || config.MONGODB_URI) return undefined;
  const root = mkdtempSync(path.join(config.dataDir, 'backup-snapshot-'));
  const release = () => rmSync(root, { recursive: true, force: true });
  try {
    snapshotEmbeddedDatabase({ dataDir: path.join(config.dataDir, 'db'), outDir: path.join(root, 'db'), database: DEFAULT_DB_NAME });
  } catch (err) {
    release();
    throw err;
  }
  return { settings: { dataDir: root }, release };
}

await runWithDatabase(
  async ({ config }) => {
    if ((mode !== 'backup' && mode !== 'restore') || !file) {
      throw new UsageError('Usage: npm run backup -- FILE   |   npm run restore -- FILE');
    }
    if (mode === 'backup' && config.MONGODB_URI) {
      console.error(
        'MONGODB_URI: collections are read one after another, so this archive is only consistent while nothing writes; ' +
          'the backup fails if a collection changes meanwhile. For a server in use, see README "Backups" (mongodump --oplog, storage snapshots).',
      );
    }
    const db = mongoose.connection.db!;
    const started = Date.now();
    const target = path.resolve(file);
    const counts = mode === 'backup' ? await backupDatabase(db, target) : await restoreDatabase(db, target);
    if (mode === 'restore') await ensureIndexes();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`${mode === 'backup' ? 'Backed up' : 'Restored'} ${total} documents in ${Object.keys(counts).length} collections (${target}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const [name, n] of Object.entries(counts)) console.log(`  ${name}: ${n}`);
    if (mode === 'backup') console.log(KEY_REMINDER);
    // The restore is done either way; the app would refuse to start, so say it now.
    const keyProblem = mode === 'restore' ? await missingReferralKeyProblem(config) : undefined;
    if (keyProblem) console.error(`Warning: ${keyProblem}`);
  },
  { source: embeddedSnapshot },
);
