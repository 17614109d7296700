import path from 'node:path';
import { backupDatabase, restoreDatabase } from '../platform/db/backup.js';
import { ensureIndexes } from '../platform/db/connection.js';
import mongoose from 'mongoose';
import { runWithDatabase, UsageError } from './run-with-database.js';

/**
 * `npm run backup -- FILE` writes every collection to FILE;
 * `npm run restore -- FILE` loads FILE into the configured (empty) database.
 */
const [mode, file] = process.argv.slice(2);

await runWithDatabase(async () => {
  if ((mode !== 'backup' && mode !== 'restore') || !file) {
    throw new UsageError('Usage: npm run backup -- FILE   |   npm run restore -- FILE');
  }
  const db = mongoose.connection.db!;
  const started = Date.now();
  const target = path.resolve(file);
  const counts = mode === 'backup' ? await backupDatabase(db, target) : await restoreDatabase(db, target);
  if (mode === 'restore') await ensureIndexes();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`${mode === 'backup' ? 'Backed up' : 'Restored'} ${total} documents in ${Object.keys(counts).length} collections (${target}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const [name, n] of Object.entries(counts)) console.log(`  ${name}: ${n}`);
});
