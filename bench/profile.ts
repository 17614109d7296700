/**
 * Where the app's time went: a CPU profile of the running app taken through its inspector, summed
 * by function (self time), and the CPU the app and the database used meanwhile — so a slow row says
 * whether Node computed, waited on FerretDB, or idled.
 *
 * The bench starts the app with `--inspect=127.0.0.1:PORT`; Node 20 has a WebSocket client only
 * behind a flag, so the inspector session runs in a child (`node --experimental-websocket`), which
 * starts profiling, prints "started", and on a line on stdin stops and prints the summary as JSON.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fromRepoRoot } from '../server/platform/paths.js';
import { round } from './stats.js';

export interface ProfileSummary {
  seconds: number;
  /** CPU seconds in the window. */
  appCpu: number;
  databaseCpu: number;
  /** Functions by self time, highest first. */
  top: { fn: string; ms: number; share: number }[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 8);

/** Self time per function (name and place), highest first. */
function summarise(profile: CpuProfile): { fn: string; ms: number; share: number }[] {
  const root = pathToFileURL(fromRepoRoot()).href + '/';
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = frameOf.get(id)!;
    const place = frame.url ? ` ${frame.url.replace(root, '').replace(/^file:\/\/.*node_modules\//, '')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'}${place}`;
    const us = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), share: round((100 * us) / Math.max(total, 1)) }));
}

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The embedded FerretDB the bench started: its child process. */
function databasePid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8').trim();
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/.exec(stat) ?? [];
      if (comm?.includes('ferretdb') && Number(rest?.split(' ')[1]) === process.pid) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** Profiles the app (inspector on `inspectPort`) while `load` runs. */
export async function profileWhile(inspectPort: number, appPid: number, load: () => Promise<unknown>): Promise<ProfileSummary> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const child = spawn(process.execPath, ['--experimental-websocket', '--no-warnings', '--import', 'tsx', fileURLToPath(import.meta.url), target!.webSocketDebuggerUrl], {
    cwd: fromRepoRoot(),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  if ((await lines.next()).value !== 'started') throw new Error('the profiler did not start');
  const dbPid = databasePid();
  const before = { app: cpuSeconds(appPid), db: dbPid ? cpuSeconds(dbPid) : 0, at: performance.now() };
  await load();
  const after = { app: cpuSeconds(appPid), db: dbPid ? cpuSeconds(dbPid) : 0, at: performance.now() };
  child.stdin!.end('stop\n');
  const top = JSON.parse((await lines.next()).value as string) as ProfileSummary['top'];
  return { seconds: round((after.at - before.at) / 1000), appCpu: round(after.app - before.app), databaseCpu: round(after.db - before.db), top };
}

export function profileMarkdown(summary: ProfileSummary): string {
  return (
    `${summary.seconds} s under load: app ${summary.appCpu} s CPU, FerretDB ${summary.databaseCpu} s CPU. App self time: ` +
    summary.top.map((t) => `\`${t.fn}\` ${t.share}%`).join(', ')
  );
}

// The child: one inspector session.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ws = new WebSocket(process.argv[2]!);
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  const send = (method: string) =>
    new Promise<unknown>((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method }));
    });
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve);
    ws.addEventListener('error', reject);
  });
  await send('Profiler.enable');
  await send('Profiler.start');
  process.stdout.write('started\n');
  for await (const _ of createInterface({ input: process.stdin })) break;
  const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
  process.stdout.write(JSON.stringify(summarise(profile)) + '\n');
  ws.close();
}
