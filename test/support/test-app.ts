import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import mongoose from 'mongoose';
import { directoryCatalog } from '../../server/directory/catalog/directory-catalog.js';
import { TEST_RATE_BUDGETS } from './app-process.js';
import { seedReferenceData } from '../../seed/reference-data.js';
import { createApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/platform/config.js';
import { connectDatabase, ensureIndexes } from '../../server/platform/db/connection.js';
import { createLogger } from '../../server/platform/logging.js';

export interface TestApp {
  app: Express;
  config: Config;
  dbName: string;
  close(): Promise<void>;
}

/**
 * The real app on the real test database (started by test/run.ts), in a database of its own so
 * test files do not see each other's data. Reference data (governorates, taxonomy) is loaded.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { uri?: string } = {},
): Promise<TestApp> {
  const uri = options.uri ?? process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run the tests with `npm test` (test/run.ts starts the database).');
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ct-directory-data-')),
    SEED_SAMPLE: 'false',
    ...TEST_RATE_BUDGETS,
    ...env,
  });
  if (mongoose.connection.readyState === 0) await connectDatabase(uri, dbName);
  await ensureIndexes();
  await seedReferenceData();
  // As server/main.ts does before it reports ready: on a busy machine the first load can outlast the
  // 1 s that a request waits for it (then 503), which would fail a test for the machine's sake.
  await directoryCatalog.ensureFresh();
  const app = createApp({ config, logger: createLogger(config.LOG_LEVEL) });
  return {
    app,
    config,
    dbName: mongoose.connection.db!.databaseName,
    async close() {
      await mongoose.connection.db?.dropDatabase().catch(() => {});
      await mongoose.disconnect();
    },
  };
}
