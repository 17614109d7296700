import { ConfigError, loadConfig, loadDotEnv, type Config } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { EmbeddedDatabaseError } from '../platform/db/embedded-ferretdb.js';
import { createLogger, type Logger } from '../platform/logging.js';

export interface CliContext {
  config: Config;
  logger: Logger;
  db: Database;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The frame of every command-line tool: configuration as the app reads it, the same database
 * (embedded or MONGODB_URI), one-line errors without stack traces, exit codes 0 / 1 / 2 (usage).
 */
export async function runWithDatabase(task: (ctx: CliContext) => Promise<void>): Promise<void> {
  let db: Database | undefined;
  try {
    loadDotEnv();
    const config = loadConfig();
    const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
    db = await openDatabase(config, logger);
    await task({ config, logger, db });
    await db.close();
  } catch (err) {
    await db?.close().catch(() => {});
    const known = err instanceof UsageError || err instanceof ConfigError || err instanceof EmbeddedDatabaseError;
    console.error(known ? err.message : `Failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err instanceof UsageError ? 2 : 1);
  }
}
