import { Types } from 'mongoose';
import { AuditEntryModel, type AuditEntryDoc } from '../audit/audit.model.js';
import type { AuditEntryView } from '../contract/accounts/audit-log.schemas.js';
import { contactCatalog, locationCatalog, organizationCatalog, serviceCatalog } from '../directory/catalog/directory-catalog.js';
import { currentCatalog } from '../directory/catalog/queries.js';
import { UserModel } from './user.model.js';

export interface AuditFilter {
  organizationId?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}


type RecordName = AuditEntryView['entityName'];

/** Directory records are named from the catalog, as they are now (a renamed record shows its new name). */
const NAMED_RECORDS: Record<string, (id: string) => RecordName | undefined> = {
  organization: (id) => organizationCatalog.get(id)?.name,
  service: (id) => serviceCatalog.get(id)?.name,
  location: (id) => locationCatalog.get(id)?.name,
  contact: (id) => contactCatalog.get(id)?.name,
};

/**
 * The log reads as people and records, not ids: the actors' and users' names (one read of the few
 * accounts named on the page) and the directory records' current names.
 */
async function namer(entries: AuditEntryDoc[]) {
  await currentCatalog();
  const userIds = [
    ...new Set([
      ...entries.flatMap((e) => (e.actorId ? [e.actorId.toString()] : [])),
      ...entries.flatMap((e) => (e.entity === 'user' && e.entityId && Types.ObjectId.isValid(e.entityId) ? [e.entityId] : [])),
    ]),
  ];
  const users = new Map(
    userIds.length
      ? (await UserModel.find({ _id: { $in: userIds.map((id) => new Types.ObjectId(id)) } }, { name: 1 }).lean()).map((u) => [u._id.toString(), u.name])
      : [],
  );
  return {
    user: (id: string | null | undefined) => (id && users.get(id)) ?? null,
    record: (entity: string, id: string | null | undefined): RecordName =>
      !id ? null : entity === 'user' ? (users.get(id) ?? null) : (NAMED_RECORDS[entity]?.(id) ?? null),
  };
}

const toView = (e: AuditEntryDoc, names: Awaited<ReturnType<typeof namer>>): AuditEntryView => ({
  id: e._id.toString(),
  at: e.at.toISOString(),
  actor: { id: e.actorId?.toString() ?? null, name: names.user(e.actorId?.toString()), email: e.actorEmail ?? null, role: e.actorRole ?? null },
  organizationId: e.organizationId?.toString() ?? null,
  organizationName: names.record('organization', e.organizationId?.toString()),
  action: e.action,
  entity: e.entity,
  entityId: e.entityId ?? null,
  entityName: names.record(e.entity, e.entityId),
  changes: e.changes.map((c) => ({ field: c.field ?? '', before: c.before ?? '', after: c.after ?? '' })),
  requestId: e.requestId ?? null,
});

/** Audit entries, newest first, filtered and paged. */
export async function readAuditLog(filter: AuditFilter): Promise<{ items: AuditEntryView[]; page: number; pageSize: number; total: number }> {
  const at = {
    ...(filter.from ? { $gte: filter.from } : {}),
    ...(filter.to ? { $lt: filter.to } : {}),
  };
  const query = {
    ...(filter.organizationId ? { organizationId: new Types.ObjectId(filter.organizationId) } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actorId: new Types.ObjectId(filter.actor) } : {}),
    ...(Object.keys(at).length ? { at } : {}),
  };
  const [entries, total] = await Promise.all([
    AuditEntryModel.find(query)
      .sort({ at: -1, _id: -1 })
      .skip((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .lean<AuditEntryDoc[]>(),
    AuditEntryModel.countDocuments(query),
  ]);
  const names = await namer(entries);
  return { items: entries.map((e) => toView(e, names)), page: filter.page, pageSize: filter.pageSize, total };
}
