/**
 * Journeys through the directory against the real server and sample data: an Arabic search for a
 * shelter in Basrah, switching languages, the map agreeing with the list, and the phone layout.
 * Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { chooseLanguage, screenshot, useBrowserApp, type PageOptions } from '../support/browser.js';

const app = useBrowserApp();
const open = (options?: PageOptions): Promise<Page> => app.open(options);

/** The list and (when shown) the map have finished loading for the current URL. */
async function settled(page: Page, withMap: boolean): Promise<void> {
  await page.locator('[aria-busy="false"] h2[data-total]').waitFor();
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

  await chooseLanguage(page, 'ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.locator('ct-service-map .leaflet-top.leaflet-right .leaflet-control-zoom').count(), 1);
  assert.equal(await page.locator('ct-directory-view h1').textContent(), 'ابحث عن خدمة');

  await chooseLanguage(page, 'ckb');
  assert.equal(await page.getAttribute('html', 'lang'), 'ckb');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.locator('ct-directory-view h1').textContent(), 'خزمەتگوزارییەک بدۆزەرەوە');

  await chooseLanguage(page, 'en');
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

  await page.getByRole('tab', { name: 'خريطة' }).click();
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

const PHONE = { width: 360, height: 740 };

/** The element that has focus, looking inside shadow roots, and whether it sits in the open dialog. */
function focused(page: Page): Promise<{ text: string; inDialog: boolean }> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    let node: Node | null = element;
    let inDialog = false;
    while (node) {
      if (node instanceof HTMLDialogElement && node.open) inDialog = true;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return { text: element?.textContent?.trim() ?? '', inDialog };
  });
}

type Box = { south: number; west: number; north: number; east: number };

/** A governorate's bounding box, from the shapes the app serves. */
async function governorateBox(code: string): Promise<Box> {
  const shapes = (await (await fetch(`${app.baseUrl}/api/v1/governorates.geojson`)).json()) as {
    features: Array<{ properties: { code: string }; geometry: { coordinates: unknown } }>;
  };
  const feature = shapes.features.find((f) => f.properties.code === code);
  assert.ok(feature, `no shape for ${code}`);
  const points = (feature.geometry.coordinates as unknown[]).flat(3) as number[];
  const lngs = points.filter((_, i) => i % 2 === 0);
  const lats = points.filter((_, i) => i % 2 === 1);
  return { south: Math.min(...lats), west: Math.min(...lngs), north: Math.max(...lats), east: Math.max(...lngs) };
}

/** What the Leaflet map inside the component shows. */
function mapView(page: Page): Promise<Box> {
  return page.locator('ct-service-map').evaluate((element) => {
    const bounds = (element as unknown as { map: { getBounds(): { getSouth(): number; getWest(): number; getNorth(): number; getEast(): number } } }).map.getBounds();
    return { south: bounds.getSouth(), west: bounds.getWest(), north: bounds.getNorth(), east: bounds.getEast() };
  });
}

/** The map is fitted to the governorate: all of it in view, and it fills the view along one axis. */
function assertFitted(view: Box, governorate: Box): void {
  const slack = 0.01;
  assert.ok(
    view.south <= governorate.south + slack && view.north >= governorate.north - slack && view.west <= governorate.west + slack && view.east >= governorate.east - slack,
    `the whole governorate ${JSON.stringify(governorate)} is in view ${JSON.stringify(view)}`,
  );
  const fill = Math.max((governorate.north - governorate.south) / (view.north - view.south), (governorate.east - governorate.west) / (view.east - view.west));
  assert.ok(fill >= 0.5, `the governorate fills the view along one axis (${fill.toFixed(2)} of it), not all Iraq`);
}

/** What a caseworker reads on the phone layout, in Arabic and Sorani. */
const PHONE_TEXT = {
  ar: { locales: ['ar-IQ'], filters: 'التصفية', sheet: 'عوامل التصفية', apply: 'اعرض النتائج', remove: 'إزالة عامل التصفية: ', map: 'خريطة' },
  ckb: { locales: ['ckb-IQ', 'ar-IQ'], filters: 'پاڵاوتن', sheet: 'پاڵاوتن', apply: 'ئەنجامەکان پیشان بدە', remove: 'لابردنی پاڵاوتن: ', map: 'نەخشە' },
} as const;

async function firstCardTop(page: Page): Promise<number> {
  return page.locator('ct-service-card').first().evaluate((card) => card.getBoundingClientRect().top);
}

