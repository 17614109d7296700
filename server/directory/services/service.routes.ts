import { Router } from 'express';
import { z } from 'zod';
import { apiRoute } from '../../platform/http/api-route.js';
import { authorizeArchived, pageSchema, withArchivedAtSchema } from '../records/list.js';
import { registerRecordRoutes } from '../records/record-routes.js';
import { viewerOf } from '../records/viewer.js';
import { Understood } from '../search/understand-query.js';
import { ServiceModel } from './service.model.js';
import { ServiceCreate, ServiceDetail, ServiceSummary, ServiceUpdate } from './service.schemas.js';
import { presentService, searchServices, serviceChanged, ServiceListQuery, serviceToStored } from './service.use-cases.js';
import { archivedListErrors } from '../records/archived.js';

export function serviceRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/services',
      summary: 'Search and filter services',
      description:
        '`q` is read first: words naming a governorate, category or population (names and everyday synonyms in Arabic, ' +
        'Kurdish and English) become that filter and are listed in `understood` (remove their `words` from `q` to drop one); ' +
        'every other word must match the start of a word of names, descriptions, organisation and category names ' +
        '(diacritics and letter variants normalised); services whose names match come first. Filters combine ' +
        'with AND; several values of one filter (repeated or comma-separated) with OR. `near=lat,lng` adds `distanceKm` and ' +
        'sorts by distance; `radiusKm` limits it. Confidential services are placed and measured at their governorate only. ' +
        'Platform admins also see `verification` and may filter by it (`verification=pending`: the verification queue). ' +
        'Those who may write one organisation’s services list its archived ones with `organization=<id>&archived=include|only`.',
      tags: ['services'],
      query: ServiceListQuery,
      response: pageSchema(withArchivedAtSchema(ServiceSummary.partial())).extend({ understood: z.array(Understood) }),
      errors: archivedListErrors(`those who may write the organisation’s services`),
    },
    ({ query, req }) => {
      authorizeArchived(req, query, 'service:write');
      return searchServices(query, viewerOf(req));
    },
  );

  registerRecordRoutes(router, {
    entity: 'service',
    path: '/services',
    tag: 'services',
    model: ServiceModel,
    create: ServiceCreate,
    update: ServiceUpdate,
    detailSchema: ServiceDetail,
    permissions: { create: 'service:write', update: 'service:write', archive: 'service:write' },
    ownerOfInput: (input) => input.organizationId.toLowerCase(),
    ownerOf: (s) => s.organizationId.toHexString(),
    toStored: (input, existing) => serviceToStored(input, existing),
    afterWrite: serviceChanged,
    detail: (s, req) => presentService(s, viewerOf(req)),
    verifiable: true,
    actions: [
      {
        name: 'confirm',
        summary: 'Confirm the service is still accurate (renews lastVerifiedAt)',
        permission: 'service:write',
        changes: () => ({ lastVerifiedAt: new Date() }),
      },
    ],
  });

  return router;
}
