import { Router } from 'express';
import { apiRoute } from '../../platform/http/api-route.js';
import { authorizeArchived } from '../records/list.js';
import { withArchivedAtSchema } from '../../contract/directory/records/archived.js';
import { registerRecordRoutes } from '../records/record.routes.js';
import { viewerOf } from '../records/viewer.js';
import { serviceCatalog } from '../catalog/directory-catalog.js';
import { heldRecord } from '../catalog/queries.js';
import { servicePageOf } from '../../contract/directory/search/service-page.schemas.js';
import { ServiceModel } from './service.model.js';
import { ServiceDetail, ServiceSummary } from '../../contract/directory/services/service.schemas.js';
import { SERVICE_EDITABLE_FIELDS, CapacityUpdate, serviceInputWith } from '../../contract/directory/services/service.input.js';
import { storedCapacity } from './service.capacity.js';
import { GovernorateInput } from '../governorates/governorate-input.js';
import { presentService, searchServices, serviceChanged, ServiceListQuery, serviceToStored } from './service.use-cases.js';
import { archivedListErrors } from '../../contract/directory/records/archived.js';
import { actorOf } from '../../accounts/permissions.js';

const { ServiceCreate, ServiceUpdate } = serviceInputWith(GovernorateInput);

export function serviceRoutes(publicUrl: string): Router {
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
        'a word of five letters or more that starts no word of the directory is read as the word one edit away that most ' +
        'services use, listed in `corrected` (`asTyped=true` searches as typed); ' +
        'every other word must match the start of a word of names, descriptions, organisation and category names ' +
        '(diacritics and letter variants normalised); services whose names match come first. Filters combine ' +
        'with AND; several values of one filter (repeated or comma-separated) with OR. `near=lat,lng` adds `distanceKm` and ' +
        'sorts by distance; `radiusKm` limits it. Confidential services are placed and measured at their governorate only. ' +
        'Platform admins also see `verification` and may filter by it (`verification=pending`: the verification queue). ' +
        'Those who may write one organisation’s services list its archived ones with `organization=<id>&archived=include|only`.',
      tags: ['services'],
      query: ServiceListQuery,
      response: servicePageOf(withArchivedAtSchema(ServiceSummary.partial())),
      errors: archivedListErrors(`those who may write the organisation’s services`),
    },
    ({ query, req }) => {
      authorizeArchived(actorOf(req), query, 'service:write');
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
    detail: presentService,
    held: (id) => heldRecord(serviceCatalog, id),
    verifiable: { fields: SERVICE_EDITABLE_FIELDS, publicUrl },
    actions: [
      {
        name: 'confirm',
        summary: 'Confirm the service is still accurate (renews lastVerifiedAt)',
        permission: 'service:write',
        changes: () => ({ lastVerifiedAt: new Date() }),
      },
      // Its own write, so that staff who may not edit the service (caseworkers) keep the figures current,
      // and a figure changing by the hour does not send the service back to verification.
      {
        name: 'capacity',
        summary: 'Set the capacity figures (free beds, places, sessions), each stamped as given now; If-Match required',
        permission: 'capacity:write',
        body: CapacityUpdate,
        requireIfMatch: true,
        changes: (_record, _user, body: CapacityUpdate) => storedCapacity(body.capacity, new Date()),
      },
    ],
  });

  return router;
}
