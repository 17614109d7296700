import type { FilterQuery, Types } from 'mongoose';
import { compareAndSet } from '../directory/records/compare-and-set.js';
import { ActivityModel, type ActivityDoc } from './activity.model.js';
import type { ActivityKind } from '../contract/activities/vocabulary.js';
import { findLiveOrganization } from '../directory/catalog/queries.js';

/** Data access for activities: plain objects in, plain objects out. */

export type ActivityRecord = ActivityDoc;
export type NewActivity = Omit<ActivityRecord, '_id' | 'version' | 'archivedAt' | 'createdAt' | 'updatedAt' | 'sample'> & {
  sample?: boolean;
};
export type ActivityChanges = Partial<Omit<NewActivity, 'organizationId' | 'sample'>> & { archivedAt?: Date };

export interface ActivityFilter {
  governorates?: string[];
  organizationIds?: string[];
  kinds?: ActivityKind[];
  from?: Date;
  to?: Date;
}

/** Activities that ran at some time within [from, to]; either end may be open. */
export function periodFilter(from?: Date, to?: Date): FilterQuery<ActivityRecord> {
  return { ...(from ? { endDate: { $gte: from } } : {}), ...(to ? { startDate: { $lte: to } } : {}) };
}

/** Live (non-archived) activities matching the filter. */
export function activityQuery(filter: ActivityFilter): FilterQuery<ActivityRecord> {
  return {
    archivedAt: null,
    ...periodFilter(filter.from, filter.to),
    ...(filter.governorates?.length ? { governorates: { $in: filter.governorates } } : {}),
    ...(filter.organizationIds?.length ? { organizationId: { $in: filter.organizationIds } } : {}),
    ...(filter.kinds?.length ? { kind: { $in: filter.kinds } } : {}),
  };
}

export async function findActivities(
  filter: ActivityFilter,
  page: { skip: number; limit: number },
): Promise<{ items: ActivityRecord[]; total: number }> {
  const query = activityQuery(filter);
  const [items, total] = await Promise.all([
    ActivityModel.find(query).sort({ startDate: -1, _id: -1 }).skip(page.skip).limit(page.limit).lean<ActivityRecord[]>(),
    ActivityModel.countDocuments(query),
  ]);
  return { items, total };
}

export async function findActivity(id: Types.ObjectId): Promise<ActivityRecord | null> {
  return ActivityModel.findById(id).lean<ActivityRecord>();
}

export async function insertActivity(activity: NewActivity): Promise<ActivityRecord> {
  const created = await ActivityModel.create(activity);
  return created.toObject<ActivityRecord>();
}

/**
 * Applies `changes` if the activity is still at `version` (exactly one of concurrent writers wins,
 * on FerretDB too) and returns the new state; null when somebody else changed it first.
 */
export async function updateActivityAtVersion(
  id: Types.ObjectId,
  version: number,
  changes: ActivityChanges,
): Promise<ActivityRecord | null> {
  // The stored document has the record plugin's fields too; compareAndSet's type knows the schema's own.
  return compareAndSet(ActivityModel, id, version, changes) as Promise<ActivityRecord | null>;
}

/** Which of the given organisations exist and are not archived. */
export async function liveOrganizationIds(ids: string[]): Promise<Set<string>> {
  const found = await Promise.all([...new Set(ids)].map((id) => findLiveOrganization(id)));
  return new Set(found.flatMap((o) => (o ? [String(o._id)] : [])));
}
