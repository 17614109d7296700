import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { seedReferenceData } from '../../seed/reference-data.js';
import { connectDatabase, ensureIndexes } from '../../server/platform/db/connection.js';

/**
 * A database of its own on the test server, with this process connected to it (to prepare records
 * and check results) and its URI for app processes started by the test.
 */
export async function useFreshDatabase(baseUri = process.env.MONGODB_URI): Promise<{ uri: string; drop(): Promise<void> }> {
  if (!baseUri) throw new Error('MONGODB_URI is not set: run the tests with `npm test`.');
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  await connectDatabase(baseUri, dbName);
  await ensureIndexes();
  await seedReferenceData();
  return {
    uri: `${baseUri.replace(/\/?$/, '/')}${dbName}`,
    async drop() {
      await mongoose.connection.db?.dropDatabase().catch(() => {});
      await mongoose.disconnect();
    },
  };
}
