import path from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import { connectDatabase, disconnectDatabase, ensureIndexes } from './connection.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-ferretdb.js';

export interface Database {
  /** Set when this process runs the embedded FerretDB (no MONGODB_URI). */
  embedded: EmbeddedDatabase | undefined;
  close(): Promise<void>;
}

/** Connects to MONGODB_URI, or starts the embedded FerretDB under DATA_DIR/db and connects to it. */
export async function openDatabase(config: Pick<Config, 'MONGODB_URI' | 'dataDir'>, logger: Logger): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = config.MONGODB_URI;
  if (!uri) {
    embedded = await startEmbeddedDatabase({
      dataDir: path.join(config.dataDir, 'db'),
      log: (msg) => logger.info(msg),
      warn: (msg) => logger.warn(msg),
    });
    uri = embedded.uri;
    logger.info({ port: embedded.port }, 'embedded FerretDB started');
  }
  await connectDatabase(uri);
  await ensureIndexes();
  return {
    embedded,
    async close() {
      await disconnectDatabase();
      await embedded?.stop();
    },
  };
}
