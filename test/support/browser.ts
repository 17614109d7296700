/**
 * Browser tests: Debian's Chromium driven by playwright-core, against the real app (real database,
 * sample data) listening on a free port. The client bundle is built first when missing or stale.
 */
import { after, before } from 'node:test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seedDatabase } from '../../seed/seed.js';
import { directoryCatalog } from '../../server/directory/catalog/directory-catalog.js';
import { chromiumPath, missingChromiumMessage } from './prerequisites.js';
import { startTestApp, type TestApp } from './test-app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const clientDir = path.join(root, 'client');
const builtIndex = path.join(clientDir, 'dist', 'index.html');
export const artifactsDir = path.join(root, 'test', 'artifacts');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function clientIsFresh(): boolean {
  return existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource(clientDir);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the client with Vite unless client/dist is newer than every source file. Test files run in
 * parallel, so a lock directory makes one of them build while the others wait for it.
 */
export async function ensureClientBuilt(): Promise<void> {
  if (clientIsFresh()) return;
  const lock = path.join(tmpdir(), `ct-directory-client-build-${Buffer.from(root).toString('hex').slice(-16)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes belongs to a build that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmdirSync(lock);
      await sleep(250);
    }
  }
  try {
    if (!clientIsFresh()) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  } finally {
    rmdirSync(lock);
  }
}

export function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new Error(missingChromiumMessage());
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface BrowserApp {
  baseUrl: string;
  testApp: TestApp;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The built client served by the real app with the sample directory loaded, and a browser to drive it.
 * The browser is launched first (the part a machine most often lacks); if any later step fails, what
 * was started is closed again, so the test file ends instead of waiting on an open server.
 */
export async function startBrowserApp(): Promise<BrowserApp> {
  const browser = await launchBrowser();
  const started: Array<() => Promise<void>> = [() => browser.close()];
  const closeAll = async () => {
    for (const close of [...started].reverse()) await close();
  };
  try {
    await ensureClientBuilt();
    const testApp = await startTestApp();
    started.push(() => testApp.close());
    await seedDatabase({ sample: true, log: () => {} });
    // As a load balancer would: pages are opened once the app is ready (the catalog loaded).
    await directoryCatalog.ensureFresh();
    const server = testApp.app.listen(0, '127.0.0.1');
    started.push(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
    const { port } = server.address() as AddressInfo;
    return { baseUrl: `http://127.0.0.1:${port}`, testApp, browser, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

export interface PageOptions {
  /** Interface language stored before the app loads, as if chosen on an earlier visit. */
  language?: 'en' | 'ar' | 'ckb';
  viewport?: { width: number; height: number };
}

/** A fresh browsing context (own storage and cookies); browser errors fail loudly in the test output. */
export async function openPage(app: BrowserApp, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({
    baseURL: app.baseUrl,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  if (options.language) {
    await context.addInitScript((lang) => localStorage.setItem('ct-directory.language', lang), options.language);
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  return { context, page };
}

const languageNames = { en: 'English', ar: 'العربية', ckb: 'کوردی' } as const;

/**
 * Chooses an interface language with the language switch, as a person does (through the menu on a
 * phone), and waits until the page is in it: the other catalogues load on demand, so the page
 * changes language a moment later.
 */
export async function chooseLanguage(page: Page, lang: keyof typeof languageNames): Promise<void> {
  // On a phone the switch is in the folded menu: opened for it, and folded again after.
  const menu = page.locator('ct-app .menu-button');
  const folded = (await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false';
  if (folded) await menu.click();
  await page.locator('ct-language-switch').getByRole('button', { name: languageNames[lang] }).click();
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  if (folded && (await menu.getAttribute('aria-expanded')) === 'true') await menu.click();
}

/** Saves a screenshot under test/artifacts/ (git-ignored; CI keeps it as an artifact). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}

/** Signs in through the sign-in form, as a person does, and waits to be taken on to `path`. */
export async function signInThroughForm(page: Page, path: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  const form = page.locator('ct-sign-in-view');
  await form.locator('#email').fill(who.email);
  await form.locator('#password').fill(who.password);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === path);
}

/**
 * One real app for a test file: started before its tests and closed after them. `open` gives a page
 * with a generous timeout, since on a loaded machine the embedded database can take minutes to answer.
 */
export function useBrowserApp(timeoutMs = 240_000): { readonly baseUrl: string; open(options?: PageOptions): Promise<Page> } {
  let app: BrowserApp | undefined;
  before(async () => {
    app = await startBrowserApp();
  });
  after(async () => {
    await app?.close();
  });
  const started = () => {
    if (!app) throw new Error('the browser app is not started yet');
    return app;
  };
  return {
    get baseUrl() {
      return started().baseUrl;
    },
    async open(options: PageOptions = {}) {
      const { page } = await openPage(started(), options);
      page.setDefaultTimeout(timeoutMs);
      return page;
    },
  };
}
