/**
 * The web app's side of the benchmark: the size of each built chunk (gzip), the bytes a phone
 * receives for the directory page (first and return visit), and the time Debian's Chromium takes to
 * show the directory map with every service clustered.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { fromRepoRoot } from '../server/platform/paths.js';
import { measureWireBytes, wireBytesMarkdown, type WireBytesReport } from './wire-bytes.js';

export interface ClientReport {
  chunks: { file: string; bytes: number; gzipBytes: number }[];
  totalGzipBytes: number;
  wire: WireBytesReport;
  /** Navigation to "every marker is in the cluster layer", per run, and their median. */
  mapRender: { runsMs: number[]; medianMs: number; markers: number };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function buildClient(): void {
  execFileSync(process.execPath, [fromRepoRoot('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: fromRepoRoot(),
    stdio: 'inherit',
  });
}

function chunkSizes(): ClientReport['chunks'] {
  const assets = fromRepoRoot('client', 'dist', 'assets');
  return readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((file) => {
      const content = readFileSync(path.join(assets, file));
      return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

async function mapRenderTimes(browser: Browser, base: string, runs: number): Promise<ClientReport['mapRender']> {
  const times: number[] = [];
  let markers = 0;
  for (let i = 0; i < runs; i++) {
    // A fresh context each time: nothing cached from the run before.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${base}/`);
    const map = page.locator('ct-service-map[data-markers]');
    await map.waitFor({ state: 'attached', timeout: 300_000 });
    times.push(Math.round(performance.now() - started));
    markers = Number(await map.getAttribute('data-markers'));
    await context.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { runsMs: times, medianMs: sorted[Math.floor(sorted.length / 2)]!, markers };
}

export async function measureClient(base: string, runs: number): Promise<ClientReport> {
  const chunks = chunkSizes();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const wire = await measureWireBytes(browser, base);
    return { chunks, totalGzipBytes: chunks.reduce((n, c) => n + c.gzipBytes, 0), wire, mapRender: await mapRenderTimes(browser, base, runs) };
  } finally {
    await browser.close();
  }
}

export function clientMarkdown(client: ClientReport): string {
  const kb = (n: number) => (n / 1024).toFixed(1);
  const lines = [
    `Map view with ${client.mapRender.markers.toLocaleString('en')} clustered services in headless Chromium: median ${client.mapRender.medianMs} ms ` +
      `from navigation to the last marker clustered (runs: ${client.mapRender.runsMs.join(', ')} ms).`,
    '',
    `| Chunk | KB | KB gzip |`,
    '|---|---:|---:|',
    ...client.chunks.map((c) => `| ${c.file.replace(/-[\w-]{8}\./, '.')} | ${kb(c.bytes)} | ${kb(c.gzipBytes)} |`),
    `| **all** | | **${kb(client.totalGzipBytes)}** |`,
  ];
  return `${wireBytesMarkdown(client.wire)}\n${lines.join('\n')}\n`;
}
