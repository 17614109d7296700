import { Router } from 'express';
import { apiRoute } from '../../platform/http/api-route.js';
import { sameForEveryone } from '../../platform/http/http-cache.js';
import { FacetsQuery, serviceFacets } from './facets.js';
import { Facets } from '../../contract/directory/search/facets.schemas.js';
import { MapQuery, servicesMapPayload } from './map.js';
import { MapPoints } from '../../contract/directory/search/map.schemas.js';
import { WayOnQuery, wayOn } from './way-on.js';
import { WayOn } from '../../contract/directory/search/way-on.schemas.js';
import { viewerOf } from '../records/viewer.js';

/** Search views over services: facet counts and the map. Registered before /services/:id. */
export function searchRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/services/facets',
      summary: 'Counts per governorate, category, population, language and organisation type for a service search',
      description: 'Takes the same filters as GET /services.',
      tags: ['services'],
      query: FacetsQuery,
      response: Facets,
    },
    ({ query, req }) => serviceFacets(query, viewerOf(req)),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/services/way-on',
      summary: 'Where to go from a search that finds nothing: each filter with what dropping it finds, nearby categories, the hotline',
      description:
        'Takes the same filters as GET /services. `filters` lists the filters applied, chosen or read from `q` (with their words), ' +
        'each with the total the search without it alone returns; `hotlines` serve the governorates asked for, else every governorate.',
      tags: ['services'],
      query: WayOnQuery,
      response: WayOn,
    },
    ({ query, req }) => wayOn(query, viewerOf(req)),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/map/services',
      summary: 'A service search as compact columns for the map',
      description:
        'Takes the same filters as GET /services; `lang` picks the names. ' +
        'The i-th entry of every column is the i-th service: id, name (the service\'s), lng and lat (integers in 1/10,000 degree), ' +
        'category (an index into categorySets); `approximate` lists the services drawn at their governorate capital ' +
        '(confidential, or no public address) and `capacity` the public figures by index.',
      tags: ['services', 'map'],
      query: MapQuery,
      response: MapPoints,
    },
    async ({ query, req, res }) => {
      const payload = await servicesMapPayload(query, viewerOf(req).capacityStaleDays);
      // Built from the query alone (confidential places are drawn at the capital for everyone).
      sameForEveryone(res, 'public, no-cache');
      res.type('application/json').setHeader('ETag', payload.etag).vary('Accept-Encoding');
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      if (req.acceptsEncodings('gzip')) res.setHeader('Content-Encoding', 'gzip').send(payload.gzip);
      else res.send(payload.json);
    },
  );

  return router;
}
