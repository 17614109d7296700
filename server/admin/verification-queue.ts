import { z } from 'zod';
import { AuditEntryModel } from '../audit/audit.model.js';
import { findOrganizations, findServices } from '../directory/catalog/queries.js';
import { organizationRefs } from '../directory/organizations/organization.data.js';
import { iso, Timestamp, translated, TranslatedView } from '../directory/records/view-schemas.js';

export const QueueQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});

export const QueueEntry = z.object({
  kind: z.enum(['organization', 'service']),
  id: z.string(),
  name: TranslatedView,
  /** The service's organisation; null for organisations. */
  organization: z.object({ id: z.string(), name: TranslatedView }).nullable(),
  /** True when the record was never verified. */
  isNew: z.boolean(),
  /** Fields changed since the last verification (from the audit log). */
  changedFields: z.array(z.string()),
  updatedAt: Timestamp.nullable(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const QueuePage = z.object({ items: z.array(QueueEntry), total: z.number().int(), page: z.number().int(), perPage: z.number().int() });

interface Pending {
  _id: { toHexString(): string };
  name?: { en?: string | null; ar?: string | null; ckb?: string | null } | null;
  organizationId?: { toHexString(): string };
  lastVerifiedAt?: Date | null;
  updatedAt?: Date | null;
}

const PENDING = { archivedAt: null, 'verification.status': 'pending' };

/** Fields the updates of these records changed since each was last verified: one audit query for the page. */
async function changesSinceVerified(records: Pending[]): Promise<Map<string, string[]>> {
  const out = new Map(records.map((r) => [r._id.toHexString(), new Set<string>()]));
  if (!records.length) return new Map();
  const verifiedAt = new Map(records.map((r) => [r._id.toHexString(), r.lastVerifiedAt ? new Date(r.lastVerifiedAt).getTime() : 0]));
  const entries = await AuditEntryModel.find(
    { entityId: { $in: [...out.keys()] }, action: { $in: ['organization.update', 'service.update'] } },
    { entityId: 1, at: 1, 'changes.field': 1 },
  ).lean<{ entityId: string; at: Date; changes: { field?: string | null }[] }[]>();
  for (const entry of entries) {
    if (entry.at.getTime() < (verifiedAt.get(entry.entityId) ?? 0)) continue;
    for (const { field } of entry.changes) if (field && field !== 'verification') out.get(entry.entityId)?.add(field);
  }
  return new Map([...out].map(([id, fields]) => [id, [...fields]]));
}

/** New and changed organisations and services waiting for a platform admin, most recently changed first (from the catalog). */
export async function verificationQueue(query: z.infer<typeof QueueQuery>): Promise<z.infer<typeof QueuePage>> {
  const [organizations, services] = await Promise.all([findOrganizations(PENDING), findServices(PENDING)]);
  const entries: { kind: QueueEntry['kind']; record: Pending }[] = [
    ...organizations.map((record) => ({ kind: 'organization' as const, record: record as Pending })),
    ...services.map((record) => ({ kind: 'service' as const, record: record as Pending })),
  ];
  const time = (r: Pending) => (r.updatedAt ? new Date(r.updatedAt).getTime() : 0);
  entries.sort((a, b) => time(b.record) - time(a.record) || b.record._id.toHexString().localeCompare(a.record._id.toHexString()));
  const slice = entries.slice((query.page - 1) * query.perPage, query.page * query.perPage);
  const [owners, changes] = await Promise.all([
    organizationRefs(slice.flatMap(({ record }) => (record.organizationId ? [record.organizationId.toHexString()] : []))),
    changesSinceVerified(slice.map(({ record }) => record)),
  ]);
  const items = slice.map(({ kind, record }): QueueEntry => {
    const owner = record.organizationId ? owners.get(record.organizationId.toHexString()) : undefined;
    return {
      kind,
      id: record._id.toHexString(),
      name: translated(record.name),
      organization: record.organizationId ? { id: record.organizationId.toHexString(), name: translated(owner?.name) } : null,
      isNew: !record.lastVerifiedAt,
      changedFields: changes.get(record._id.toHexString()) ?? [],
      updatedAt: iso(record.updatedAt),
    };
  });
  return { items, total: entries.length, page: query.page, perPage: query.perPage };
}
