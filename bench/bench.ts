/**
 * `npm run bench`: seeds a throw-away embedded database with N services (default 100 000), starts the
 * app in production mode as its own process and drives each endpoint with autocannon over loopback
 * at 10 and 50 connections, each scenario asking a pool of different requests in turn. The same records go into the peers a team would pick instead —
 * PostgreSQL (a throw-away cluster, when its binaries are installed) and MiniSearch (in-process) —
 * which answer the same queries at the same concurrency for the same time, so each endpoint's
 * `app p50 / PostgreSQL p50` says whether the app beats them. Writes bench/results/latest.json and latest.md.
 *
 *   npm run bench                      full run
 *   npm run bench -- --smoke           seconds: small data, short runs (CI runs this)
 *   npm run bench:search               only the search scenarios of the directory
 *   options: --scale N --duration S --connections 10,50 --only name,name (--only exports: the service page under exports)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import mongoose from 'mongoose';
import { seedDatabase } from '../seed/seed.js';
import { connectDatabase, ensureIndexes } from '../server/platform/db/connection.js';
import { startEmbeddedDatabase } from '../server/platform/db/embedded-ferretdb.js';
import { fromRepoRoot } from '../server/platform/paths.js';
import { buildClient, clientMarkdown, measureClient, type ClientReport } from './client-bench.js';
import { startMiniSearchPeer } from './peers/minisearch.js';
import { drivePeer, readDirectoryRecords, roundRobin, type Peer, type PeerTiming } from './peers/peer.js';
import { profileMarkdown, profileWhile, type ProfileSummary } from './profile.js';
import { startPostgresPeer } from './peers/postgres.js';
import { editLatency, MAP_LANGUAGES, prepareContext, scenarios, type PooledRequest, type ScenarioContext } from './scenarios.js';
import { percentile, round } from './stats.js';

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
/** Edits stop when this is spent, so a slow edit cannot hold the run for minutes. */
const editBudgetMs = smoke ? 10_000 : 120_000;
/** Writes, each followed by one timed request, per cached endpoint. */
const afterWriteRuns = smoke ? 2 : 10;
const loadAverage = () => loadavg().map((l) => l.toFixed(1)).join(' ');

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

