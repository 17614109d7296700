/**
 * `npm run bench`: seeds a throw-away embedded database with N services (default 100 000), starts the
 * app in production mode as its own process, drives each endpoint with autocannon over loopback at
 * 10 and 50 connections, and times the raw database query each endpoint needs through the driver,
 * so the app's own overhead shows as a ratio. Writes bench/results/latest.json and latest.md.
 *
 *   npm run bench                      full run (about 35 minutes on 2 cores, most of it the raw scans)
 *   npm run bench -- --smoke           seconds: small data, short runs (CI runs this)
 *   npm run bench:search               only the search scenarios of the directory
 *   options: --scale N --duration S --connections 10,50 --only name,name
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import mongoose from 'mongoose';
import { seedDatabase } from '../seed/seed.js';
import { connectDatabase, ensureIndexes } from '../server/platform/db/connection.js';
import { startEmbeddedDatabase } from '../server/platform/db/embedded-ferretdb.js';
import { fromRepoRoot } from '../server/platform/paths.js';
import { buildClient, clientMarkdown, measureClient, type ClientReport } from './client-bench.js';
import { prepareContext, scenarios, type Scenario, type ScenarioContext } from './scenarios.js';

const { values: opts } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    scale: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    only: { type: 'string' },
    'map-runs': { type: 'string' },
  },
});
const smoke = opts.smoke ?? false;
const scale = Number(opts.scale ?? (smoke ? 500 : 100_000));
const durationSeconds = Number(opts.duration ?? (smoke ? 1 : 8));
const connectionLevels = (opts.connections ?? (smoke ? '10' : '10,50')).split(',').map(Number);
const only = opts.only?.split(',');
const mapRuns = Number(opts['map-runs'] ?? (smoke ? 1 : 3));
const rawRepeats = smoke ? 1 : 5;
/** At 100k services a raw scan on the embedded database takes minutes: stop repeating once this is spent. */
const rawBudgetMs = smoke ? 0 : 90_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function startApp(uri: string, port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: fromRepoRoot(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: uri,
      DATA_DIR: dataDir,
      SESSION_SECRET: 'bench-'.padEnd(48, 'x'),
      REFERRAL_KEY: '0'.repeat(64),
      SEED_SAMPLE: 'false',
      // As in production behind a TLS proxy: signed-in scenarios send X-Forwarded-Proto (secure cookies).
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the app did not become ready within 60 s');
}

interface LoadResult {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssMb: number;
}

async function drive(url: string, headers: Record<string, string>, connections: number, pid: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: durationSeconds, headers }, (err, res) => (err ? reject(err) : resolve(res)));
    // autocannon reports p97.5 but not p95: keep every response time and compute percentiles exactly.
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  return {
    connections,
    requestsPerSecond: round(result.requests.average),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rssMb: rssMb(pid),
  };
}

