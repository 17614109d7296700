/** MongoDB's (and FerretDB's) code for a write refused by a unique index: another writer got there first. */
const DUPLICATE_KEY = 11000;

export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}
