import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fromRepoRoot } from '../paths.js';

/**
 * The embedded default database: FerretDB v1 (MongoDB wire protocol over SQLite), run as a child
 * process from our small Go wrapper in tools/ferretdb. Used whenever MONGODB_URI is not set.
 */
const moduleDir = fromRepoRoot('tools', 'ferretdb');
const binary = path.join(moduleDir, 'bin', 'ferretdb-embedded');

export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

export interface EmbeddedDatabase {
  /** mongodb:// URI without a database name. */
  readonly uri: string;
  readonly port: number;
  /** Stops the process; resolves when it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory after stop(); a crash is relaunched by itself. */
  restart(): Promise<void>;
  readonly running: boolean;
}

function newestSourceTime(): number {
  return Math.max(
    ...readdirSync(moduleDir)
      .filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum')
      .map((f) => statSync(path.join(moduleDir, f)).mtimeMs),
  );
}

/** Builds the wrapper with the Go toolchain unless an up-to-date binary exists. */
export function ensureFerretDbBinary(log: (msg: string) => void = () => {}): string {
  if (existsSync(binary) && statSync(binary).mtimeMs >= newestSourceTime()) return binary;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new EmbeddedDatabaseError(
      'Go 1.24+ not found (it builds the embedded database): install it from https://go.dev/doc/install ' +
        "(or Debian 13's `apt-get install golang-go`), or set MONGODB_URI to a MongoDB 6+ server.",
    );
  }
  log('building the embedded database (FerretDB) with Go; the first build takes a minute or two');
  const build = spawnSync('go', ['build', '-trimpath', '-o', binary, '.'], {
    cwd: moduleDir,
    encoding: 'utf8',
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  if (build.status !== 0) {
    throw new EmbeddedDatabaseError(`Building the embedded database failed:\n${build.stderr || build.stdout}`);
  }
  return binary;
}

function launch(dataDir: string, port: number): Promise<{ child: ChildProcess; uri: string; port: number }> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const child = spawn(binary, ['-data', dataDir, '-listen', `127.0.0.1:${port}`, '-log-level', 'error'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedDatabaseError(`The embedded database did not start within 30 s. ${stderr}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new EmbeddedDatabaseError(`The embedded database exited at start (code ${code}). ${stderr.trim()}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        const { uri } = JSON.parse(line) as { uri: string };
        resolve({ child, uri, port: Number(new URL(uri).port) });
      } catch {
        reject(new EmbeddedDatabaseError(`Unexpected output from the embedded database: ${line}`));
      }
    });
  });
}

/** Waits before relaunching a database that died: 100 ms, doubling, at most 5 s. */
const relaunchDelayMs = (attempt: number) => Math.min(5_000, 100 * 2 ** attempt);

/**
 * Starts the database and supervises it: if the process dies without stop(), it is relaunched on
 * the same port and data directory (with backoff), so the driver reconnects without an app restart.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port?: number;
  log?: (msg: string) => void;
  warn?: (msg: string) => void;
}): Promise<EmbeddedDatabase> {
  ensureFerretDbBinary(options.log);
  const warn = options.warn ?? options.log ?? (() => {});
  let current = await launch(options.dataDir, options.port ?? 0);
  let running = true;
  let stopped = false;
  let relaunching: Promise<void> | undefined;

  const relaunch = async () => {
    for (let attempt = 0; !stopped; attempt++) {
      await new Promise((r) => setTimeout(r, relaunchDelayMs(attempt)));
      if (stopped) return;
      try {
        current = await launch(options.dataDir, current.port);
        running = true;
        supervise(current.child);
        warn(`embedded database restarted on port ${current.port} after ${attempt + 1} attempt(s)`);
        return;
      } catch (err) {
        warn(`embedded database relaunch failed: ${(err as Error).message}`);
      }
    }
  };
  const supervise = (child: ChildProcess) =>
    child.once('exit', (code, signal) => {
      if (current.child !== child) return;
      running = false;
      if (stopped) return;
      warn(`embedded database exited unexpectedly (${signal ?? `code ${code}`}); relaunching`);
      relaunching = relaunch().finally(() => (relaunching = undefined));
    });
  supervise(current.child);

  const stop = async () => {
    stopped = true;
    await relaunching;
    const { child } = current;
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
    running = false;
  };

  return {
    get uri() {
      return current.uri;
    },
    get port() {
      return current.port;
    },
    get running() {
      return running;
    },
    stop,
    async restart() {
      await stop();
      current = await launch(options.dataDir, current.port);
      stopped = false;
      running = true;
      supervise(current.child);
    },
  };
}

/**
 * Copies one database of the embedded store (`dataDir` holds one SQLite file per database) into
 * `outDir` through SQLite itself, consistent even while the app writes to it (see tools/ferretdb/snapshot.go).
 */
export function snapshotEmbeddedDatabase(options: { dataDir: string; outDir: string; database: string }): void {
  ensureFerretDbBinary();
  const run = spawnSync(
    binary,
    ['-data', options.dataDir, '-snapshot', options.outDir, '-snapshot-database', options.database, '-watch-stdin=false'],
    { encoding: 'utf8', timeout: 10 * 60_000 },
  );
  if (run.status !== 0) {
    const reason = /"error":"((?:[^"\\]|\\.)*)"/.exec(run.stderr)?.[1] ?? run.stderr.trim();
    throw new EmbeddedDatabaseError(`The embedded database could not be snapshotted: ${reason}`);
  }
}
