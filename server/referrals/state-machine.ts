import type { Model, Types } from 'mongoose';
import type { SessionUser } from '../accounts/permissions.js';
import type { Transition } from '../contract/referrals/transition.js';
import { compareAndSet } from '../directory/records/compare-and-set.js';

export function findTransition<T extends Transition<string, string>>(
  table: readonly T[],
  from: T['to'],
  to: T['to'],
): T | undefined {
  return table.find((t) => t.to === to && t.from.includes(from));
}

/** The states the viewer could move the record to from `from`, given the sides they are on. */
export function availableMoves<T extends Transition<string, string>>(
  table: readonly T[],
  from: T['to'],
  sides: readonly T['by'][number][],
): T['to'][] {
  return table.filter((t) => t.from.includes(from) && t.by.some((s) => sides.includes(s))).map((t) => t.to);
}

/** One history line: who moved the record, when, from which state to which, and why. */
export interface HistoryEntry<S extends string> {
  at: Date;
  from: S | null;
  to: S;
  byUserId: string;
  byName: string;
  byOrganizationId: string | null;
  reason: string | null;
}

/** The history line of `user` moving a record from `from` (null: created) to `to`. */
export function historyLine<S extends string>(
  user: SessionUser,
  from: S | null,
  to: S,
  reason: string | null,
  at: Date,
): HistoryEntry<S> {
  return { at, from, to, byUserId: user.id, byName: user.name, byOrganizationId: user.organizationId, reason };
}

interface Versioned<S extends string> {
  _id: Types.ObjectId;
  status: S;
  version: number;
  history: HistoryEntry<S>[];
}

/**
 * The one way a workflow record changes state: a compare-and-set on the version the caller saw
 * (see directory/records/compare-and-set.ts: a unique version claim, then a version-filtered
 * update), which sets the new state, the move's fields and the history with its new line together.
 * The version pins the state, so a record still at that version is still in `current.status`.
 * Null when someone else moved the record first: nothing changed.
 */
export async function moveAtomically<S extends string, D extends Versioned<S>>(
  model: Model<D>,
  current: Versioned<S>,
  entry: HistoryEntry<S>,
  set: Record<string, unknown> = {},
): Promise<D | null> {
  const moved = await compareAndSet(model, current._id, current.version, {
    ...set,
    status: entry.to,
    history: [...current.history, entry],
  });
  return moved as D | null;
}
