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
