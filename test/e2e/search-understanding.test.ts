/**
 * On a 360 px phone, in Arabic and Sorani, against the sample data: the search reads the place and
 * the need out of the words typed, shows them as removable chips, and an empty search offers a way
 * on that ends at a hotline's tel: link.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { POPULATIONS } from '../../server/contract/directory/vocabulary.js';
import { screenshot, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();
const PHONE = { width: 360, height: 740 };

interface ApiPage {
  total: number;
  items: { id: string; name: Record<string, string> }[];
}

async function api(query: string): Promise<ApiPage> {
  return (await (await fetch(`${app.baseUrl}/api/v1/services?${query}`)).json()) as ApiPage;
}

/** The list has loaded for the current URL; its total as the heading carries it. */
async function total(page: Page): Promise<number> {
  await page.locator('[aria-busy="false"] h2[data-total]').waitFor();
  return Number(await page.locator('h2[data-total]').getAttribute('data-total'));
}

async function search(page: Page, label: string, submit: string, words: string): Promise<void> {
  await page.getByLabel(label).fill(words);
  await page.getByRole('button', { name: submit, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === words);
}

const firstTitles = (page: Page) => page.locator('ct-service-card .title').allTextContents();

async function fitsThePhone(page: Page): Promise<void> {
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= PHONE.width, 'nothing wider than the phone');
}

test('in Arabic, "محامي بغداد" is legal aid in Baghdad, as two chips; removing Baghdad widens it', async () => {
  const page = await app.open({ language: 'ar', viewport: PHONE });
  const wayOnAsked: string[] = [];
  page.on('request', (r) => r.url().includes('/services/way-on') && wayOnAsked.push(r.url()));
  await page.goto('/');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await search(page, 'ابحث في الخدمات', 'بحث', 'محامي بغداد');

  const baghdad = page.getByRole('button', { name: 'إزالة عامل التصفية: بغداد' });
  await baghdad.waitFor();
  await page.getByRole('button', { name: 'إزالة عامل التصفية: المساعدة القانونية والتمثيل' }).waitFor();
  const expected = await api('q=' + encodeURIComponent('محامي بغداد'));
  assert.ok(expected.total > 0);
  assert.equal(await total(page), expected.total);
  assert.equal(expected.total, (await api('category=legal-aid&governorate=IQ-BG')).total, 'the same as choosing both filters');
  const titles = await firstTitles(page);
  assert.deepEqual(titles.slice(0, 3).map((t) => t.trim()), expected.items.slice(0, 3).map((s) => s.name.ar ?? s.name.en ?? s.name.ckb));
  assert.match((await page.locator('ct-service-card').first().locator('.meta').textContent()) ?? '', /بغداد/);
  await fitsThePhone(page);
  await screenshot(page, 'search-understood-ar');

  // By keyboard: the chip takes focus and Enter removes it.
  await baghdad.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === 'محامي');
  await page.getByRole('button', { name: 'إزالة عامل التصفية: بغداد' }).waitFor({ state: 'detached' });
  const wider = await total(page);
  assert.equal(wider, (await api('category=legal-aid')).total);
  assert.ok(wider > expected.total, 'removing the place finds more');
  assert.deepEqual(wayOnAsked, [], 'the way on is asked for only when a search finds nothing');
  await page.context().close();
});

test('in Sorani, "پەناگە هەولێر" is shelters in Erbil; removing the need leaves Erbil', async () => {
  const page = await app.open({ language: 'ckb', viewport: PHONE });
  await page.goto('/');
  await search(page, 'گەڕان لە خزمەتگوزارییەکان', 'گەڕان', 'پەناگە هەولێر');

  await page.getByRole('button', { name: 'لابردنی پاڵاوتن: هەولێر' }).waitFor();
  const shelter = page.getByRole('button', { name: 'لابردنی پاڵاوتن: پەناگە و نیشتەجێبوونی سەلامەت' });
  await shelter.waitFor();
  const expected = await api('q=' + encodeURIComponent('پەناگە هەولێر'));
  assert.ok(expected.total > 0);
  assert.equal(await total(page), expected.total);
  assert.equal(expected.total, (await api('category=shelter&governorate=IQ-AR')).total);
  assert.equal((await firstTitles(page))[0]?.trim(), expected.items[0]!.name.ckb ?? expected.items[0]!.name.ar ?? expected.items[0]!.name.en);
  await fitsThePhone(page);
  await screenshot(page, 'search-understood-ckb');

  await shelter.click();
  await page.waitForURL((url) => url.searchParams.get('q') === 'هەولێر');
  const wider = await total(page);
  assert.equal(wider, (await api('governorate=IQ-AR')).total);
  assert.ok(wider > expected.total);
  await page.context().close();
});

