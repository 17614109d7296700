import type { Server } from 'node:http';
import { seedReferenceData } from '../seed/reference-data.js';
import { seedSampleIntoEmptyDatabase } from '../seed/seed.js';
import { prepareAccounts } from './accounts/bootstrap.js';
import { startAccountHousekeeping } from './accounts/housekeeping.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { EmbeddedDatabaseError } from './platform/db/embedded-ferretdb.js';
import { createLogger } from './platform/logging.js';
import { startMailDelivery } from './platform/mail/delivery.js';
import { startReferralRetention } from './referrals/retention.js';

/** Loads .env when present (Node 20.12+), without overriding the real environment. */
function loadDotEnv(): void {
  try {
    process.loadEnvFile();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);

  const db: Database = await openDatabase(config, logger);
  await seedReferenceData();
  if (config.seedSample) await seedSampleIntoEmptyDatabase((message) => logger.info(message));
  // After any sample seeding: sample accounts belong to sample organisations.
  await prepareAccounts(config, logger);
  const mail = startMailDelivery({ config, logger });
  const housekeeping = startAccountHousekeeping(logger);
  const retention = startReferralRetention(config, logger);

  const app = createApp({ config, logger });
  const server: Server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ url: `http://${config.HOST}:${port}/` }, 'listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    // Stop accepting; idle keep-alive sockets close now, busy ones after their response.
    server.close();
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), 10_000).unref();
    await new Promise<void>((resolve) => server.once('close', resolve));
    clearTimeout(force);
    housekeeping.stop();
    await retention.stop();
    await mail.stop();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof EmbeddedDatabaseError) {
    console.error(err.message);
  } else {
    console.error('The app could not start:', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
