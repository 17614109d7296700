import type { Model, RootFilterQuery, Types, UpdateQuery } from 'mongoose';

/**
 * A workflow written once, as data: which side may move a record from which states to which.
 * Referrals and agreements each declare their table; the rules are read from it, never re-coded.
 */
export interface Transition<S extends string, Side extends string> {
  from: readonly S[];
  to: S;
  /** The sides allowed to make the move. */
  by: readonly Side[];
  /** When present, the move needs one of these reason codes. */
  reasons?: readonly string[];
}

export function findTransition<S extends string, Side extends string, T extends Transition<S, Side>>(
  table: readonly T[],
  from: S,
  to: S,
): T | undefined {
  return table.find((t) => t.to === to && t.from.includes(from));
}

/** The states the viewer could move the record to from `from`, given the sides they are on. */
export function availableMoves<S extends string, Side extends string>(
  table: readonly Transition<S, Side>[],
  from: S,
  sides: readonly Side[],
): S[] {
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

interface Versioned<S extends string> {
  _id: Types.ObjectId;
  status: S;
  version: number;
}

/**
 * The one way a workflow record changes state: a single conditional update on the state and version
 * the caller saw, which sets the new state, bumps the version and appends the history line together.
 * Null when someone else moved the record first (or the move is no longer legal): nothing changed.
 */
export async function moveAtomically<S extends string, D extends Versioned<S>>(
  model: Model<D>,
  current: Versioned<S>,
  entry: HistoryEntry<S>,
  set: Record<string, unknown> = {},
): Promise<D | null> {
  const filter = { _id: current._id, status: current.status, version: current.version } as RootFilterQuery<D>;
  const update = { $set: { ...set, status: entry.to }, $inc: { version: 1 }, $push: { history: entry } } as UpdateQuery<D>;
  return model.findOneAndUpdate(filter, update, { new: true }).lean<D>();
}
