import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRepoRoot } from '../../server/platform/paths.js';

/** The app as its own process (server/main.ts), as in production, for fault and multi-instance tests. */
export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** What the process has written to stdout so far (its log, one JSON line per entry). */
  output(): string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Secrets shared by every instance of one test, as several instances behind a load balancer share them. */
export const SHARED_SECRETS = {
  SESSION_SECRET: 'test-session-secret-shared-by-all-instances',
  REFERRAL_KEY: 'ab'.repeat(32),
};

/** A test is one client sending hundreds of requests a minute: budgets it never meets (rate-limit.test.ts sets its own). */
export const TEST_RATE_BUDGETS = {
  RATE_LIMIT_READS: '1000000',
  RATE_LIMIT_READS_SIGNED_IN: '1000000',
  RATE_LIMIT_HEAVY: '1000000',
  RATE_LIMIT_HEAVY_SIGNED_IN: '1000000',
};

/** The ids of a process's direct children (e.g. the embedded database an app started). */
export function childProcessIds(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

/**
 * Without `mongodbUri` the app starts its own embedded database, as it does in production. A
 * `DATA_DIR` in `env` is the caller's (kept, e.g. for a restart); else each process gets a fresh one.
 */
export async function startAppProcess(mongodbUri: string | undefined, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const ownDataDir = !env.DATA_DIR;
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'ct-directory-instance-'));
  const { MONGODB_URI: _testServer, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: fromRepoRoot(),
    env: {
      ...inherited,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(mongodbUri ? { MONGODB_URI: mongodbUri } : {}),
      DATA_DIR: dataDir,
      SEED_SAMPLE: 'false',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      ...SHARED_SECRETS,
      ...TEST_RATE_BUDGETS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    process.stdout.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (ownDataDir) void exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited at start with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the app did not become ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    exited,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