for (const language of ['ar', 'ckb'] as const) {
  const text = PHONE_TEXT[language];
  test(`on a 360 px phone in ${language}: the first result shows at once; "Filters (n)" opens a sheet whose filter shows as a chip; the map zooms to it`, async () => {
    const page = await open({ language, viewport: PHONE });
    await page.goto('/');
    await settled(page, false);
    let top = await firstCardTop(page);
    assert.ok(top < PHONE.height - 48, `the first card starts at ${top} px, within the ${PHONE.height} px screen`);
    assert.equal(await page.evaluate(() => scrollY), 0);

    const sheet = page.getByRole('dialog', { name: text.sheet });
    assert.equal(await sheet.isVisible(), false, 'the filters are folded away');
    await page.getByRole('button', { name: text.filters, exact: true }).click();
    await sheet.waitFor();
    await screenshot(page, `filters-sheet-${language}`, { fullPage: false });
    assert.equal(await sheet.getAttribute('aria-modal'), 'true');
    assert.equal((await focused(page)).inDialog, true, 'focus moves into the sheet');
    // Focus stays in the sheet: tabbing past its last control (or back past its first) comes back into it.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).inDialog, true, `still in the sheet after ${i + 1} Tab presses`);
    }
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Shift+Tab');
      assert.equal((await focused(page)).inDialog, true, `still in the sheet after ${i + 1} Shift+Tab presses`);
    }

    // The governorate's name as the API gives it; a name not yet in Sorani shows in Arabic.
    const { name } = (await (await fetch(`${app.baseUrl}/api/v1/governorates/IQ-BA`)).json()) as { name: Record<string, string | undefined> };
    const basrah = name[language] ?? name.ar!;
    await sheet.locator('ct-facet-filter[name="governorate"] summary').click();
    await sheet.locator('ct-facet-filter[name="governorate"] button.chip', { hasText: basrah }).click();
    await page.waitForURL((url) => url.searchParams.get('governorate') === 'IQ-BA');
    await settled(page, false);
    const withOne = `${text.filters} (${new Intl.NumberFormat(text.locales).format(1)})`;
    const button = page.getByRole('button', { name: withOne, exact: true });
    await button.waitFor();

    await sheet.getByRole('button', { name: text.apply }).click();
    assert.equal(await sheet.isVisible(), false, 'applying closes the sheet');
    assert.equal((await focused(page)).text, withOne, 'focus is back on the button');
    await page.getByRole('button', { name: `${text.remove}${basrah}` }).waitFor();
    top = await firstCardTop(page);
    assert.ok(top < PHONE.height - 48, `with a filter chosen, the first card starts at ${top} px, still on the first screen`);
    await screenshot(page, `directory-phone-filtered-${language}`, { fullPage: false });

    await button.click();
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await sheet.isVisible(), false);
    assert.equal((await focused(page)).text, withOne, 'Escape gives focus back to the button');

    await page.getByRole('tab', { name: text.map }).click();
    await settled(page, true);
    assertFitted(await mapView(page), await governorateBox('IQ-BA'));
    await screenshot(page, `map-phone-basrah-${language}`, { fullPage: false });
    await page.context().close();
  });
}

test('on a phone in Sorani, List and Map are tabs; the map loads only with its tab and zooms to a governorate typed', async () => {
  const page = await open({ language: 'ckb', viewport: PHONE });
  const mapRequests: string[] = [];
  page.on('request', (request) => {
    if (/governorates\.geojson|service-map|leaflet/i.test(request.url())) mapRequests.push(request.url());
  });
  await page.goto(`/?q=${encodeURIComponent('بەسرە')}`);
  await settled(page, false);
  await page.getByRole('list', { name: 'ئەوەی لە گەڕانەکەت تێگەیشتین' }).getByRole('button').first().waitFor();

  const tabs = page.getByRole('tablist', { name: 'پیشاندانی ئەنجامەکان وەک' });
  const list = tabs.getByRole('tab', { name: 'لیست' });
  const map = tabs.getByRole('tab', { name: 'نەخشە' });
  assert.equal(await list.getAttribute('aria-selected'), 'true', 'the list comes first');
  assert.equal(await map.getAttribute('aria-selected'), 'false');
  assert.equal(await page.getByRole('tabpanel').count(), 1);
  assert.deepEqual(mapRequests, [], 'neither the map code nor its shapes are fetched for the list');

  // Right to left, the left arrow moves to the next tab.
  await list.focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL((url) => url.searchParams.get('view') === 'map');
  assert.equal(await map.getAttribute('aria-selected'), 'true');
  assert.equal((await focused(page)).text, 'نەخشە', 'focus follows the selected tab');
  await settled(page, true);
  assert.equal(await page.getByRole('tabpanel').getAttribute('aria-labelledby'), await map.getAttribute('id'));
  assert.ok(mapRequests.length > 0, 'the map is fetched once its tab is opened');
  assertFitted(await mapView(page), await governorateBox('IQ-BA'));

  await page.keyboard.press('Home');
  await page.waitForURL((url) => !url.searchParams.has('view'));
  assert.equal(await list.getAttribute('aria-selected'), 'true');
  await page.locator('ct-service-card').first().waitFor();
  await page.context().close();
});
