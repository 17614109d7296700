import { Router } from 'express';
import { z } from 'zod';
import { apiRoute } from '../../platform/http/api-route.js';
import { authorizeArchived, pageSchema, withArchivedAtSchema } from '../records/list.js';
import { registerRecordRoutes } from '../records/record-routes.js';
import { viewerOf } from '../records/viewer.js';
import { LocationModel } from './location.model.js';
import { LocationCreate, LocationUpdate, LocationView } from './location.schemas.js';
import { listLocations, LocationListQuery, locationChanged, locationToStored, presentLocation } from './location.use-cases.js';
import { archivedListErrors } from '../records/archived.js';

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
      authorizeArchived(req, query, 'location:write');
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
    detailSchema: LocationView.extend({ version: z.number().int() }),
    permissions: { create: 'location:write', update: 'location:write', archive: 'location:write' },
    ownerOfInput: (input) => input.organizationId.toLowerCase(),
    ownerOf: (l) => l.organizationId.toHexString(),
    toStored: (input, existing) => locationToStored(input, existing),
    afterWrite: locationChanged,
    detail: async (l, req) => ({ ...(await presentLocation(l, viewerOf(req))), version: l.version }),
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
