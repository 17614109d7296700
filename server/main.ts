import type { Server } from 'node:http';
import { seedReferenceData } from '../seed/reference-data.js';
import { seedSampleIntoEmptyDatabase } from '../seed/seed.js';
import { prepareAccounts } from './accounts/bootstrap.js';
import { startAccountHousekeeping } from './accounts/housekeeping.js';
import { createApp } from './app.js';
import { directoryCatalog, serviceCatalog } from './directory/catalog/directory-catalog.js';
import { ConfigError, loadConfig, loadDotEnv } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { EmbeddedDatabaseError } from './platform/db/embedded-ferretdb.js';
import { createLogger } from './platform/logging.js';
import { startMailDelivery } from './platform/mail/delivery.js';
import { prepareReferralKeys } from './referrals/key-ring.js';
import { startReferralRetention } from './referrals/retention.js';

/** How long a stopping instance keeps serving before it stops accepting connections. */
const SHUTDOWN_DRAIN_MS = 1_000;
/** In-flight requests still open this long after that are cut off. */
const SHUTDOWN_FORCE_MS = 10_000;

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);

  const db: Database = await openDatabase(config, logger);
  await prepareReferralKeys(config, logger);
  await seedReferenceData();
  if (config.seedSample) await seedSampleIntoEmptyDatabase((message) => logger.info(message));
  // After any sample seeding: sample accounts belong to sample organisations.
  await prepareAccounts(config, logger);
  const mail = startMailDelivery({ config, logger });
  const housekeeping = startAccountHousekeeping(logger);
  const retention = startReferralRetention(config, logger);

  // Load the in-memory catalog now rather than on the first search; requests wait for the same load.
  const catalogStarted = Date.now();
  directoryCatalog.ensureFresh().then(
    () => logger.info({ services: serviceCatalog.size, ms: Date.now() - catalogStarted }, 'directory catalog loaded'),
    (err: unknown) => logger.warn({ err }, 'directory catalog not loaded yet; the first search will retry'),
  );

  let draining = false;
  const app = createApp({ config, logger, isDraining: () => draining });
  const server: Server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ url: `http://${config.HOST}:${port}/` }, 'listening');

  const shutdown = async (signal: string) => {
    if (draining) return;
    draining = true;
    logger.info({ signal }, 'shutting down: draining, then finishing in-flight requests');
    // Drain first: /readyz answers 503 so a load balancer stops sending, and responses carry
    // `Connection: close`. Connections already opened (some still in the listen queue, which closing
    // the listener would reset) are served meanwhile.
    await new Promise((r) => setTimeout(r, SHUTDOWN_DRAIN_MS));
    server.close();
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_FORCE_MS).unref();
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
