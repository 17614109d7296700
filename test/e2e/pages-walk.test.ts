/**
 * Every route, in English, Arabic and Sorani, on a 360 px phone and a 1280 px desktop: no horizontal
 * scrolling, no axe violation of any impact, no console error, no catalogue key or unfilled
 * placeholder shown instead of text, and (on phones) a header of at most 64 px. Public routes are
 * walked anonymously, then the signed-in ones as an organisation admin and as a platform admin.
 * One browser context per language and viewport, one page reused for every route.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ar } from '../../client/src/i18n/ar.js';
import { ckb } from '../../client/src/i18n/ckb.js';
import { en } from '../../client/src/i18n/en.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { referralBody } from '../api/referrals-fixtures.js';
import { createTestUser } from '../support/auth.js';
import { useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();
// Evaluated through the DevTools protocol, which the app's Content-Security-Policy does not govern (a script tag would be refused).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const LANGUAGES = ['en', 'ar', 'ckb'] as const;
const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;
const PHONE_HEADER_MAX_PX = 64;
const CATALOGUE_KEYS = Object.keys(en);

interface Account {
  email: string;
  password: string;
}

interface Walk {
  anonymous: string[];
  orgAdmin: Account;
  orgAdminRoutes: string[];
  /** The organisation the admin sends a referral to, whose page is walked too. */
  referralTo: string;
  platformAdmin: Account;
  adminRoutes: string[];
}

let walk: Promise<Walk> | undefined;

/** The routes and the people who visit them: a sample organisation with services gets an admin and sends one referral. */
async function prepareWalk(): Promise<Walk> {
  const service = await ServiceModel.findOne({ status: 'active' }).lean();
  assert.ok(service, 'the sample data has services');
  const organizationId = service.organizationId.toString();
  const receiver = await OrganizationModel.findOne({ _id: { $ne: service.organizationId } }).lean();
  assert.ok(receiver);
  await createTestUser({ role: 'caseworker', organizationId: receiver._id.toString() });
  const orgAdmin = await createTestUser({ role: 'org-admin', organizationId });
  const platformAdmin = await createTestUser({ role: 'platform-admin' });
  const governorate = service.governorates[0] ?? 'IQ-BG';
  return {
    anonymous: [
      '/',
      `/services/${service._id.toString()}`,
      `/organizations/${organizationId}`,
      `/governorates/${governorate}`,
      `/governorates/${governorate}/print`,
      '/coverage',
      '/help',
      '/sign-in',
      '/account/reset-password',
      '/account/accept-invitation',
      '/no-such-page',
    ],
    orgAdmin: { email: orgAdmin.user.email, password: orgAdmin.password },
    orgAdminRoutes: [
      '/account',
      ...['', '/services', '/locations', '/contacts', '/members', '/agreements', '/activities', '/services/new'].map((s) => `/workspace${s}`),
      '/referrals',
      '/referrals/new',
    ],
    referralTo: receiver._id.toString(),
    platformAdmin: { email: platformAdmin.user.email, password: platformAdmin.password },
    adminRoutes: ['verification', 'organizations', 'taxonomy', 'users', 'audit', 'import', 'sample-data'].map((s) => `/admin/${s}`),
  };
}

async function signIn(page: Page, who: Account): Promise<void> {
  const { token } = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const res = await page.request.post('/api/v1/auth/login', { headers: { 'X-CSRF-Token': token }, data: who });
  assert.equal(res.status(), 200, `sign-in of ${who.email}`);
}

/** Sends a referral as the signed-in user and gives its page. */
async function sentReferralPath(page: Page, toOrganizationId: string): Promise<string> {
  const { token } = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const res = await page.request.post('/api/v1/referrals', { headers: { 'X-CSRF-Token': token }, data: referralBody(toOrganizationId) });
  assert.ok(res.ok(), `referral: ${res.status()} ${await res.text()}`);
  return `/referrals/${((await res.json()) as { id: string }).id}`;
}

interface Measures {
  scrollWidth: number;
  innerWidth: number;
  headerHeight: number;
  untranslated: string[];
}

/**
 * Layout figures and every visible text (through shadow roots) that is a catalogue key or has an
 * unfilled `{placeholder}`. Written without inner named functions: the test runner's compiler wraps
 * those in a helper that does not exist in the page.
 */
function measure(keys: string[]): Measures {
  const known = new Set(keys);
  const rawText = /\{\w+\}|\bundefined\b/;
  const untranslated: string[] = [];
  const roots: Node[] = [document.body];
  for (let root = roots.pop(); root; root = roots.pop()) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Text) {
        const text = node.data.trim();
        const parent = node.parentElement?.tagName;
        if (text && parent !== 'STYLE' && parent !== 'SCRIPT' && (known.has(text) || rawText.test(text))) untranslated.push(text);
      } else if (node instanceof Element) {
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = node.getAttribute(name)?.trim();
          if (value && (known.has(value) || rawText.test(value))) untranslated.push(`${name}="${value}"`);
        }
        if (node.shadowRoot) roots.push(node.shadowRoot);
      }
    }
  }
  const header = document.querySelector('ct-app')?.shadowRoot?.querySelector('header');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    headerHeight: header?.getBoundingClientRect().height ?? Number.NaN,
    untranslated,
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: unknown[] }>;
}