/** The app as users run it: the build, `node dist/server/main.js`; its inspector open for the profiles. */
async function startApp(uri: string, port: number, inspectPort: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [`--inspect=127.0.0.1:${inspectPort}`, 'dist/server/main.js'], {
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
      // One address drives every scenario: budgets far above what a run sends.
      RATE_LIMIT_READS: '100000000',
      RATE_LIMIT_HEAVY: '100000000',
      RATE_LIMIT_READS_SIGNED_IN: '100000000',
      RATE_LIMIT_HEAVY_SIGNED_IN: '100000000',
    },
    // The inspector announces itself on stderr; the app's own warnings still show.
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString().replace(/^(Debugger listening on|Debugger ending on|For help, see:|Debugger attached|Waiting for the debugger).*\n?/gm, '');
    if (text) process.stderr.write(text);
  });
  cleanups.push(() => void child.kill('SIGTERM'));
  // However long the data needs: the time is reported, not held against a deadline.
  const started = performance.now();
  let told = started;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (performance.now() - told > 15_000) {
      told = performance.now();
      console.error(`app not ready yet after ${Math.round((told - started) / 1000)} s (load average ${loadAverage()})`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The server and client as `npm run build` makes them: the bench runs what users run. */
function buildApp(): void {
  buildClient();
  execFileSync(process.execPath, [fromRepoRoot('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: fromRepoRoot(), stdio: 'inherit' });
}

interface LoadResult extends PeerTiming {
  non2xx: number;
  requests: number;
  rssMb: number;
}

/** `connections` callers ask the pool's requests in turn for the run's duration. */
async function drive(base: string, pool: PooledRequest[], connections: number, pid: number, seconds = durationSeconds): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [
          {
            setupRequest: (req) => {
              const { path: requestPath, headers } = pool[next++ % pool.length]!;
              return { ...req, path: requestPath, headers: { ...req.headers, ...headers } };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    // autocannon reports p97.5 but not p95: keep every response time and compute percentiles exactly.
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  return {
    connections,
    requestsPerSecond: round(result.requests.average),
    p50: round(percentile(latencies, 50), 2),
    p95: round(percentile(latencies, 95), 2),
    p99: round(percentile(latencies, 99), 2),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    rssMb: rssMb(pid),
  };
}

/** Why the app process is gone, or null while it runs. */
const exitOf = (app: ChildProcess): string | null =>
  app.exitCode !== null || app.signalCode !== null ? `the app exited (${app.exitCode !== null ? `code ${app.exitCode}` : `signal ${app.signalCode}`})` : null;

/**
 * Waits until the app has worked off what the previous run left in flight (a health check answers at
 * once). A refused or reset connection is asked again (a kept-alive socket the server closed while
 * the peers ran); only the app's exit ends the wait with an error.
 */
async function settled(base: string, app: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const started = performance.now();
    try {
      await (await fetch(`${base}/healthz`)).arrayBuffer();
      if (performance.now() - started < 20) return;
    } catch (err) {
      const gone = exitOf(app);
      if (gone) throw new Error(gone, { cause: err });
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}


/** p50 of `times` service-page reads one after another. */
async function servicePageP50(base: string, serviceId: string, times = 30): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await (await fetch(`${base}/api/v1/services/${serviceId}`)).arrayBuffer();
    samples.push(performance.now() - started);
  }
  return percentile(samples, 50);
}

/** A service page's p50 alone, and with 6 HSDS exports and 20 searches kept in flight (a further such window profiled). */
async function servicePageUnderExports(
  base: string,
  serviceId: string,
  profiled: (name: string, load: () => Promise<unknown>) => Promise<ProfileSummary>,
): Promise<{ idle: number; loaded: number; answers: string }> {
  const idle = await servicePageP50(base, serviceId);
  let running = true;
  const statuses = new Map<string, number>();
  const keepAsking = async (kind: string, path: string) => {
    // A request the loaded app does not answer in time is part of the load, not the end of the run.
    while (running) {
      const status = await fetch(base + path).then(async (res) => (await res.arrayBuffer(), String(res.status)), () => 'error');
      const key = `${kind} ${status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
  };
  const load = [
    ...Array.from({ length: 6 }, (_, i) => keepAsking('export', `/hsds/export.zip?lang=${['en', 'ar', 'ckb'][i % 3]}`)),
    ...Array.from({ length: 20 }, (_, i) => keepAsking('search', `/api/v1/services?q=${encodeURIComponent(i % 2 ? 'legal aid' : 'shelter')}&page=${1 + (i % 5)}`)),
  ];
  // Let the first builds start, as an attacker's burst would.
  await new Promise((r) => setTimeout(r, 500));
  const loaded = await servicePageP50(base, serviceId);
  // Profiled apart, so the profiler's own cost stays out of the figure.
  await profiled('service page under exports and searches', () => servicePageP50(base, serviceId));
  running = false;
  await Promise.all(load);
  const answers = [...statuses].map(([key, n]) => `${key}: ${n}`).join(', ');
  return { idle, loaded, answers };
}

/** Bytes of the map's answer as a browser receives it (gzip), per service on the map. */
function mapBytesPerPoint(base: string, lang: string): Promise<{ gzipBytes: number; points: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}/api/v1/map/services?lang=${lang}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(body).toString('utf8') : body.toString('utf8');
        resolve({ gzipBytes: body.length, points: (JSON.parse(text) as { id: unknown[] }).id.length });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** One endpoint at one connection count: the app's figures and each peer's p50 for the same query. */
interface EndpointRow {
  name: string;
  path: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  rssMb: number;
  /** PostgreSQL's p50 for the same query; null when PostgreSQL is not installed. */
  peerP50: number | null;
  /** app p50 / PostgreSQL p50; null when the app's requests failed. */
  ratio: number | null;
  /** Requests answered with other than 2xx, or not at all: such a row has no time. */
  failed: string | null;
  profile?: ProfileSummary;
  miniSearchP50: number | null;
  miniSearchRatio: number | null;
  peers: Record<string, PeerTiming>;
}

/** Any other figure, against its target when the issue sets one. */
interface FigureRow {
  name: string;
  /** NaN when the measurement failed (the reason is in the name). */
  value: number;
  unit: string;
  target: string | null;
  met: boolean | null;
}

const figure = (name: string, value: number, unit: string, target?: { text: string; met: boolean }): FigureRow => ({
  name,
  value,
  unit,
  target: target?.text ?? null,
  met: target?.met ?? null,
});

/** Null without a peer figure, or when the app answered nothing in the run (a missing answer is no ratio). */
const ratioOf = (app: number, peer: number | undefined) => (peer === undefined || !Number.isFinite(app) ? null : round(app / Math.max(peer, 0.01), 2));

/** The target every endpoint is held to: at 10 connections, the app answers at least as fast as PostgreSQL. */
const RATIO_TARGET_CONNECTIONS = 10;

/** Whatever was started is stopped, also when the run fails or is interrupted. */
const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
/** One clean-up, shared: an interrupt makes the run fail too, and that failure must wait for it. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.splice(0).reverse()) await Promise.resolve(step()).catch((err: unknown) => console.error(err));
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: stopping what the benchmark started`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = await startEmbeddedDatabase({ dataDir: path.join(dir, 'db'), log: (m) => console.error(m) });
  cleanups.push(() => db.stop());
  const uri = `${db.uri}bench`;
  await connectDatabase(uri);
  cleanups.push(() => mongoose.disconnect().catch(() => {}));
  await ensureIndexes();
  const seedStarted = performance.now();
  await seedDatabase({ sample: true, scale, log: () => {} });
  const seedSeconds = round((performance.now() - seedStarted) / 1000);
  console.error(`seeded ${scale} services in ${seedSeconds} s`);

  buildApp();
  const port = await freePort();
  const inspectPort = await freePort();
  const spawned = performance.now();
  const appDataDir = path.join(dir, 'app');
  const app = await startApp(uri, port, inspectPort, appDataDir);
  const base = `http://127.0.0.1:${port}`;
  // Requests wait for the catalog's first load, so the first answered search marks "ready with the catalog".
  const firstSearch = await fetch(`${base}/api/v1/services/facets`);
  if (!firstSearch.ok) throw new Error(`the first search answered ${firstSearch.status}`);
  const coldStartMs = Math.round(performance.now() - spawned);
  const rssAfterStart = rssMb(app.pid!);
  console.error(`ready with the catalog ${coldStartMs} ms after the process started; RSS ${rssAfterStart} MB; load average ${loadAverage()}`);

  const records = await readDirectoryRecords();
  const ctx: ScenarioContext = await prepareContext(base, records);
  const peers: Peer[] = [];
  const postgres = await startPostgresPeer(records, await freePort(), Math.max(...connectionLevels), (line) => console.error(line));
  if (postgres) {
    cleanups.push(() => postgres.close());
    peers.push(postgres);
  }
  peers.push(startMiniSearchPeer(records, (line) => console.error(line)));

  const profileSeconds = Math.min(durationSeconds, 5);
  const profiled = async (name: string, load: () => Promise<unknown>) => {
    const summary = await profileWhile(inspectPort, app.pid!, load);
    console.error(`${name}, where the time went: ${profileMarkdown(summary)}`);
    return summary;
  };
  /** Each peer's work for a pool, in the same turn as the app's; none for a peer that cannot answer all of it. */
  const peerWorkOf = (pool: PooledRequest[]) =>
    peers.flatMap((peer) => {
      const works = pool.map((r) => peer.prepare(r.peer));
      return works.every((w) => w !== undefined) ? [{ peer: peer.name, work: roundRobin(works) }] : [];
    });
  const rowOf = (name: string, requestPath: string, load: LoadResult, timings: Record<string, PeerTiming>): EndpointRow => {
    const failures = load.errors + load.non2xx;
    const failed = failures ? `${failures} of ${load.requests + load.errors} failed (${load.non2xx} not 2xx, ${load.errors} errors or timeouts)` : null;
    const pgP50 = timings.PostgreSQL?.p50;
    const miniP50 = timings.MiniSearch?.p50;
    const p = (x: number) => (failed ? NaN : x);
    return {
      name,
      path: requestPath,
      connections: load.connections,
      rps: load.requestsPerSecond,
      p50: p(load.p50),
      p95: p(load.p95),
      p99: p(load.p99),
      errors: failures,
      rssMb: load.rssMb,
      peerP50: pgP50 ?? null,
      ratio: failed ? null : ratioOf(load.p50, pgP50),
      miniSearchP50: miniP50 ?? null,
      miniSearchRatio: failed ? null : ratioOf(load.p50, miniP50),
      failed,
      peers: timings,
    };
  };
  const slowerThanPostgres = (row: EndpointRow) => row.connections === RATIO_TARGET_CONNECTIONS && row.ratio !== null && row.ratio > 1;
  const poolLabel = (pool: PooledRequest[]) => (pool.length > 1 ? `${pool[0]!.path} and ${pool.length - 1} more` : pool[0]!.path);

  const rows: EndpointRow[] = [];
  /** Steps that failed, as rows saying why; once the app is gone the remaining steps are skipped. */
  const failedSteps: FigureRow[] = [];
  let appGone: string | null = null;
  const step = async (name: string, work: () => Promise<void>) => {
    if (appGone) return;
    try {
      await work();
    } catch (err) {
      appGone = exitOf(app);
      const reason = appGone ?? (err instanceof Error ? err.message : String(err));
      console.error(`${name}: FAILED: ${reason}`);
      failedSteps.push(figure(`${name}: FAILED (${reason.slice(0, 120)})${appGone ? '; the steps after it did not run' : ''}`, NaN, ''));
    }
  };
  const selected = scenarios.filter((scenario) => !only || only.some((o) => scenario.name.includes(o) || scenario.group === o));
  for (const scenario of selected) await step(scenario.name, async () => {
    const pool = scenario.pool(ctx);
    await settled(base, app);
    const checkStarted = performance.now();
    const check = await fetch(base + pool[0]!.path, { headers: pool[0]!.headers });
    const body = await check.text();
    console.error(`${scenario.name}: one request alone ${round(performance.now() - checkStarted)} ms, ${body.length} bytes; a pool of ${pool.length} different requests`);
    if (!check.ok) console.error(`${scenario.name}: ${pool[0]!.path} answered ${check.status}: ${body.slice(0, 300)}`);
    const peerWork = peerWorkOf(pool);
    for (const { work } of peerWork) await work(); // warms prepared statements
    for (const connections of connectionLevels) {
      await settled(base, app);
      const load = await drive(base, pool, connections, app.pid!);
      const timings: Record<string, PeerTiming> = {};
      for (const { peer, work } of peerWork) timings[peer] = await drivePeer(work, connections, durationSeconds);
      const row = rowOf(scenario.name, poolLabel(pool), load, timings);
      if (slowerThanPostgres(row)) {
        await settled(base, app);
        row.profile = await profiled(scenario.name, () => drive(base, pool, connections, app.pid!, profileSeconds));
      }
      rows.push(row);
      console.error(
        `${scenario.name} at ${connections}: app ${row.failed ? `FAILED: ${row.failed}` : `p50 ${load.p50} ms`}, ${load.requestsPerSecond} req/s; ` +
          `${Object.entries(timings).map(([n, t]) => `${n} p50 ${t.p50} ms`).join(', ')}`,
      );
    }
  });

  const edited = (label: string) => ({ en: `Bench edit ${label}`, ar: `تعديل ${label}`, ckb: `دەستکاری ${label}` });
  // A cached endpoint's first answer after a change: an edit through the API, then one request of the
  // pool, one after another; PostgreSQL answers the same requests alone (it keeps no cache).
  for (const scenario of selected.filter((s) => s.cached)) await step(`${scenario.name}, first after a write`, async () => {
    const pool = scenario.pool(ctx);
    const name = `${scenario.name}, first after a write`;
    let turn = 0;
    const afterWrites = async () => {
      const samples: number[] = [];
      let failures = 0;
      for (let i = 0; i < afterWriteRuns; i++, turn++) {
        const edit = await editLatency(ctx, ctx.editor, `/services/${ctx.editor.serviceId}`, () => ({ description: edited(`${name} ${turn}`) }), editBudgetMs, 1);
        failures += edit.failures.length;
        const request = pool[turn % pool.length]!;
        const started = performance.now();
        const res = await fetch(base + request.path, { headers: request.headers });
        await res.arrayBuffer();
        samples.push(performance.now() - started);
        if (!res.ok) failures++;
      }
      return { samples, failures };
    };
    await settled(base, app);
    const { samples, failures } = await afterWrites();
    const load: LoadResult = {
      connections: 1,
      requestsPerSecond: round(1000 / Math.max(percentile(samples, 50), 0.01)),
      p50: round(percentile(samples, 50), 2),
      p95: round(percentile(samples, 95), 2),
      p99: round(percentile(samples, 99), 2),
      errors: 0,
      non2xx: failures,
      requests: samples.length,
      rssMb: rssMb(app.pid!),
    };
    const timings: Record<string, PeerTiming> = {};
    for (const { peer, work } of peerWorkOf(pool)) timings[peer] = await drivePeer(work, 1, Math.min(durationSeconds, 4));
    const row = rowOf(name, `${poolLabel(pool)}, each after a PATCH`, load, timings);
    // Held to PostgreSQL's p50 as the cached rows are, though at one caller.
    if (row.ratio !== null && row.ratio > 1) row.profile = await profiled(name, afterWrites);
    rows.push(row);
    console.error(`${name}: app ${row.failed ? `FAILED: ${row.failed}` : `p50 ${row.p50} ms of ${samples.length}`}; PostgreSQL p50 ${timings.PostgreSQL?.p50 ?? '—'} ms`);
  });

  const at = (name: string, connections: number) => rows.find((r) => r.name === name && r.connections === connections);
  const figures: FigureRow[] = [
    ...rows
      .filter((r) => (r.connections === RATIO_TARGET_CONNECTIONS || r.name.endsWith('after a write')) && r.peerP50 !== null)
      .map((r) =>
        figure(`${r.name}: app p50 / PostgreSQL p50 at ${r.connections} connection${r.connections > 1 ? 's' : ''}${r.failed ? ` (failed: ${r.failed})` : ''}`, r.ratio ?? NaN, '×', {
          text: '≤ 1',
          met: r.ratio !== null && r.ratio <= 1,
        }),
      ),
  ];
  const rpsTarget = (name: string, label: string, min: number) => {
    const row = at(name, RATIO_TARGET_CONNECTIONS);
    if (row) figures.push(figure(`${label} req/s at ${RATIO_TARGET_CONNECTIONS} connections`, row.rps, 'req/s', { text: `≥ ${min}`, met: row.rps >= min }));
  };
  rpsTarget('text search', 'text search', 400);
  rpsTarget('referral inbox (signed in)', 'referral inbox', 300);
  figures.push(figure('seeding', seedSeconds, 's'), figure('cold start to ready (process start → catalog loaded)', coldStartMs, 'ms'), figure('server RSS after start', rssAfterStart, 'MB'));

  let client: ClientReport | undefined;
  if (!only) await step('edits, map payload and the client', async () => {
    const edits: [string, ScenarioContext['editor'] | ScenarioContext['platformAdmin'], string, (i: number) => object][] = [
      // Only a platform administrator renames an organisation.
      ['organisation rename (platform admin)', ctx.platformAdmin, `/organizations/${ctx.receiver.organizationId}`, (i) => ({ name: edited(String(i)) })],
      ['service edit', ctx.editor, `/services/${ctx.editor.serviceId}`, (i) => ({ description: edited(String(i)) })],
    ];
    for (const [label, as, editPath, body] of edits) {
      const edit = await editLatency(ctx, as, editPath, body, editBudgetMs);
      for (const failure of edit.failures) console.error(`${label}: ${failure}`);
      // A refused edit has no time: the row says it failed.
      figures.push(
        edit.failures.length
          ? figure(`${label} (PATCH with If-Match): FAILED, ${edit.failures.length} of ${edit.edits}: ${edit.failures[0]!.slice(0, 80)}`, NaN, 'ms')
          : figure(`${label} (PATCH with If-Match, p50 of ${edit.edits})`, edit.p50, 'ms'),
      );
    }
    for (const lang of MAP_LANGUAGES) {
      const map = await mapBytesPerPoint(base, lang);
      const perPoint = round(map.gzipBytes / Math.max(map.points, 1), 2);
      figures.push(figure(`map payload (gzip) per point, ${lang}, ${map.points} points`, perPoint, 'B', { text: '≤ 15', met: perPoint <= 15 }));
    }
    client = await measureClient(base, mapRuns);
    // As the phone receives it (compressed, headers included): bench/wire-bytes.ts.
    const { firstVisit, returnVisit } = client.wire;
    const initialKb = round(firstVisit.scriptBytesBeforeList / 1024);
    figures.push(
      figure('directory page JavaScript before the list shows, first phone visit (on the wire)', initialKb, 'kB', { text: '≤ 100', met: initialKb <= 100 }),
      figure('directory page, first phone visit, everything on the wire', round(firstVisit.totalBytes / 1024), 'kB'),
      figure('directory page, return visit: JavaScript re-sent', round(returnVisit.scriptBytes / 1024), 'kB', { text: '0', met: returnVisit.scriptBytes === 0 }),
    );
    // The issue's target is for the map of 90k services; a smaller run has no target to meet.
    const mapTarget = client.mapRender.markers >= 90_000 ? { text: '≤ 1500', met: client.mapRender.medianMs <= 1500 } : undefined;
    figures.push(figure(`map view render in Chromium, ${client.mapRender.markers} markers (median of ${client.mapRender.runsMs.length})`, client.mapRender.medianMs, 'ms', mapTarget));
  });
  if (!only || only.includes('exports')) await step('service page under exports and searches', async () => {
    const { idle, loaded, answers } = await servicePageUnderExports(base, ctx.sample.serviceIds[0]!, profiled);
    const ratio = round(loaded / Math.max(idle, 0.01), 2);
    console.error(`service page p50: ${round(idle, 2)} ms idle, ${round(loaded, 2)} ms with 6 exports and 20 searches in flight (answers meanwhile: ${answers})`);
    figures.push(
      figure('service page p50 with 6 exports and 20 searches in flight / idle', ratio, '×', { text: '≤ 2', met: ratio <= 2 }),
    );
  });
  if (!appGone) figures.push(figure('server RSS after the run', rssMb(app.pid!), 'MB'));
  // The start users have after the first: the read model's snapshot beside the database, caught up from the feed.
  if (!only) await step('restart from the snapshot', async () => {
    const stopped = performance.now();
    app.kill('SIGTERM');
    if (app.exitCode === null) await new Promise((resolve) => app.once('exit', resolve));
    console.error(`app stopped in ${Math.round(performance.now() - stopped)} ms; starting it again on the same data`);
    const restarted = performance.now();
    const again = await startApp(uri, port, inspectPort, appDataDir);
    const answer = await fetch(`${base}/api/v1/services/facets`);
    if (!answer.ok) throw new Error(`the first search after the restart answered ${answer.status}`);
    const restartMs = Math.round(performance.now() - restarted);
    const rss = rssMb(again.pid!);
    console.error(`restarted and ready in ${restartMs} ms; RSS ${rss} MB`);
    const targetMs = scale >= 100_000 ? 30_000 : undefined;
    figures.push(
      figure('restart to ready with the snapshot (process start → catalog loaded)', restartMs, 'ms', targetMs ? { text: `≤ ${targetMs}`, met: restartMs <= targetMs } : undefined),
      figure('server RSS after the restart', rss, 'MB', scale >= 100_000 ? { text: '≤ 500', met: rss <= 500 } : undefined),
    );
  });
  figures.push(...failedSteps);

  const report = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, ${round(totalmem() / 2 ** 30)} GB, Node ${process.version}; load average at the end ${loadAverage()} (1, 5, 15 min)`,
    date: new Date().toISOString(),
    database: 'embedded FerretDB v1.24.2 (SQLite)',
    services: scale,
    durationSeconds,
    peers: peers.map((p) => p.name),
    rows: [...rows, ...figures],
    client,
  };
  const outDir = fromRepoRoot('bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const name = smoke ? 'smoke' : only ? 'search' : 'latest';
  writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
  const table = markdown(report, rows, figures, postgres !== undefined);
  writeFileSync(path.join(outDir, `${name}.md`), table);
  console.log(table);
  // The report is written either way; a failed step still fails the run (CI runs the smoke version).
  if (failedSteps.length) process.exitCode = 1;
}

const cell = (x: number | null) => (x === null ? '—' : String(x));

function markdown(
  report: { machine: string; date: string; database: string; services: number; durationSeconds: number; client?: ClientReport },
  rows: EndpointRow[],
  figures: FigureRow[],
  withPostgres: boolean,
): string {
  const lines = [
    `Benchmark of ${report.date.slice(0, 10)}: ${report.services.toLocaleString('en')} services, app on ${report.database}; ${report.machine}; ` +
      `${report.durationSeconds} s per run; app, peers and load generator on the same machine.` +
      (withPostgres ? '' : ' PostgreSQL was not installed: no PostgreSQL column.'),
    '',
    '| Endpoint | Conns | req/s | p50 ms | p95 ms | p99 ms | errors | server RSS MB | PostgreSQL p50 ms (req/s) | app / PostgreSQL | MiniSearch p50 ms | app / MiniSearch |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const pg = r.peers.PostgreSQL;
      if (r.failed) return `| ${r.name} | ${r.connections} | — | **failed: ${r.failed}** | — | — | ${r.errors} | ${r.rssMb} | ${pg ? `${pg.p50} (${pg.requestsPerSecond})` : '—'} | — | ${cell(r.miniSearchP50)} | — |`;
      return `| ${r.name} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.rssMb} | ${pg ? `${pg.p50} (${pg.requestsPerSecond})` : '—'} | ${cell(r.ratio)} | ${cell(r.miniSearchP50)} | ${cell(r.miniSearchRatio)} |`;
    }),
    '',
    '| Figure | Value | Target | Met |',
    '|---|---:|---:|---|',
    ...figures.map((f) => `| ${f.name} | ${Number.isNaN(f.value) ? '—' : `${f.value} ${f.unit}`} | ${f.target ?? ''} | ${f.met === null ? '' : f.met ? 'yes' : '**no**'} |`),
  ];
  const profiled = rows.filter((r) => r.profile);
  if (profiled.length) {
    lines.push('', 'Where the time went in each row slower than PostgreSQL (a CPU profile of the app through its inspector, the same pool driven again; CPU seconds from /proc):', '');
    for (const r of profiled) lines.push(`- **${r.name}** (${r.connections} conn.): ${profileMarkdown(r.profile!)}`);
  }
  const table = lines.join('\n') + '\n';
  return report.client ? `${table}\n${clientMarkdown(report.client)}` : table;
}

try {
  await main();
} finally {
  await cleanUp();
}
