/**
 * `npm test`: starts a throw-away embedded database (temporary directory, free port) unless
 * MONGODB_URI is set, runs every test file with node's test runner, then removes the database.
 * Each test file uses its own database name on that server, so files can run in parallel.
 *
 * Usage: tsx test/run.ts [file-or-folder …]   (default: test/unit test/api test/faults test/e2e)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../server/platform/db/embedded-ferretdb.js';

function testFiles(targets: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p).sort()) walk(path.join(p, entry));
    } else if (/\.test\.ts$/.test(p)) {
      out.push(p);
    }
  };
  for (const t of targets) walk(t);
  return out;
}

const targets = process.argv.slice(2);
const files = testFiles(targets.length ? targets : ['test/unit', 'test/api', 'test/faults', 'test/e2e']);

let uri = process.env.MONGODB_URI;
let cleanup = async () => {};
if (!uri) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-test-'));
  const db = await startEmbeddedDatabase({ dataDir: dir, log: (m) => console.error(m) });
  uri = db.uri;
  cleanup = async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`, ...files],
  { stdio: 'inherit', env: { ...process.env, MONGODB_URI: uri, NODE_ENV: 'test' } },
);
const code: number = await new Promise((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
await cleanup();
process.exit(code);
