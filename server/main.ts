import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { seedReferenceData } from '../seed/reference-data.js';
import { seedSampleIntoEmptyDatabase } from '../seed/seed.js';
import { prepareAccounts } from './accounts/bootstrap.js';
import { startAccountHousekeeping } from './accounts/housekeeping.js';
import { createApp } from './app.js';
import { CatalogSnapshots } from './directory/catalog/catalog-snapshot.js';
import { directoryFeed } from './directory/catalog/change-feed.js';
import { directoryCatalog, serviceCatalog } from './directory/catalog/directory-catalog.js';
import { loadReferralIndex } from './referrals/referral-index.js';
import { ConfigError, loadConfig, loadDotEnv } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { EmbeddedDatabaseError } from './platform/db/embedded-ferretdb.js';
import { HttpProblem, PROBLEM_CONTENT_TYPE } from './platform/http/problem.js';
import { createLogger } from './platform/logging.js';
import { startMailDelivery } from './platform/mail/delivery.js';
import { prepareReferralKeys } from './referrals/key-ring.js';
import { completeLegacyReferrals } from './referrals/legacy-fields.js';
import { startReferralRetention } from './referrals/retention.js';
import { startReferralEscalation } from './referrals/escalation.js';
import { startReflectionReminders } from './referrals/reflection.js';

/** A stopping instance serves at least this long, so a load balancer sees /readyz 503 and stops sending. */
const SHUTDOWN_DRAIN_MS = 1_000;
/**
 * ...and keeps accepting until no connection or request has arrived for this long: closing the
 * listener resets the connections still waiting in the kernel's accept queue.
 */
const SHUTDOWN_QUIET_MS = 500;
/** It stops accepting after this long even if clients keep coming. */
const SHUTDOWN_ACCEPT_MAX_MS = 5_000;
/**
 * Requests still open this long after the signal are cut off. On a saturated 2-core machine accepted
 * writes took up to 14 s to answer, so 10 s cut some off; 25 s fits a 30 s termination grace period.
 */
const SHUTDOWN_DEADLINE_MS = 25_000;
/** This long before the deadline, requests still unanswered get 503 and streams under way are ended. */
const SHUTDOWN_ANSWER_MARGIN_MS = 2_000;

/** Ends a response the deadline leaves no time for: a refusal if nothing was sent yet, else the stream is cut. */
function endAtDeadline(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const problem = new HttpProblem(503, 'requestInterrupted', {
    headers: { 'Retry-After': '5' },
  });
  res.writeHead(503, { 'Content-Type': PROBLEM_CONTENT_TYPE, Connection: 'close', ...problem.headers });
  res.end(JSON.stringify(problem.toBody()));
}

/**
 * Tracks arrivals and open responses from the start, so that a drain can wait for a quiet moment
 * and tell requests already under way to close their connection when they answer.
 */
function watchTraffic(server: Server) {
  let lastArrival = Date.now();
  const open = new Set<ServerResponse>();
  server.on('connection', () => (lastArrival = Date.now()));
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    lastArrival = Date.now();
    open.add(res);
    res.once('close', () => open.delete(res));
  });

  return {
    /** Serves until quiet (bounded), then stops accepting and waits for every accepted request. */
    async drain(): Promise<void> {
      const started = Date.now();
      for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
      const mayClose = () => {
        const now = Date.now();
        if (now - started < SHUTDOWN_DRAIN_MS) return false;
        return now - lastArrival >= SHUTDOWN_QUIET_MS || now - started >= SHUTDOWN_ACCEPT_MAX_MS;
      };
      // Checked again after the event loop's poll phase, which accepts connections that are queued.
      const afterPoll = () => new Promise((r) => setImmediate(r));
      for (;;) {
        await new Promise((r) => setTimeout(r, 50));
        if (!mayClose()) continue;
        await afterPoll();
        if (mayClose()) break;
      }
      // Stops accepting and closes idle keep-alive connections; responses sent while draining carry
      // `Connection: close`, so each remaining connection ends with its answer.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const elapsed = Date.now() - started;
      const answer = setTimeout(() => open.forEach(endAtDeadline), SHUTDOWN_DEADLINE_MS - SHUTDOWN_ANSWER_MARGIN_MS - elapsed).unref();
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_DEADLINE_MS - elapsed).unref();
      await closed;
      clearTimeout(answer);
      clearTimeout(force);
    },
  };
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);

  const db: Database = await openDatabase(config, logger);
  await prepareReferralKeys(config, logger);
  await completeLegacyReferrals(logger);
  await seedReferenceData();
  if (config.seedSample) await seedSampleIntoEmptyDatabase((message) => logger.info(message));
  // After any sample seeding: sample accounts belong to sample organisations.
  await prepareAccounts(config, logger);
  const mail = startMailDelivery({ config, logger });
  const housekeeping = startAccountHousekeeping(config, logger);
  const retention = startReferralRetention(config, logger);
  const escalation = startReferralEscalation(config, logger);
  const reflectionReminders = startReflectionReminders(config, logger);

  // Load the in-memory catalog now rather than on the first search; requests wait for the same load.
  // It starts from the snapshot in the data directory when it can (with MONGODB_URI too), then catches up.
  const catalogStarted = Date.now();
  directoryCatalog.keepSnapshots(
    new CatalogSnapshots(path.join(config.dataDir, 'catalog-snapshot.bin'), async (version) => (await directoryFeed.changeAt(version))?.at, logger),
  );
  directoryCatalog.ensureFresh().then(
    () =>
      logger.info(
        { services: serviceCatalog.size, from: directoryCatalog.loadedFrom, version: directoryCatalog.appliedVersion, ms: Date.now() - catalogStarted },
        'directory catalog loaded',
      ),
    (err: unknown) => logger.warn({ err }, 'directory catalog not loaded yet; the first search will retry'),
  );
  loadReferralIndex().catch((err: unknown) => logger.warn({ err }, 'referral index not loaded yet; the first list will retry'));

  let draining = false;
  const app = createApp({ config, logger, isDraining: () => draining });
  const server: Server = app.listen(config.PORT, config.HOST);
  const traffic = watchTraffic(server);
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
    // While draining /readyz answers 503 and responses carry `Connection: close`.
    await traffic.drain();
    housekeeping.stop();
    await retention.stop();
    await escalation.stop();
    await reflectionReminders.stop();
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
