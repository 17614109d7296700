/**
 * Loaded by test/run.ts into every test file's process (node's runner gives each file its own): a
 * file still running after TEST_FILE_DEADLINE_S seconds says so, ends the processes it started (the
 * browser, app instances, databases) and exits non-zero, so a setup that waits for ever fails that
 * file instead of holding the whole run.
 */
import path from 'node:path';
import { childrenOf } from './processes.js';

const deadlineSeconds = Number(process.env.TEST_FILE_DEADLINE_S);

// The runner's own process is the parent (no NODE_TEST_CONTEXT): only the files' processes get a deadline.
if (process.env.NODE_TEST_CONTEXT?.startsWith('child') && deadlineSeconds > 0) {
  const file = path.relative(process.cwd(), process.argv[1] ?? 'unknown file');
  setTimeout(() => {
    console.error(`${file} overran its deadline of ${deadlineSeconds} s (TEST_FILE_DEADLINE_S) and was stopped.`);
    for (const child of childrenOf(process.pid)) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already ended
      }
    }
    process.exit(1);
  }, deadlineSeconds * 1000).unref();
}
