import { Router } from 'express';
import { apiRoute } from '../../platform/http/api-route.js';
import { authorizeArchived, pageSchema } from '../records/list.js';
import { withArchivedAtSchema } from '../../contract/directory/records/archived.js';
import { registerRecordRoutes } from '../records/record.routes.js';
import { viewerOf } from '../records/viewer.js';
import { locationCatalog } from '../catalog/directory-catalog.js';
import { heldRecord } from '../catalog/queries.js';
import { LocationModel } from './location.model.js';
import { LocationDetail, LocationView } from '../../contract/directory/locations/location.schemas.js';
import { locationInputWith } from '../../contract/directory/locations/location.input.js';
import { GovernorateInput } from '../governorates/governorate-input.js';
import { listLocations, LocationListQuery, locationChanged, locationToStored, presentLocation } from './location.use-cases.js';
import { archivedListErrors } from '../../contract/directory/records/archived.js';
import { actorOf } from '../../accounts/permissions.js';

const { LocationCreate, LocationUpdate } = locationInputWith(GovernorateInput);

export function locationRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/locations',
      summary: 'Locations of organisations (confidential ones only for their organisation and platform admins)',
      tags: ['locations'],
      query: LocationListQuery,
      response: pageSchema(withArchivedAtSchema(LocationView)),
      errors: archivedListErrors(`those who may write the organisation’s locations`),
    },
    ({ query, req }) => {
      authorizeArchived(actorOf(req), query, 'location:write');
      return listLocations(query, viewerOf(req));
    },
  );

  registerRecordRoutes(router, {
    entity: 'location',
    path: '/locations',
    tag: 'locations',
    model: LocationModel,
    create: LocationCreate,
    update: LocationUpdate,
    detailSchema: LocationDetail,
    permissions: { create: 'location:write', update: 'location:write', archive: 'location:write' },
    ownerOfInput: (input) => input.organizationId.toLowerCase(),
    ownerOf: (l) => l.organizationId.toHexString(),
    toStored: (input, existing) => locationToStored(input, existing),
    afterWrite: locationChanged,
    detail: async (l, viewer) => ({ ...(await presentLocation(l, viewer)), version: l.version }),
    held: (id) => heldRecord(locationCatalog, id),
    actions: [
      {
        name: 'release-secrecy',
        summary: 'Make public again a place kept secret because a confidential service used it (platform admins; audited)',
        permission: 'confidential:release',
        done: (l) => !l.heldSecretSince,
        changes: () => ({ heldSecretSince: null }),
      },
    ],
  });

  return router;
}
