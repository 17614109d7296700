import { Router } from 'express';
import { authorizeEverywhere, actorOf } from '../../accounts/permissions.js';
import { apiRoute } from '../../platform/http/api-route.js';
import { pageSchema } from '../records/list.js';
import { registerRecordRoutes } from '../records/record.routes.js';
import { organizationCatalog } from '../catalog/directory-catalog.js';
import { heldRecord } from '../catalog/queries.js';
import { OrganizationModel } from './organization.model.js';
import { OrganizationDetail, OrganizationSummary } from '../../contract/directory/organizations/organization.schemas.js';
import { ORGANIZATION_EDITABLE_FIELDS, organizationInputWith } from '../../contract/directory/organizations/organization.input.js';
import { GovernorateInput } from '../governorates/governorate-input.js';
import {
  listOrganizations,
  OrganizationListQuery,
  organizationChanged,
  organizationDetail,
  organizationToStored,
} from './organization.use-cases.js';
import { archivedListErrors } from '../../contract/directory/records/archived.js';

const { OrganizationCreate, OrganizationUpdate } = organizationInputWith(GovernorateInput);

export function organizationRoutes(publicUrl: string): Router {
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
      if (query.archived !== 'exclude') authorizeEverywhere(actorOf(req), 'organization:archive');
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
    detail: organizationDetail,
    held: (id) => heldRecord(organizationCatalog, id),
    verifiable: { fields: ORGANIZATION_EDITABLE_FIELDS, publicUrl },
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
