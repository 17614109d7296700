/**
 * One run of `run` at a time, shared by its callers. A caller that arrives during a run waits for the
 * next one (shared with everyone who arrives meanwhile), so what it gets started after it asked: it
 * sees every change made before it called. A burst of callers costs at most two runs.
 */
export class SharedRun<T> {
  private running: Promise<T> | undefined;
  private queued: Promise<T> | undefined;

  constructor(private readonly run: () => Promise<T>) {}

  /** A run is under way. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  next(): Promise<T> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => {})
      .then(() => {
        this.queued = undefined;
        return this.next();
      });
    return this.queued;
  }
}