test('in Sorani, a search that finds nothing offers the filters with counts and the hotline to call', async () => {
  const words = 'پەناگە هەولێر';
  // A population that no shelter in Erbil serves makes the search empty.
  const facets = (await (await fetch(`${app.baseUrl}/api/v1/services/facets?q=${encodeURIComponent(words)}`)).json()) as { population: Record<string, number> };
  const none = POPULATIONS.find((p) => !facets.population[p])!;
  assert.ok(none, 'some population has no shelter in Erbil');
  const page = await app.open({ language: 'ckb', viewport: PHONE });
  await page.goto(`/?population=${none}`);
  await search(page, 'گەڕان لە خزمەتگوزارییەکان', 'گەڕان', words);
  assert.equal(await total(page), 0);

  const wayOn = (await (await fetch(`${app.baseUrl}/api/v1/services/way-on?population=${none}&q=${encodeURIComponent(words)}`)).json()) as {
    filters: { field: string; total: number }[];
    hotlines: { phones: { number: string }[] }[];
  };
  const population = wayOn.filters.find((f) => f.field === 'population')!;
  assert.equal(population.total, (await api(`q=${encodeURIComponent(words)}`)).total);
  // "Remove <population> — N services": the count is what the search without it finds, in the page's digits.
  const count = await page.evaluate((n) => new Intl.NumberFormat(['ckb-IQ', 'ar-IQ']).format(n), population.total);
  const drop = page.locator('ct-directory-view .way-on .chips button').first();
  await drop.waitFor();
  assert.match((await drop.textContent()) ?? '', new RegExp(`^\\s*لابردنی .+ — ${count} خزمەتگوزاری\\s*$`));
  const call = page.locator('ct-directory-view .way-on a[href^="tel:"]').first();
  await call.waitFor();
  const number = wayOn.hotlines[0]!.phones[0]!.number;
  assert.equal(await call.getAttribute('href'), `tel:${number.replace(/[^\d+]/g, '')}`);
  await fitsThePhone(page);
  await screenshot(page, 'search-way-on-ckb');

  await drop.click();
  await page.waitForURL((url) => !url.searchParams.has('population'));
  assert.equal(await total(page), population.total);
  await page.context().close();
});

test('in Sorani, a misspelt "پارێزر بەغدا" shows lawyers in Baghdad, says so, and searches as typed in one tap', async () => {
  const page = await app.open({ language: 'ckb', viewport: PHONE });
  await page.goto('/');
  await search(page, 'گەڕان لە خزمەتگوزارییەکان', 'گەڕان', 'پارێزر بەغدا');
  const note = page.locator('p.corrected');
  await note.waitFor();
  assert.match((await note.textContent()) ?? '', /ئەنجامەکانی .*هاوکاریی یاسایی/);
  assert.equal(await total(page), (await api('category=legal-aid&governorate=IQ-BG')).total);
  await note.getByRole('link', { name: 'لەبری ئەوە بگەڕێ بۆ «پارێزر بەغدا»' }).click();
  await page.waitForURL((url) => url.searchParams.get('asTyped') === 'true');
  await page.locator('p.corrected').waitFor({ state: 'detached' });
  await fitsThePhone(page);
  await page.context().close();
});

test('in Arabic, a misspelt word of the text ("الوجبت") shows what "الوجبات" finds, says so, and searches as typed in one tap', async () => {
  const page = await app.open({ language: 'ar', viewport: PHONE });
  await page.goto('/');
  await search(page, 'ابحث في الخدمات', 'بحث', 'الوجبت');
  const note = page.locator('p.corrected');
  await note.waitFor();
  assert.match((await note.textContent()) ?? '', /تُعرض نتائج الوجبات\./);
  assert.equal(await total(page), (await api(`q=${encodeURIComponent('الوجبات')}&asTyped=true`)).total);
  await note.getByRole('link', { name: 'ابحث بدلًا من ذلك عن «الوجبت»' }).click();
  await page.waitForURL((url) => url.searchParams.get('asTyped') === 'true');
  await page.locator('p.corrected').waitFor({ state: 'detached' });
  assert.equal(await total(page), 0);
  await fitsThePhone(page);
  await page.context().close();
});
