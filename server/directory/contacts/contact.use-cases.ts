import { z } from 'zod';
import { badRequest, type FieldProblem } from '../../platform/http/problem.js';
import { multiValue, queryBoolean } from '../../contract/query-params.js';
import { LanguageSchema } from '../../platform/text/translated.js';
import { findOrganization } from '../organizations/organization.data.js';
import { OrganizationArchivedQuery, PageQuery, skipOf, sortedBy, withArchivedAt, type Page } from '../records/list.js';
import { ObjectIdSchema, toObjectId } from '../records/record.js';
import { contactView, type ContactRecord } from './contact.data.js';
import type { ContactCreate, ContactUpdate, ContactView } from '../../contract/directory/contacts/contact.schemas.js';
import { findLiveService, listContactPlan } from '../catalog/queries.js';

export const ContactListQuery = z.strictObject({
  organization: multiValue(ObjectIdSchema).optional(),
  service: multiValue(ObjectIdSchema).optional(),
  referralFocalPoint: queryBoolean.optional(),
  lang: LanguageSchema.optional(),
  ...PageQuery,
  ...OrganizationArchivedQuery,
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

/** A page of contacts, from the contacts' compiled read model (a query other than by _id would scan the collection). */
export async function listContacts(query: ContactListQuery): Promise<Page<ContactView & { archivedAt?: string | null }>> {
  const anyOf = {
    ...(query.organization?.length ? { organizationId: query.organization.map((id) => id.toLowerCase()) } : {}),
    ...(query.service?.length ? { serviceId: query.service.map((id) => id.toLowerCase()) } : {}),
  };
  const found = (await listContactPlan({ anyOf, archived: query.archived })) as ContactRecord[];
  const focal = query.referralFocalPoint;
  const rows = sortedBy(focal === undefined ? found : found.filter((c) => c.referralFocalPoint === focal), (c) => c.name);
  const items = rows.slice(skipOf(query), skipOf(query) + query.perPage);
  return { items: items.map((c) => withArchivedAt(contactView(c), c, query.archived)), total: rows.length, page: query.page, perPage: query.perPage };
}

/** A contact belongs to a live organisation, and its service (if any) to the same organisation. */
export async function contactToStored(input: ContactCreate | ContactUpdate, existing: ContactRecord | null): Promise<Record<string, unknown>> {
  const organizationId = existing?.organizationId ?? toObjectId((input as ContactCreate).organizationId)!;
  const problems: FieldProblem[] = [];
  if (!existing) {
    const organization = await findOrganization(organizationId);
    if (!organization || organization.archivedAt) problems.push({ field: 'body.organizationId', message: 'noSuchOrganisation' });
  }
  if (input.serviceId) {
    const service = await findLiveService(input.serviceId);
    if (!service || !service.organizationId.equals(organizationId)) problems.push({ field: 'body.serviceId', message: 'notServiceOfOrganisation' });
  }
  if (problems.length) throw badRequest({ key: 'recordNotValid', params: { what: 'contact' } }, problems);
  return { ...input, ...(input.serviceId !== undefined ? { serviceId: input.serviceId ? toObjectId(input.serviceId) : null } : {}) };
}
