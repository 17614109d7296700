import type { Types } from 'mongoose';
import { findByIds, type StoredRecord } from '../records/record.js';
import { ServiceModel, type ServiceDoc } from './service.model.js';

export type ServiceRecord = StoredRecord<ServiceDoc>;

/** Full records for these ids, in the order given (ids that are not found are skipped). */
export async function servicesInOrder(ids: readonly Types.ObjectId[]): Promise<ServiceRecord[]> {
  if (!ids.length) return [];
  const rows = await findByIds(ServiceModel, ids);
  const byId = new Map(rows.map((r) => [r._id.toHexString(), r]));
  return ids.map((id) => byId.get(id.toHexString())).filter((r): r is ServiceRecord => Boolean(r));
}

/** Live services of an organisation, by name. */
export function servicesOfOrganization(organizationId: Types.ObjectId): Promise<ServiceRecord[]> {
  return ServiceModel.find({ organizationId, archivedAt: null })
    .sort({ 'search.sortName': 1, _id: 1 })
    .lean<ServiceRecord[]>();
}
