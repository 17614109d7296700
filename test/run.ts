/**
 * `npm test`: checks what the tests need from the machine (Chromium for browser tests: installed
 * from Debian when run as root, else one line saying how), starts a throw-away embedded database
 * (temporary directory, free port) unless MONGODB_URI is set, runs every test file with node's test
 * runner, then removes the database, also when the run fails or is interrupted.
 * Each test file uses its own database name on that server, so files can run in parallel.
 *
 * Each file runs in its own process with a deadline (TEST_FILE_DEADLINE_S, default 900 s): one that
 * overruns is named and stopped with what it started (test/support/file-deadline.ts).
 *
 * Usage: tsx test/run.ts [--test-option …] [file-or-folder …]   (default: test/unit test/api test/faults test/e2e)
 * Options that start with `--test-` go to node's test runner, e.g.
 * `npm test -- --test-name-pattern="confidential" test/api`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedDatabaseError, startEmbeddedDatabase } from '../server/platform/db/embedded-ferretdb.js';
import { ensureChromium, MissingPrerequisite } from './support/prerequisites.js';

/** The *.test.ts files under each folder; a file named on its own is run whatever its name. */
function testFiles(targets: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.test\.ts$/.test(entry)) out.push(full);
    }
  };
  for (const t of targets) {
    if (statSync(t).isDirectory()) walk(t);
    else out.push(t);
  }
  return out;
}

const BROWSER_TESTS = `${path.sep}e2e${path.sep}`;
const fileDeadline = fileURLToPath(new URL('./support/file-deadline.ts', import.meta.url));
const log = (line: string) => console.error(line);
const deadlineSeconds = Number(process.env.TEST_FILE_DEADLINE_S ?? 900);

/** A throw-away embedded database in a temporary directory; `stop` also removes the directory. */
async function startTestDatabase(): Promise<{ uri: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-test-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    const db = await startEmbeddedDatabase({ dataDir: dir, log });
    return {
      uri: db.uri,
      async stop() {
        await db.stop();
        removeDir();
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}

async function run(files: string[], runnerOptions: string[]): Promise<number> {
  if (files.some((f) => path.resolve(f).includes(BROWSER_TESTS))) ensureChromium(log);

  // Interrupted (Ctrl-C, CI stopping), even while the database starts: end the test processes,
  // then still stop the database.
  let tests: ChildProcess | undefined;
  let interrupted = false;
  const interrupt = (signal: NodeJS.Signals) => {
    interrupted = true;
    tests?.kill(signal);
  };
  process.on('SIGINT', interrupt).on('SIGTERM', interrupt);

  const database = process.env.MONGODB_URI ? undefined : await startTestDatabase();
  try {
    if (interrupted) return 1;
    tests = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        fileDeadline,
        '--test',
        `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
        // node's own limit per file, a minute later: for a file too stuck to run its deadline timer.
        `--test-timeout=${(deadlineSeconds + 60) * 1000}`,
        // A file whose tests are over ends even if something it opened is still open.
        '--test-force-exit',
        ...runnerOptions,
        ...files,
      ],
      {
        stdio: 'inherit',
        env: { ...process.env, TEST_FILE_DEADLINE_S: String(deadlineSeconds), MONGODB_URI: database?.uri ?? process.env.MONGODB_URI, NODE_ENV: 'test' },
      },
    );
    const running = tests;
    return await new Promise<number>((resolve) => running.once('exit', (code) => resolve(code ?? 1)));
  } finally {
    await database?.stop();
  }
}

const args = process.argv.slice(2);
const runnerOptions = args.filter((a) => a.startsWith('--test-'));
const targets = args.filter((a) => !a.startsWith('--test-'));
try {
  const files = testFiles(targets.length ? targets : ['test/unit', 'test/api', 'test/faults', 'test/e2e']);
  process.exit(await run(files, runnerOptions));
} catch (error) {
  if (!(error instanceof MissingPrerequisite || error instanceof EmbeddedDatabaseError)) throw error;
  console.error(error.message);
  process.exit(1);
}
