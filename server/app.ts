import compression from 'compression';
import express, { Router, type Express, type Request } from 'express';
import { accounts } from './accounts/index.js';
import { activityRoutes } from './activities/activity.routes.js';
import { adminRoutes } from './admin/admin.routes.js';
import { coverageRoutes } from './coverage/coverage.routes.js';
import { currentCatalog } from './directory/catalog/queries.js';
import { freshnessPerRequest } from './directory/catalog/request-freshness.js';
import { directoryRoutes } from './directory/directory.routes.js';
import { governorateRoutes } from './directory/governorates/governorate.routes.js';
import type { Config } from './platform/config.js';
import { CAPACITY_STALE_DAYS } from './directory/records/viewer.js';
import { pingDatabase } from './platform/db/connection.js';
import { referralRoutes } from './referrals/referral.routes.js';
import { apiNotFound, errorHandler } from './platform/http/errors.js';
import { privateToViewer } from './platform/http/http-cache.js';
import { methodNotAllowed } from './platform/http/method-not-allowed.js';
import { boundHeavyWork, ShortWork } from './platform/http/heavy-work.js';
import { rateLimit } from './platform/http/rate-limit.js';
import { requestLogger } from './platform/http/request-context.js';
import { securityHeaders } from './platform/http/security.js';
import { rejectOperatorKeys } from './platform/http/validate.js';
import type { Logger } from './platform/logging.js';
import { metaRoutes } from './site/meta.routes.js';
import { clientSite } from './site/static-assets.js';
import { openApiRoutes } from './platform/http/openapi.js';
import { hsdsRoutes } from './standards/hsds/hsds.routes.js';
import { hsdsImportRoutes } from './standards/hsds/import.routes.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  /** True once the process is shutting down: readiness fails and connections are not kept alive. */
  isDraining?: () => boolean;
}

/** Whole-directory exports and CSV files: a tighter budget, and refused while the process drains. */
const HEAVY_PATHS = new Set(['/hsds/export.zip', '/api/v1/coverage.csv']);
const isHeavy = (req: Request) => HEAVY_PATHS.has(req.originalUrl.split('?')[0]!);
/** Service searches: each ranks and serialises a page of the directory, unlike a record's page. */
const SEARCH_PATHS = new Set(['/api/v1/services', '/hsds/services']);
const isSearch = (req: Request) => req.method === 'GET' && SEARCH_PATHS.has(req.originalUrl.split('?')[0]!);
/**
 * Answers built from every matching service (the map, facet counts, coverage): cached per directory
 * version and query, but each distinct query builds over the whole directory, so a client varying a
 * parameter would otherwise start as many builds at once as it sends requests.
 */
const WHOLE_DIRECTORY_PATHS = new Set(['/api/v1/map/services', '/api/v1/services/facets', '/api/v1/coverage']);
const isWholeDirectory = (req: Request) => req.method === 'GET' && WHOLE_DIRECTORY_PATHS.has(req.originalUrl.split('?')[0]!);

/** Builds the Express app; `listen` is the caller's business (server/main.ts, or supertest in tests). */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const isDraining = deps.isDraining ?? (() => false);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'simple');
  app.set(CAPACITY_STALE_DAYS, config.CAPACITY_STALE_DAYS);

  app.use((_req, res, next) => {
    if (isDraining()) res.setHeader('Connection', 'close');
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (isDraining()) {
      res.status(503).json({ status: 'draining', database: 'unknown' });
      return;
    }
    const ok = await pingDatabase();
    // Ready only once the directory catalog has loaded: until then directory reads answer 503.
    const catalog = ok && (await currentCatalog().then(() => true, () => false));
    res.status(catalog ? 200 : 503).json({ status: catalog ? 'ok' : ok ? 'starting' : 'unavailable', database: ok ? 'up' : 'down', catalog: catalog ? 'loaded' : 'loading' });
  });

  // Large JSON and HTML answers go compressed (with Vary); what is compressed already passes as it is.
  app.use(compression());
  app.use(securityHeaders(config));
  app.use(requestLogger(logger));
  app.use(express.json({ limit: '200kb' }));
  app.use(rejectOperatorKeys);
  const accountsModule = accounts(config);
  app.use(['/api', '/hsds'], accountsModule.session);
  app.use(
    ['/api', '/hsds'],
    rateLimit({
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      reads: { anonymous: config.RATE_LIMIT_READS, signedIn: config.RATE_LIMIT_READS_SIGNED_IN },
      heavy: { anonymous: config.RATE_LIMIT_HEAVY, signedIn: config.RATE_LIMIT_HEAVY_SIGNED_IN },
      isHeavy,
      isDraining,
      logger,
    }),
  );
  // A record's page goes before exports and searches that have not started yet (heavy-work.ts).
  const shortWork = new ShortWork((req) => !isHeavy(req) && !isSearch(req) && !isWholeDirectory(req), config.HEAVY_YIELD_MS);
  app.use(['/api', '/hsds'], shortWork.track);
  app.use(['/api', '/hsds'], boundHeavyWork({ what: 'exports and downloads', concurrent: config.HEAVY_CONCURRENT, queued: config.HEAVY_QUEUED, isHeavy, yieldTo: shortWork }));
  app.use(['/api', '/hsds'], boundHeavyWork({ what: 'searches', concurrent: config.SEARCH_CONCURRENT, queued: config.SEARCH_QUEUED, isHeavy: isSearch, yieldTo: shortWork }));
  app.use(['/api'], boundHeavyWork({ what: 'map and summary requests', concurrent: config.DIRECTORY_CONCURRENT, queued: config.DIRECTORY_QUEUED, isHeavy: isWholeDirectory, yieldTo: shortWork }));
  // Answers there can depend on who asks: never shared, never reused across sign-out (http-cache.ts).
  app.use(['/api', '/hsds'], privateToViewer);
  // Every directory read of a request shares one look at the change feed.
  app.use(['/api', '/hsds'], freshnessPerRequest);

  const apiDocs = openApiRoutes(config.publicUrl);
  app.use(apiDocs.docs);

  const api = Router();
  api.use(apiDocs.api);
  api.use(governorateRoutes());
  api.use(directoryRoutes(config.publicUrl));
  api.use(coverageRoutes());
  api.use(activityRoutes());
  api.use(accountsModule.routes);
  api.use(referralRoutes(config));
  api.use(metaRoutes(config));
  api.use(hsdsImportRoutes());
  api.use(adminRoutes());
  api.use(methodNotAllowed(api));
  api.use(apiNotFound);
  app.use('/api/v1', api);
  app.use('/api', apiNotFound);
  app.use('/hsds', hsdsRoutes({ config }));

  app.use(clientSite());

  app.use(errorHandler(logger));
  return app;
}
