/**
 * `npm test` (test/run.ts) when something is missing or stuck. Without the browser, a browser suite
 * ends within a minute, non-zero, saying which part is missing, both through the runner and as a
 * test file on its own (whose setup used to leave the app's server open, so its process waited for
 * ever). Whatever else a setup waits on, the per-file deadline ends that file and names it; and an
 * interrupted run still stops the embedded database it started.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fromRepoRoot } from '../../server/platform/paths.js';
import { childrenOf } from '../support/processes.js';

const BROWSER_SUITE = 'test/e2e/governorate.test.ts';
const STUCK_SETUP = 'test/fixtures/runner/stuck-setup.fixture.ts';
const LIMIT_MS = 60_000;

/** This file runs under node's test runner: a nested run must not take itself for one of its files. */
function nestedEnv(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...changes };
  delete env.NODE_TEST_CONTEXT;
  for (const [name, value] of Object.entries(changes)) if (value === undefined) delete env[name];
  return env;
}

/** Starts node (with tsx) in its own process group, so a test that gives up can end all of it. */
function startNode(args: string[], env: NodeJS.ProcessEnv) {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: fromRepoRoot(), env, detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const overrun = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), LIMIT_MS);
  const ended = new Promise<{ code: number | null; ms: number; output: string }>((resolve) =>
    child.once('close', (code) => {
      clearTimeout(overrun);
      resolve({ code, ms: Date.now() - started, output });
    }),
  );
  return { child, ended };
}

async function runToEnd(args: string[], env: Record<string, string | undefined>) {
  const outcome = await startNode(args, nestedEnv(env)).ended;
  assert.ok(outcome.ms < LIMIT_MS, `still running after ${outcome.ms} ms:\n${outcome.output.slice(-2000)}`);
  assert.notEqual(outcome.code, 0, outcome.output.slice(-2000));
  return outcome.output;
}

const NO_BROWSER = { CHROMIUM_PATH: '/nonexistent/chromium' };
const NAMES_THE_BROWSER = /Chromium not found at \/nonexistent\/chromium \(CHROMIUM_PATH\)/;

test('npm test on a browser suite without the browser stops at once with one line naming it', async () => {
  const output = await runToEnd(['test/run.ts', BROWSER_SUITE], NO_BROWSER);
  assert.match(output, NAMES_THE_BROWSER);
  assert.doesNotMatch(output, /installing/, 'a CHROMIUM_PATH that points nowhere is reported, not installed over');
});

test('a browser test file whose setup finds no browser ends promptly, non-zero, naming it', async () => {
  assert.match(await runToEnd(['--test', BROWSER_SUITE], NO_BROWSER), NAMES_THE_BROWSER);
});

test('a test file that never gets past its setup is stopped at its deadline, named, and what it started ended', async () => {
  const output = await runToEnd(['test/run.ts', STUCK_SETUP], { TEST_FILE_DEADLINE_S: '3' });
  assert.match(output, /test\/fixtures\/runner\/stuck-setup\.fixture\.ts overran its deadline of 3 s/);
  const helper = Number(/stuck setup started process (\d+)/.exec(output)?.[1]);
  assert.ok(helper > 0, output.slice(-2000));
  assert.ok(await ends(helper), 'the process the setup started was ended with it');
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether `pid` is gone within a few seconds (a killed process lingers until it is reaped). */
async function ends(pid: number): Promise<boolean> {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (!isRunning(pid)) return true;
  }
  return false;
}

test('an interrupted run still stops the embedded database it started and removes its data', async () => {
  const { child: runner, ended } = startNode(['test/run.ts', STUCK_SETUP], nestedEnv({ MONGODB_URI: undefined }));
  try {
    let database: { pid: number; command: string } | undefined;
    // Interrupted once both are up: the database it started, and the test files' process.
    for (const deadline = Date.now() + LIMIT_MS / 2; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const children = childrenOf(runner.pid!);
      database = children.find((c) => c.command.includes('ferretdb-embedded'));
      if (database && children.some((c) => c.command.includes('--test '))) break;
    }
    assert.ok(database, 'the runner started its embedded database');
    const dataDir = /-data (\S+)/.exec(database.command)![1]!;
    runner.kill('SIGTERM');
    const { code } = await ended;
    assert.notEqual(code, 0);
    assert.equal(isRunning(database.pid), false, 'the embedded database was stopped with the run');
    assert.equal(existsSync(dataDir), false, `${dataDir} was removed`);
  } finally {
    if (runner.exitCode === null) process.kill(-runner.pid!, 'SIGKILL');
  }
});
