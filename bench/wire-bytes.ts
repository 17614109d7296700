/**
 * What a phone downloads for the directory page, counted as Chromium receives it: the encoded
 * (on-the-wire) length of every response from the DevTools protocol's Network events, once on a
 * first visit (empty cache) and once on a return visit in the same browser profile (warm cache).
 */
import type { Browser, BrowserContext, CDPSession } from 'playwright-core';

export interface VisitBytes {
  /** Every response, headers included, as received: JavaScript, data, HTML, styles. */
  totalBytes: number;
  scriptBytes: number;
  /** JavaScript received by the time the list of services is on screen. */
  scriptBytesBeforeList: number;
  /** API answers (fetch/XHR). */
  dataBytes: number;
  requests: number;
  /** Scripts that came over the network (not from the cache), and how many of them were compressed. */
  scriptsFetched: number;
  scriptsCompressed: number;
}

export interface WireBytesReport {
  viewport: { width: number; height: number };
  firstVisit: VisitBytes;
  returnVisit: VisitBytes;
}

/** The issue-20 budget: at most this much JavaScript on the wire before the list shows. */
export const SCRIPT_BUDGET_BEFORE_LIST = 100 * 1024;

const PHONE = { width: 361, height: 760 };
// On a phone the results heading sits above the List/Map tabs, outside the list section.
const LIST_SHOWN = '.phone-head[aria-busy="false"] h2[data-total]';

interface ResponseSeen {
  type: string;
  encoded: boolean;
  bytes: number;
}

/** Collects, per request id, the resource type, whether it came compressed, and its bytes on the wire. */
async function recordResponses(cdp: CDPSession): Promise<Map<string, ResponseSeen>> {
  const seen = new Map<string, ResponseSeen>();
  await cdp.send('Network.enable');
  cdp.on('Network.responseReceived', (event) => {
    const encoding = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
    seen.set(event.requestId, { type: event.type, encoded: Boolean(encoding && encoding !== 'identity'), bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const response = seen.get(event.requestId);
    if (response) response.bytes = event.encodedDataLength;
  });
  return seen;
}

function tally(seen: Map<string, ResponseSeen>): Omit<VisitBytes, 'scriptBytesBeforeList'> {
  const responses = [...seen.values()];
  const sum = (list: ResponseSeen[]) => list.reduce((n, r) => n + r.bytes, 0);
  const scripts = responses.filter((r) => r.type === 'Script');
  const fetched = scripts.filter((r) => r.bytes > 0);
  return {
    totalBytes: sum(responses),
    scriptBytes: sum(scripts),
    dataBytes: sum(responses.filter((r) => r.type === 'Fetch' || r.type === 'XHR')),
    requests: responses.filter((r) => r.bytes > 0).length,
    scriptsFetched: fetched.length,
    scriptsCompressed: fetched.filter((r) => r.encoded).length,
  };
}

/** One visit of `/` in a new tab of the given profile, until the list shows and the network is idle. */
async function visit(context: BrowserContext, base: string): Promise<VisitBytes> {
  const page = await context.newPage();
  const seen = await recordResponses(await context.newCDPSession(page));
  await page.goto(`${base}/`);
  await page.locator(LIST_SHOWN).waitFor({ timeout: 120_000 });
  const scriptBytesBeforeList = tally(seen).scriptBytes;
  await page.waitForLoadState('networkidle');
  const bytes = { ...tally(seen), scriptBytesBeforeList };
  await page.close();
  return bytes;
}

export async function measureWireBytes(browser: Browser, base: string): Promise<WireBytesReport> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const firstVisit = await visit(context, base);
    const returnVisit = await visit(context, base);
    return { viewport: PHONE, firstVisit, returnVisit };
  } finally {
    await context.close();
  }
}

export function wireBytesMarkdown(report: WireBytesReport): string {
  const kb = (n: number) => (n / 1024).toFixed(1);
  const row = (name: string, v: VisitBytes) =>
    `| ${name} | ${kb(v.scriptBytesBeforeList)} | ${kb(v.scriptBytes)} | ${v.scriptsCompressed} of ${v.scriptsFetched} | ${kb(v.dataBytes)} | ${kb(v.totalBytes)} | ${v.requests} |`;
  return [
    `Directory page on a phone (${report.viewport.width} px, Chromium), bytes on the wire (headers included); target: ≤ ${kb(SCRIPT_BUDGET_BEFORE_LIST)} KB of JavaScript before the list shows.`,
    '',
    '| Visit | KB JS before the list | KB JS | scripts compressed | KB data | KB in all | responses over the network |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('first (empty cache)', report.firstVisit),
    row('return (warm cache)', report.returnVisit),
  ].join('\n') + '\n';
}
