/**
 * A small in-memory cache of computed values for a short time. Concurrent requests for the same key
 * share one computation; failures are not cached. Keys should carry whatever makes a value stale
 * (e.g. a data version), so the time limit only bounds what the key cannot see.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { expires: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;

    for (const [k, entry] of this.entries) if (entry.expires <= now) this.entries.delete(k);
    const value = compute();
    this.entries.set(key, { expires: now + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    // Maps iterate in insertion order: the first keys are the oldest.
    for (const k of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
    }
    return value;
  }
}