/** Waits until the app has worked off what the previous run left in flight (a health check answers at once). */
async function settled(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const started = performance.now();
    await fetch(`${base}/healthz`);
    if (performance.now() - started < 20) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function timeRaw(scenario: Scenario, ctx: ScenarioContext): Promise<{ median: number; runs: number }> {
  const times: number[] = [];
  const started = performance.now();
  // The first run warms the caches; it is kept only when it alone used up the budget.
  const t0 = performance.now();
  await scenario.raw(ctx);
  const first = performance.now() - t0;
  while (times.length < rawRepeats && performance.now() - started < rawBudgetMs) {
    const t = performance.now();
    await scenario.raw(ctx);
    times.push(performance.now() - t);
  }
  if (!times.length) times.push(first);
  return { median: round(median(times)), runs: times.length };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-bench-'));
  const db = await startEmbeddedDatabase({ dataDir: path.join(dir, 'db'), log: (m) => console.error(m) });
  let app: ChildProcess | undefined;
  try {
    const uri = `${db.uri}bench`;
    await connectDatabase(uri);
    await ensureIndexes();
    const seedStarted = performance.now();
    await seedDatabase({ sample: true, scale, log: () => {} });
    const seedSeconds = round((performance.now() - seedStarted) / 1000);
    console.error(`seeded ${scale} services in ${seedSeconds} s`);

    if (!only) buildClient();
    const port = await freePort();
    app = await startApp(uri, port, path.join(dir, 'app'));
    const base = `http://127.0.0.1:${port}`;
    const ctx: ScenarioContext = await prepareContext(base);

    const rows = [];
    for (const scenario of scenarios) {
      if (only && !only.some((o) => scenario.name.includes(o) || scenario.group === o)) continue;
      const request = await scenario.request(ctx);
      await settled(base);
      const checkStarted = performance.now();
      const check = await fetch(base + request.path, { headers: request.headers });
      const body = await check.text();
      console.error(`${scenario.name}: one request alone ${round(performance.now() - checkStarted)} ms, ${body.length} bytes`);
      if (!check.ok) throw new Error(`${scenario.name}: ${request.path} answered ${check.status}: ${body.slice(0, 300)}`);
      const raw = await timeRaw(scenario, ctx);
      const rawMs = raw.median;
      const load: LoadResult[] = [];
      for (const connections of connectionLevels) {
        await settled(base);
        load.push(await drive(base + request.path, request.headers ?? {}, connections, app.pid!));
      }
      const first = load[0]!;
      rows.push({ name: scenario.name, path: request.path, rawMs, rawRuns: raw.runs, ratio: round(first.p50 / Math.max(rawMs, 0.1), 2), load });
      console.error(`${scenario.name}: p50 ${first.p50} ms at ${first.connections} connections, raw ${rawMs} ms`);
    }

    let client: ClientReport | undefined;
    if (!only) {
      client = await measureClient(base, mapRuns);
      console.error(`map of ${client.mapRender.markers} services rendered in ${client.mapRender.medianMs} ms (median)`);
    }

    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: round(totalmem() / 2 ** 30), node: process.version },
      database: 'embedded FerretDB v1.24.2 (SQLite)',
      scale: { services: scale, seedSeconds },
      durationSeconds,
      results: rows,
      client,
    };
    const outDir = fromRepoRoot('bench', 'results');
    mkdirSync(outDir, { recursive: true });
    const name = smoke ? 'smoke' : only ? 'search' : 'latest';
    writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
    const table = markdown(report);
    writeFileSync(path.join(outDir, `${name}.md`), table);
    console.log(table);
  } finally {
    app?.kill('SIGTERM');
    await mongoose.disconnect().catch(() => {});
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function markdown(report: {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  database: string;
  scale: { services: number; seedSeconds: number };
  durationSeconds: number;
  results: { name: string; path: string; rawMs: number; rawRuns: number; ratio: number; load: LoadResult[] }[];
  client?: ClientReport;
}): string {
  const lines = [
    `Benchmark of ${report.date.slice(0, 10)}: ${report.scale.services.toLocaleString('en')} services (seeded in ${report.scale.seedSeconds} s), ${report.database}; ` +
      `${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GB, Node ${report.machine.node}; ${report.durationSeconds} s per run; app and load generator on the same machine.`,
    '',
    '| Endpoint | Conns | req/s | p50 ms | p95 ms | p99 ms | errors | server RSS MB | raw DB query ms (median of runs) | app p50 / raw |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of report.results) {
    for (const l of r.load) {
      lines.push(
        `| ${r.name} | ${l.connections} | ${l.requestsPerSecond} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.errors + l.non2xx} | ${l.rssMb} | ${r.rawMs} (${r.rawRuns}) | ${round(l.p50 / Math.max(r.rawMs, 0.1), 2)} |`,
      );
    }
  }
  const table = lines.join('\n') + '\n';
  return report.client ? `${table}\n${clientMarkdown(report.client)}` : table;
}

await main();
