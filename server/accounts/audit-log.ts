import { Types } from 'mongoose';
import { AuditEntryModel, type AuditEntryDoc } from '../audit/audit.model.js';

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

export interface AuditEntryView {
  id: string;
  at: string;
  actor: { id: string | null; email: string | null; role: string | null };
  organizationId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: { field: string; before: string; after: string }[];
  requestId: string | null;
}

const toView = (e: AuditEntryDoc): AuditEntryView => ({
  id: e._id.toString(),
  at: e.at.toISOString(),
  actor: { id: e.actorId?.toString() ?? null, email: e.actorEmail ?? null, role: e.actorRole ?? null },
  organizationId: e.organizationId?.toString() ?? null,
  action: e.action,
  entity: e.entity,
  entityId: e.entityId ?? null,
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
  return { items: entries.map(toView), page: filter.page, pageSize: filter.pageSize, total };
}
