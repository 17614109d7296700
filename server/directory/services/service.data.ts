import type { Types } from 'mongoose';
import type { StoredRecord } from '../records/record.js';
import { listServices, servicesById } from '../catalog/queries.js';
import type { CatalogService } from '../catalog/directory-catalog.js';
import type { ServiceDoc } from './service.model.js';

export type ServiceRecord = StoredRecord<ServiceDoc>;

/** Full records for these ids, in the order given (ids that are not found are skipped), from the catalog. */
export async function servicesInOrder(ids: readonly Types.ObjectId[]): Promise<ServiceRecord[]> {
  if (!ids.length) return [];
  const byId = await servicesById(ids);
  return ids.map((id) => byId.get(id.toHexString())).filter((r): r is CatalogService => Boolean(r)) as unknown as ServiceRecord[];
}

/** Live services of an organisation, by name. */
export async function servicesOfOrganization(organizationId: Types.ObjectId): Promise<ServiceRecord[]> {
  const services = await listServices({ anyOf: { organizationId: [organizationId.toHexString()] }, archived: 'exclude' });
  const key = (s: CatalogService) => `${s.search.sortName}\u0000${s._id.toHexString()}`;
  return services.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) as unknown as ServiceRecord[];
}
