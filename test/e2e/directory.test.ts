/**
 * Journeys through the directory against the real server and sample data: an Arabic search for a
 * shelter in Basrah, switching languages, the map agreeing with the list, and the phone layout.
 * Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, useBrowserApp, type PageOptions } from '../support/browser.js';

const app = useBrowserApp();
const open = (options?: PageOptions): Promise<Page> => app.open(options);

/** The list and (when shown) the map have finished loading for the current URL. */
async function settled(page: Page, withMap: boolean): Promise<void> {
  await page.locator('section.list[aria-busy="false"] h2[data-total]').waitFor();
  if (withMap) await page.locator('ct-service-map[data-markers]:not([loading])').waitFor();
}

async function apiTotal(query: string): Promise<number> {
  const response = await fetch(`${app.baseUrl}/api/v1/services?${query}`);
  return ((await response.json()) as { total: number }).total;
}

test('in Arabic, a search for a shelter in Basrah finds it and opens its page', async () => {
  const page = await open({ language: 'ar' });
  // Basrah chosen (e.g. from a shared link or the governorate filter), then the search words typed.
  await page.goto('/?governorate=IQ-BA');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.locator('ct-facet-filter[name="governorate"] button.chip[aria-pressed="true"]', { hasText: 'البصرة' }).waitFor();

  await page.getByLabel('ابحث في الخدمات').fill('مأوى');
  await page.getByRole('button', { name: 'بحث', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === 'مأوى' && url.searchParams.get('governorate') === 'IQ-BA');
  await settled(page, true);

  const total = Number(await page.locator('h2[data-total]').getAttribute('data-total'));
  assert.ok(total > 0, 'at least one shelter in Basrah');
  assert.equal(total, await apiTotal(`q=${encodeURIComponent('مأوى')}&governorate=IQ-BA`));
  const first = page.locator('ct-service-card').first();
  assert.match((await first.locator('.meta').textContent()) ?? '', /البصرة/);
  await screenshot(page, 'directory-ar');

  await first.locator('.title a').click();
  await page.waitForURL(/\/services\/[^/]+$/);
  const heading = page.locator('ct-service-view h1');
  await heading.waitFor();
  assert.match((await heading.textContent()) ?? '', /مأوى/);
  // Shelters are confidential: the page explains why there is no address, and still says whom to call.
  // (Text is read from inside the shadow root: the host element's own textContent is empty.)
  const body = (await page.locator('ct-service-view article').textContent()) ?? '';
  assert.match(body, /هذه خدمة سرية/);
  assert.match(body, /جهة الاتصال/);
  // Phone numbers are tel: links (the organisation's, when the service lists none of its own).
  await page.locator('ct-service-view a[href^="tel:"]').first().waitFor();
  await screenshot(page, 'service-ar');
  await page.context().close();
});

test('switching language sets lang and dir on <html> and mirrors the map controls', async () => {
  const page = await open();
  await page.goto('/?governorate=IQ-DA');
  await page.locator('ct-service-map .leaflet-control-zoom').waitFor();
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.equal(await page.locator('ct-service-map .leaflet-top.leaflet-left .leaflet-control-zoom').count(), 1);

  await page.getByRole('button', { name: 'العربية' }).click();
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.locator('ct-service-map .leaflet-top.leaflet-right .leaflet-control-zoom').count(), 1);
  assert.equal(await page.locator('ct-directory-view h1').textContent(), 'ابحث عن خدمة');

  await page.getByRole('button', { name: 'کوردی' }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'ckb');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.locator('ct-directory-view h1').textContent(), 'خزمەتگوزارییەک بدۆزەرەوە');

  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.equal(await page.locator('ct-service-map .leaflet-top.leaflet-left .leaflet-control-zoom').count(), 1);
  await page.context().close();
});

test('a lawyer in Najaf filters by legal aid: the map shows as many services as the list counts', async () => {
  const page = await open();
  await page.goto('/?governorate=IQ-NA');
  await settled(page, true);
  const chip = page.locator('ct-facet-filter[name="category"] button.chip', { hasText: 'Legal aid and representation' });
  const chipCount = Number(await chip.locator('.count').textContent());

  await chip.click();
  await page.waitForURL((url) => url.searchParams.get('category') === 'legal-aid');
  await settled(page, true);
  const total = Number(await page.locator('h2[data-total]').getAttribute('data-total'));
  const markers = Number(await page.locator('ct-service-map').getAttribute('data-markers'));
  assert.ok(total > 0);
  assert.equal(total, await apiTotal('governorate=IQ-NA&category=legal-aid'));
  assert.equal(markers, total, 'one marker per listed service');
  assert.equal(chipCount, total, 'the chip said how many services the filter would give');
  assert.equal(await page.getByRole('button', { name: 'Remove filter: Legal aid and representation' }).count(), 1);
  await screenshot(page, 'directory-en');

  // The URL holds the query: reloading it shows the same.
  await page.reload();
  await settled(page, true);
  assert.equal(Number(await page.locator('h2[data-total]').getAttribute('data-total')), total);

  await page.locator('ct-service-card .title a').first().click();
  await page.locator('ct-service-view h1').waitFor();
  const body = (await page.locator('ct-service-view article').textContent()) ?? '';
  assert.match(body, /How to apply or refer/);
  assert.match(body, /Last verified/);
  await screenshot(page, 'service-en');
  await page.context().close();
});

test('on a 360 px phone the list and the map take turns, and nothing scrolls sideways', async () => {
  const page = await open({ language: 'ar', viewport: { width: 360, height: 740 } });
  await page.goto('/?governorate=IQ-BA');
  await settled(page, false);
  assert.equal(await page.locator('ct-service-map').count(), 0, 'no map (and no Leaflet download) until asked for');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  await screenshot(page, 'directory-phone-ar', { fullPage: false });

  await page.getByRole('link', { name: 'خريطة' }).click();
  await page.waitForURL((url) => url.searchParams.get('view') === 'map');
  await settled(page, true);
  assert.equal(
    Number(await page.locator('ct-service-map').getAttribute('data-markers')),
    Number(await page.locator('h2[data-total]').getAttribute('data-total')),
  );
  assert.equal(await page.locator('ct-service-card').count(), 0);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  await screenshot(page, 'map-phone-ar', { fullPage: false });
  await page.context().close();
});
