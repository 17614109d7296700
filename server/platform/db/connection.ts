import mongoose from 'mongoose';

export const DEFAULT_DB_NAME = 'ct_directory';

/**
 * One Mongoose connection per process. Commands are not buffered while the database is away:
 * requests fail fast (and become 503) instead of hanging, and the driver reconnects by itself.
 */
export async function connectDatabase(uri: string, dbName?: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  mongoose.set('bufferCommands', false);
  // Indexes are created explicitly (syncIndexes at start), so concurrent instances do not race.
  mongoose.set('autoIndex', false);
  mongoose.set('autoCreate', false);
  const hasDbInUri = /^mongodb(\+srv)?:\/\/[^/]+\/[^?]+/.test(uri);
  return mongoose.connect(uri, {
    ...(dbName || !hasDbInUri ? { dbName: dbName ?? DEFAULT_DB_NAME } : {}),
    serverSelectionTimeoutMS: 2_000,
    heartbeatFrequencyMS: 1_000,
    maxPoolSize: 20,
  });
}

/** Creates every model's collection and indexes; idempotent. */
export async function ensureIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    await model.createCollection().catch((err: { code?: number }) => {
      if (err.code !== 48) throw err; // 48: NamespaceExists
    });
    await model.createIndexes();
  }
}

export async function pingDatabase(timeoutMs = 1_500): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  try {
    await Promise.race([
      db.admin().ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ping timeout')), timeoutMs).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
