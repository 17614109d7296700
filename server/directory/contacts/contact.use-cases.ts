import { Types, type FilterQuery } from 'mongoose';
import { z } from 'zod';
import { badRequest, type FieldProblem } from '../../platform/http/problem.js';
import { multiValue, queryBoolean } from '../../contract/query-params.js';
import { LanguageSchema } from '../../platform/text/translated.js';
import { findOrganization } from '../organizations/organization.data.js';
import { archivedCondition } from '../../contract/directory/records/archived.js';
import { OrganizationArchivedQuery, PageQuery, skipOf, withArchivedAt, type Page } from '../records/list.js';
import { ObjectIdSchema, toObjectId } from '../records/record.js';
import { contactView, type ContactRecord } from './contact.data.js';
import { ContactModel, type ContactDoc } from './contact.model.js';
import type { ContactCreate, ContactUpdate, ContactView } from '../../contract/directory/contacts/contact.schemas.js';
import { findLiveService } from '../catalog/queries.js';

export const ContactListQuery = z.strictObject({
  organization: multiValue(ObjectIdSchema).optional(),
  service: multiValue(ObjectIdSchema).optional(),
  referralFocalPoint: queryBoolean.optional(),
  lang: LanguageSchema.optional(),
  ...PageQuery,
  ...OrganizationArchivedQuery,
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export async function listContacts(query: ContactListQuery): Promise<Page<ContactView & { archivedAt?: string | null }>> {
  const and: FilterQuery<ContactDoc>[] = [archivedCondition(query.archived)];
  if (query.organization?.length) and.push({ organizationId: { $in: query.organization.map((id) => new Types.ObjectId(id)) } });
  if (query.service?.length) and.push({ serviceId: { $in: query.service.map((id) => new Types.ObjectId(id)) } });
  if (query.referralFocalPoint !== undefined) and.push({ referralFocalPoint: query.referralFocalPoint });
  const filter = { $and: and };
  const [rows, total] = await Promise.all([
    ContactModel.find(filter).sort({ name: 1, _id: 1 }).skip(skipOf(query)).limit(query.perPage).lean<ContactRecord[]>(),
    ContactModel.countDocuments(filter),
  ]);
  return { items: rows.map((c) => withArchivedAt(contactView(c), c, query.archived)), total, page: query.page, perPage: query.perPage };
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
