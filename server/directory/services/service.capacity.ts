import { iso, translated } from '../../contract/directory/records/view-schemas.js';
import type { CapacityUpdate } from '../../contract/directory/services/service.input.js';
import type { CapacityView } from '../../contract/directory/services/service.schemas.js';
import type { CapacityReader } from '../records/viewer.js';
import type { ServicePlan } from '../search/service-plan.js';
import type { ServiceDoc } from './service.model.js';
import { DAY_MS } from '../search/service-query.js';

type StoredCapacity = ServiceDoc['capacity'];

/** When the freshest figure with a unit free was given (null: none free): what `hasCapacity` compares. */
export function capacityFreeAt(capacity: readonly { available: number; updatedAt: Date }[]): Date | null {
  const times = capacity.filter((c) => c.available > 0).map((c) => new Date(c.updatedAt).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** The stored fields for figures given at `now` (the capacity write, the HSDS import passes its own times). */
export function storedCapacity(entries: readonly (CapacityUpdate['capacity'][number] & { updatedAt?: Date })[], now: Date) {
  const capacity = entries.map((c) => ({
    unit: c.unit,
    available: c.available,
    maximum: c.maximum ?? null,
    description: c.description ?? {},
    updatedAt: c.updatedAt ?? now,
  }));
  return { capacity, capacityFreeAt: capacityFreeAt(capacity) };
}

/**
 * The capacity as this viewer reads it now: staleness is decided here, at read time, against the
 * configured age. A confidential service's figures go to signed-in referrers only (a shelter's
 * occupancy tells who is there); for others the field is absent.
 */
export function capacityView(
  s: { confidential?: boolean | null; capacity?: StoredCapacity | null },
  reader: CapacityReader,
  now = Date.now(),
): CapacityView[] | undefined {
  if (s.confidential && !reader.seesConfidentialCapacity) return undefined;
  const staleBefore = now - reader.capacityStaleDays * DAY_MS;
  return (s.capacity ?? []).map((c) => ({
    unit: c.unit as CapacityView['unit'],
    available: c.available,
    maximum: c.maximum ?? null,
    description: translated(c.description),
    updatedAt: iso(c.updatedAt)!,
    stale: new Date(c.updatedAt).getTime() < staleBefore,
  }));
}

/**
 * Applies `hasCapacity=true` to a plan: a unit free in a figure given since the stale age. A
 * confidential service passes only for a reader who may see its capacity, or the filter would tell
 * its occupancy to those who may not (the shared map passes a reader who sees none).
 */
export function withFreeCapacity(plan: ServicePlan, query: { hasCapacity?: boolean | undefined }, reader: CapacityReader, now = Date.now()): ServicePlan {
  if (query.hasCapacity) plan.freeCapacity = { since: new Date(now - reader.capacityStaleDays * DAY_MS), confidentialToo: reader.seesConfidentialCapacity };
  return plan;
}

/** The reader of an answer shared by everyone (the map): the stale age, no confidential capacity. */
export const publicReader = (capacityStaleDays: number): CapacityReader => ({ seesConfidentialCapacity: false, capacityStaleDays });