async function axeViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.map((v) => `${v.impact ?? 'unknown'} ${v.id} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Counts the page's fetches in flight, so a walk can wait for a screen's data instead of a fixed network-idle pause. */
const COUNT_FETCHES = `{
  let inFlight = 0;
  const send = window.fetch.bind(window);
  window.fetch = (...args) => { inFlight++; return send(...args).finally(() => inFlight--); };
  Object.defineProperty(window, 'fetchesInFlight', { get: () => inFlight });
}`;

/** True once no fetch has been in flight for two checks in a row and the frame shows no "Loading…". */
const SETTLED = `new Promise((resolve) => {
  let quiet = 0;
  const loading = ${JSON.stringify([en, ar, ckb].map((catalogue) => catalogue['app.loading']))};
  const check = () => {
    const text = document.querySelector('main')?.textContent ?? '';
    quiet = window.fetchesInFlight === 0 && !loading.some((l) => text.trim() === l) ? quiet + 1 : 0;
    if (quiet >= 2) resolve(true); else setTimeout(check, 50);
  };
  check();
})`;

for (const language of LANGUAGES) {
  for (const viewport of VIEWPORTS) {
    test(`every route in ${language} at ${viewport.width} px: no overflow, no axe violation, no console error, no raw key${viewport.name === 'phone' ? ', header ≤ 64 px' : ''}`, async () => {
      const routes = await (walk ??= prepareWalk());
      const page = await app.open({ language, viewport: { width: viewport.width, height: viewport.height } });
      await page.context().addInitScript(COUNT_FETCHES);
      const problems: string[] = [];
      let here = '';
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${here}: console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${here}: page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${here}: ${response.status()} for ${new URL(response.url()).pathname}`);
      });

      /** The first route of a walk is a full page load; the others are reached as a link would, through the app's router. */
      const check = async (path: string, fullLoad: boolean) => {
        here = path;
        if (fullLoad) {
          await page.goto(path);
          await page.evaluate(axeSource);
        } else {
          await page.evaluate((to) => {
            history.pushState(null, '', to);
            dispatchEvent(new PopStateEvent('popstate'));
          }, path);
        }
        await page.evaluate(SETTLED);
        // The printable pathway also waits for the other language's catalogue (a module, not a fetch).
        if (path.endsWith('/print')) await page.locator('ct-governorate-print-view[data-ready]').waitFor();
        const m = await page.evaluate(measure, CATALOGUE_KEYS);
        if (m.scrollWidth > m.innerWidth) problems.push(`${path}: ${m.scrollWidth} px wide in a ${m.innerWidth} px window`);
        if (viewport.name === 'phone' && !(m.headerHeight <= PHONE_HEADER_MAX_PX)) problems.push(`${path}: header ${m.headerHeight} px high`);
        for (const text of m.untranslated) problems.push(`${path}: untranslated ${JSON.stringify(text)}`);
        for (const violation of await axeViolations(page)) problems.push(`${path}: axe ${violation}`);
      };
      const walkAll = async (paths: string[]) => {
        for (const [i, path] of paths.entries()) await check(path, i === 0);
      };

      await walkAll(routes.anonymous);
      await signIn(page, routes.orgAdmin);
      await walkAll([...routes.orgAdminRoutes, await sentReferralPath(page, routes.referralTo)]);
      await signIn(page, routes.platformAdmin);
      await walkAll(routes.adminRoutes);
      await page.context().close();

      assert.deepEqual(problems, []);
    });
  }
}

test('on a phone the header is one row whose menu button opens the navigation, and Escape closes it', async () => {
  const page = await app.open({ language: 'ar', viewport: { width: 360, height: 740 } });
  await page.goto('/help');
  const button = page.getByRole('button', { name: 'القائمة' });
  const directoryLink = page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'الدليل' });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await directoryLink.isVisible(), false, 'the navigation is folded away');
  const menuId = await button.getAttribute('aria-controls');
  assert.ok(menuId);

  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await directoryLink.isVisible(), true);
  assert.equal(await page.evaluate(() => document.querySelector('ct-app')!.shadowRoot!.activeElement?.textContent?.trim()), 'الدليل', 'focus moves to the first link');
  assert.equal(await page.evaluate((id) => !!document.querySelector('ct-app')!.shadowRoot!.getElementById(id), menuId), true);

  await page.keyboard.press('Escape');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await directoryLink.isVisible(), false);
  assert.equal(await page.evaluate(() => document.querySelector('ct-app')!.shadowRoot!.activeElement?.className), 'menu-button', 'focus goes back to the button');

  await button.click();
  await directoryLink.click();
  await page.waitForURL((url) => url.pathname === '/');
  assert.equal(await button.getAttribute('aria-expanded'), 'false', 'choosing a page closes the menu');
  await page.context().close();
});

test('"Get help" opens with the emergency number as a tel: link and every governorate\'s hotlines shown', async () => {
  const page = await app.open({ language: 'ckb', viewport: { width: 360, height: 740 } });
  await page.goto('/help');
  // The first 911 link is the call button; the hotline list repeats the number below it.
  const call = page.getByRole('link', { name: /911/ }).first();
  assert.equal(await call.getAttribute('href'), 'tel:911');
  const box = await call.boundingBox();
  assert.ok(box && box.y + box.height <= 740, 'the call button is on the first screen');
  await page.locator('ct-help-view details').first().waitFor();
  const folded = await page.locator('ct-help-view details:not([open])').count();
  assert.ok((await page.locator('ct-help-view details').count()) >= 18, 'one block per governorate');
  assert.equal(folded, 0, 'no governorate is folded');
  await page.context().close();
});
