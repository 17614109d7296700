import { ConfigError, loadConfig, loadDotEnv, type Config } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { EmbeddedDatabaseError } from '../platform/db/embedded-ferretdb.js';
import { createLogger, type Logger } from '../platform/logging.js';

export interface CliContext {
  config: Config;
  logger: Logger;
  db: Database;
}

/** Where a command reads instead of the configured database (e.g. a snapshot of it), removed afterwards. */
export interface DatabaseSource {
  settings: Pick<Config, 'MONGODB_URI' | 'dataDir'>;
  release(): void;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The frame of every command-line tool: configuration as the app reads it, the same database
 * (embedded or MONGODB_URI), one-line errors without stack traces, exit codes 0 / 1 / 2 (usage).
 */
export async function runWithDatabase(
  task: (ctx: CliContext) => Promise<void>,
  options: { source?: (config: Config) => DatabaseSource | undefined } = {},
): Promise<void> {
  let db: Database | undefined;
  let source: DatabaseSource | undefined;
  try {
    loadDotEnv();
    const config = loadConfig();
    const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
    source = options.source?.(config);
    db = await openDatabase(source?.settings ?? config, logger);
    await task({ config, logger, db });
    await db.close();
    source?.release();
  } catch (err) {
    await db?.close().catch(() => {});
    source?.release();
    const known = err instanceof UsageError || err instanceof ConfigError || err instanceof EmbeddedDatabaseError;
    console.error(known ? err.message : `Failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err instanceof UsageError ? 2 : 1);
  }
}
