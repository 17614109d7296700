/**
 * The JavaScript the directory page makes the browser load before it shows (not the sum of all
 * built chunks): every script Chromium fetches from navigation until the service list is on screen,
 * each counted gzipped as it would travel.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LIST_SHOWN = 'section.list[aria-busy="false"] h2[data-total]';

export async function initialScriptGzipBytes(base: string): Promise<{ gzipBytes: number; scripts: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 361, height: 760 } });
    const page = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    let listShown = false;
    page.on('response', (response) => {
      if (!listShown && response.request().resourceType() === 'script') bodies.push(response.body());
    });
    await page.goto(`${base}/`);
    await page.locator(LIST_SHOWN).first().waitFor({ state: 'attached', timeout: 300_000 });
    listShown = true;
    const scripts = await Promise.all(bodies);
    return { gzipBytes: scripts.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0), scripts: scripts.length };
  } finally {
    await browser.close();
  }
}
