import type { z } from 'zod';
import type { Types } from 'mongoose';
import { changesSinceVerified } from '../directory/records/verification.js';
import { ORGANIZATION_EDITABLE_FIELDS } from '../contract/directory/organizations/organization.input.js';
import { SERVICE_EDITABLE_FIELDS } from '../contract/directory/services/service.input.js';
import { listServices, runOrganizationPlan } from '../directory/catalog/queries.js';
import type { ListPlan } from '../directory/search/service-plan.js';
import { organizationRefs } from '../directory/organizations/organization.data.js';
import { iso, translated } from '../contract/directory/records/view-schemas.js';
import type { QueueEntry} from '../contract/admin/verification-queue.schemas.js';
import { type QueuePage, type QueueQuery } from '../contract/admin/verification-queue.schemas.js';


interface Pending {
  _id: Types.ObjectId;
  name?: { en?: string | null; ar?: string | null; ckb?: string | null } | null;
  organizationId?: Types.ObjectId;
  lastVerifiedAt?: Date | null;
  updatedAt?: Date | null;
  version: number;
}

/** Live records whose verification is pending, as compiled plans over the catalog. */
const PENDING: ListPlan<'verification.status'> = { anyOf: { 'verification.status': ['pending'] }, archived: 'exclude' };

const FIELDS = { organization: ORGANIZATION_EDITABLE_FIELDS, service: SERVICE_EDITABLE_FIELDS } as const;

/** New and changed organisations and services waiting for a platform admin, most recently changed first (from the catalog). */
export async function verificationQueue(query: z.infer<typeof QueueQuery>): Promise<z.infer<typeof QueuePage>> {
  const [organizations, services] = await Promise.all([runOrganizationPlan({ ...PENDING, words: [] }), listServices(PENDING)]);
  const entries: { kind: QueueEntry['kind']; record: Pending }[] = [
    ...organizations.map((record) => ({ kind: 'organization' as const, record: record as unknown as Pending })),
    ...services.map((record) => ({ kind: 'service' as const, record: record as unknown as Pending })),
  ];
  const time = (r: Pending) => (r.updatedAt ? new Date(r.updatedAt).getTime() : 0);
  entries.sort((a, b) => time(b.record) - time(a.record) || b.record._id.toHexString().localeCompare(a.record._id.toHexString()));
  const slice = entries.slice((query.page - 1) * query.perPage, query.page * query.perPage);
  const of = (kind: QueueEntry['kind']) => slice.filter((e) => e.kind === kind).map((e) => e.record as unknown as Parameters<typeof changesSinceVerified>[1][number]);
  const [owners, organizationChanges, serviceChanges] = await Promise.all([
    organizationRefs(slice.flatMap(({ record }) => (record.organizationId ? [record.organizationId.toHexString()] : []))),
    changesSinceVerified('organization', of('organization'), FIELDS.organization),
    changesSinceVerified('service', of('service'), FIELDS.service),
  ]);
  const items = slice.map(({ kind, record }): QueueEntry => {
    const owner = record.organizationId ? owners.get(record.organizationId.toHexString()) : undefined;
    const changes = (kind === 'organization' ? organizationChanges : serviceChanges).get(record._id.toHexString()) ?? [];
    return {
      kind,
      id: record._id.toHexString(),
      name: translated(record.name),
      organization: record.organizationId ? { id: record.organizationId.toHexString(), name: translated(owner?.name) } : null,
      isNew: !record.lastVerifiedAt,
      changedFields: changes.map((c) => c.field),
      changes,
      updatedAt: iso(record.updatedAt),
      version: record.version,
    };
  });
  return { items, total: entries.length, page: query.page, perPage: query.perPage };
}
