import type { Types } from 'mongoose';
import { findByIds, type StoredRecord } from '../records/record.js';
import { listLocationPlan, locationsById } from '../catalog/queries.js';
import { LocationModel, type LocationDoc } from './location.model.js';

export type LocationRecord = StoredRecord<LocationDoc>;

/** Live locations with these ids as the catalog holds them, current for the request: for pages (a write checks its references with locationsByIds). */
export async function livePlaces(ids: readonly Types.ObjectId[]): Promise<LocationRecord[]> {
  return ([...(await locationsById(ids)).values()] as LocationRecord[]).filter((l) => !l.archivedAt);
}

/** Live (not archived) locations with these ids, read from the database. */
export async function locationsByIds(ids: readonly Types.ObjectId[]): Promise<LocationRecord[]> {
  return (await findByIds(LocationModel, ids)).filter((l) => !l.archivedAt);
}

export async function locationsOfOrganization(organizationId: Types.ObjectId): Promise<LocationRecord[]> {
  const locations = (await listLocationPlan({ anyOf: { organizationId: [organizationId.toHexString()] }, archived: 'exclude' })) as LocationRecord[];
  return locations.sort((a, b) => (a._id.toHexString() < b._id.toHexString() ? -1 : 1));
}
