import { Router } from 'express';
import { authorizeEverywhere } from '../../accounts/permissions.js';
import { apiRoute } from '../../platform/http/api-route.js';
import { pageSchema } from '../records/list.js';
import { registerRecordRoutes } from '../records/record-routes.js';
import { viewerOf } from '../records/viewer.js';
import { OrganizationModel } from './organization.model.js';
import { OrganizationCreate, OrganizationDetail, OrganizationSummary, OrganizationUpdate } from './organization.schemas.js';
import {
  listOrganizations,
  OrganizationListQuery,
  organizationChanged,
  organizationDetail,
  organizationToStored,
} from './organization.use-cases.js';
import { archivedListErrors } from '../records/archived.js';

export function organizationRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/organizations',
      summary: 'Search and filter organisations',
      description:
        '`q` matches the start of every word (Arabic, Kurdish, English; spelling variants normalised); name matches come first. ' +
        'Filters combine with AND; several values of one filter with OR. Platform admins may ask for archived organisations.',
      tags: ['organizations'],
      query: OrganizationListQuery,
      response: pageSchema(OrganizationSummary.partial()),
      errors: archivedListErrors('platform admins'),
    },
    ({ query, req }) => {
      if (query.archived !== 'exclude') authorizeEverywhere(req, 'organization:archive');
      return listOrganizations(query);
    },
  );

  registerRecordRoutes(router, {
    entity: 'organization',
    path: '/organizations',
    tag: 'organizations',
    model: OrganizationModel,
    create: OrganizationCreate,
    update: OrganizationUpdate,
    detailSchema: OrganizationDetail,
    permissions: { create: 'organization:create', update: 'organization:update', archive: 'organization:archive' },
    ownerOfInput: () => null,
    ownerOf: (o) => o._id.toHexString(),
    toStored: (input, existing, user) => organizationToStored(input, existing, user),
    afterWrite: organizationChanged,
    detail: (o, req) => organizationDetail(o, viewerOf(req)),
    verifiable: true,
    actions: [
      {
        name: 'confirm',
        summary: 'Confirm the organisation’s entry is still accurate (renews lastVerifiedAt)',
        permission: 'organization:update',
        changes: () => ({ lastVerifiedAt: new Date() }),
      },
    ],
  });

  return router;
}
