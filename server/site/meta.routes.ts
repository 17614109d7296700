import { readFileSync } from 'node:fs';
import { Router } from 'express';
import { z } from 'zod';
import { sampleDataLoaded } from '../directory/catalog/queries.js';
import type { Config } from '../platform/config.js';
import { apiRoute } from '../platform/http/api-route.js';
import { fromRepoRoot } from '../platform/paths.js';
import { MetaSchema } from '../contract/site/meta.schemas.js';
import { LANGUAGES } from '../contract/text/languages.js';


/** The app's version, from the package.json at the repository root (the same from server/ and dist/). */
const appVersion = (): string =>
  (JSON.parse(readFileSync(fromRepoRoot('package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';

/** GET /api/v1/meta: what the web app needs before its first screen. */
export function metaRoutes(config: Pick<Config, 'TILE_URL' | 'TILE_ATTRIBUTION' | 'QUICK_EXIT_URL'>): Router {
  const router = Router();
  const version = appVersion();
  apiRoute(
    router,
    {
      method: 'get',
      path: '/meta',
      summary: 'Site settings for the web app: sample-data notice, map tiles, quick exit page, languages, version',
      tags: ['site'],
      query: z.strictObject({}),
      response: MetaSchema,
    },
    async (): Promise<z.infer<typeof MetaSchema>> => {
      // From the in-memory catalog: on the embedded database, a query for "any sample organisation"
      // scans the whole collection whenever there is none, i.e. on every page load in production.
      return {
        sampleData: await sampleDataLoaded(),
        tileUrl: config.TILE_URL ?? null,
        tileAttribution: config.TILE_ATTRIBUTION,
        quickExitUrl: config.QUICK_EXIT_URL,
        languages: [...LANGUAGES],
        version,
      };
    },
  );
  return router;
}
