/**
 * Runs `work` every `everyMs`, one run at a time in this process (a run still going skips the tick);
 * a failed run is only logged by `onError`, the next tick retries. `stop` waits for a run in progress.
 */
export function runPeriodically(work: () => Promise<void>, everyMs: number, onError: (err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = work()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const every = setInterval(run, everyMs).unref();
  return {
    async stop() {
      clearInterval(every);
      await running;
    },
  };
}
