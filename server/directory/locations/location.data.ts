import type { Types } from 'mongoose';
import { findByIds, type StoredRecord } from '../records/record.js';
import { findLocations, findServices } from '../catalog/queries.js';
import { LocationModel, type LocationDoc } from './location.model.js';

export type LocationRecord = StoredRecord<LocationDoc>;

/** Live (not archived) locations with these ids. */
export async function locationsByIds(ids: readonly Types.ObjectId[]): Promise<LocationRecord[]> {
  return (await findByIds(LocationModel, ids)).filter((l) => !l.archivedAt);
}

export async function locationsOfOrganization(organizationId: Types.ObjectId): Promise<LocationRecord[]> {
  const locations = (await findLocations({ organizationId, archivedAt: null })) as LocationRecord[];
  return locations.sort((a, b) => (a._id.toHexString() < b._id.toHexString() ? -1 : 1));
}

/**
 * Of these locations, the ones a confidential service uses (archived or not): they are as secret as
 * the service, whatever their own flag says.
 */
export async function usedByConfidentialServices(ids: readonly Types.ObjectId[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await findServices({ confidential: true, locationIds: { $in: ids } });
  const wanted = new Set(ids.map(String));
  return new Set(rows.flatMap((r) => r.locationIds.map(String)).filter((id) => wanted.has(id)));
}

/** Every location a confidential service uses: few, and needed to keep them out of public lists. */
export async function locationsOfConfidentialServices(): Promise<Types.ObjectId[]> {
  const rows = await findServices({ confidential: true });
  return [...new Map(rows.flatMap((r) => r.locationIds).map((id) => [id.toHexString(), id])).values()];
}
