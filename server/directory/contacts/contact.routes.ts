import { Router } from 'express';
import { apiRoute } from '../../platform/http/api-route.js';
import { authorizeArchived, pageSchema } from '../records/list.js';
import { withArchivedAtSchema } from '../../contract/directory/records/archived.js';
import { registerRecordRoutes } from '../records/record.routes.js';
import { contactView } from './contact.data.js';
import { ContactModel } from './contact.model.js';
import { ContactCreate, ContactDetail, ContactUpdate, ContactView } from '../../contract/directory/contacts/contact.schemas.js';
import { ContactListQuery, contactToStored, listContacts } from './contact.use-cases.js';
import { archivedListErrors } from '../../contract/directory/records/archived.js';
import { actorOf } from '../../accounts/permissions.js';
import { contactCatalog } from '../catalog/directory-catalog.js';
import { heldRecord } from '../catalog/queries.js';

export function contactRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/contacts',
      summary: 'Contacts and referral focal points of organisations and services',
      tags: ['contacts'],
      query: ContactListQuery,
      response: pageSchema(withArchivedAtSchema(ContactView)),
      errors: archivedListErrors(`those who may write the organisation’s contacts`),
    },
    ({ query, req }) => {
      authorizeArchived(actorOf(req), query, 'contact:write');
      return listContacts(query);
    },
  );

  registerRecordRoutes(router, {
    entity: 'contact',
    path: '/contacts',
    tag: 'contacts',
    model: ContactModel,
    create: ContactCreate,
    update: ContactUpdate,
    detailSchema: ContactDetail,
    permissions: { create: 'contact:write', update: 'contact:write', archive: 'contact:write' },
    ownerOfInput: (input) => input.organizationId.toLowerCase(),
    ownerOf: (c) => c.organizationId.toHexString(),
    toStored: (input, existing) => contactToStored(input, existing),
    detail: async (c) => ({ ...contactView(c), version: c.version }),
    held: (id) => heldRecord(contactCatalog, id),
  });

  return router;
}
