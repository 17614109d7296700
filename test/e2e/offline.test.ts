/**
 * Working offline on the real app in Chromium: a visitor on a 360 px phone in Arabic opens the
 * directory and a service once; with the network cut the app still lists the services, opens the
 * service page and says "offline — data from <date>". A signed-in caseworker's referrals are never
 * in Cache Storage, and offline the referral screen says it needs a connection.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { API_CACHE } from '../../server/contract/site/offline.js';
import { createTestOrganization, createTestUser } from '../support/auth.js';
import { screenshot, signInThroughForm, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();
const phone = { language: 'ar', viewport: { width: 360, height: 740 } } as const;

/** Waits until the service worker controls the page, so that what the page reads from now on goes through it. */
async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.evaluate(() => new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })));
  }
}

/** Every address in the page's Cache Storage, by cache. */
function storedUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const stored: Record<string, string[]> = {};
    for (const name of await caches.keys()) stored[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    return stored;
  });
}

async function listed(page: Page): Promise<number> {
  await page.locator('[aria-busy="false"] h2[data-total]').waitFor();
  return page.locator('ct-service-card').count();
}

test('opened once, the directory and a service page work with the network cut, with the date of the data', async () => {
  const page = await app.open(phone);
  await page.goto('/?governorate=IQ-BA');
  await controlledByServiceWorker(page);
  // Read once more through the service worker: what the visitor opened is now kept.
  await page.reload();
  assert.ok((await listed(page)) > 0, 'the directory lists services online');
  await page.locator('ct-service-card').first().locator('.title a').click();
  await page.waitForURL(/\/services\/[^/]+$/);
  const name = (await page.locator('ct-service-view h1').textContent())?.trim();
  assert.ok(name, 'the service page opened online');
  const servicePath = new URL(page.url()).pathname;
  assert.equal(await page.locator('.offline-banner').count(), 0, 'no offline banner while online');

  await page.context().setOffline(true);
  await page.goto('/?governorate=IQ-BA');
  assert.ok((await listed(page)) > 0, 'offline, the directory still lists services');
  const banner = page.locator('.offline-banner');
  await banner.waitFor();
  const today = await page.evaluate(() => new Intl.DateTimeFormat(['ar-IQ'], { dateStyle: 'medium' }).format(new Date()));
  assert.equal((await banner.textContent())?.trim(), `غير متصل — بيانات من ${today}`);
  assert.match(today, /[٠-٩]/, 'the date is written with Arabic digits');

  await page.goto(servicePath);
  assert.equal((await page.locator('ct-service-view h1').textContent())?.trim(), name, 'offline, the service page opens');
  await banner.waitFor();
  await screenshot(page, 'offline-service-ar-360');
  await page.context().setOffline(false);
});

test('a caseworker’s referrals are never stored, and offline the referral screen needs a connection', async () => {
  const organizationId = await createTestOrganization('local-ngo', 'Offline Test Network (sample)');
  const { user, password } = await createTestUser({ role: 'caseworker', organizationId, name: 'Nadia Caseworker' });
  const page = await app.open(phone);
  await page.goto('/');
  await controlledByServiceWorker(page);
  await signInThroughForm(page, '/referrals', { email: user.email, password });
  await page.locator('ct-referral-list-view').waitFor();
  await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/referrals').catch(() => undefined);
  // A directory search read while signed in.
  await page.goto('/?governorate=IQ-BA');
  await listed(page);

  const stored = await storedUrls(page);
  const api = (stored[API_CACHE] ?? []).map((url) => new URL(url));
  assert.deepEqual(
    api.filter((url) => /^\/api\/v1\/(referrals|auth|workspace|admin)/.test(url.pathname)).map(String),
    [],
    'no case data, session or signed-in area in Cache Storage',
  );
  // The first page's anonymous search may be kept (it is public), if the worker controlled the page by then.
  const signedInSearch = (url: URL) => url.pathname === '/api/v1/services' && url.searchParams.get('governorate') === 'IQ-BA';
  assert.deepEqual(api.filter(signedInSearch).map(String), [], 'a signed-in search is not stored');
  const everything = Object.values(stored).flat();
  assert.ok(!everything.some((url) => url.includes('/referrals')), `stored: ${everything.filter((u) => u.includes('/api/')).join(', ')}`);

  await page.context().setOffline(true);
  await page.goto('/referrals');
  await page.getByText('تحتاج هذه الشاشة إلى اتصال بالإنترنت').waitFor();
  assert.equal(new URL(page.url()).pathname, '/referrals', 'offline, not sent to a sign-in that cannot work');
  await screenshot(page, 'offline-referrals-ar-360');
});
