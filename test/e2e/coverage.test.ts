/**
 * The coverage and gaps dashboard: an anonymous visitor sorts the matrix, finds the gaps, maps a
 * category and downloads the export; a government liaison also sees the referral figures.
 * Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { createTestUser } from '../support/auth.js';
import { screenshot, useBrowserApp } from '../support/browser.js';
import { insertSentReferrals } from '../api/coverage-fixtures.js';

const app = useBrowserApp();

const counts = (page: Page, column: number) =>
  page
    .locator('ct-coverage-matrix tbody tr')
    .evaluateAll((rows, column) => rows.map((row) => Number(row.children[column]?.querySelector('.count')?.textContent ?? 0)), column);

test('an anonymous visitor sorts the matrix, sees the gaps, maps a category and downloads the CSV', async () => {
  const page = await app.open();
  await page.goto('/coverage');
  const matrix = page.locator('ct-coverage-matrix');
  await matrix.locator('tbody tr').first().waitFor();
  assert.equal(await matrix.locator('tbody tr').count(), 19, 'one row per governorate');
  assert.ok((await matrix.locator('td.gap').count()) > 0, 'gaps are marked');
  assert.match((await matrix.locator('td.gap').first().textContent()) ?? '', /Gap/);
  assert.equal(await page.locator('ct-coverage-view').getByRole('heading', { name: 'Referrals: are they answered?' }).count(), 0);

  // Sort by the first category with the keyboard: largest first, then smallest first.
  const header = matrix.locator('thead th').nth(1);
  await header.locator('button').focus();
  await page.keyboard.press('Enter');
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const descending = await counts(page, 1);
  assert.deepEqual(descending, [...descending].sort((a, b) => b - a));
  await page.keyboard.press('Enter');
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  const ascending = await counts(page, 1);
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));

  // The first press on Gaps puts the largest gaps first.
  const gapsHeader = matrix.locator('thead th').last();
  await gapsHeader.locator('button').click();
  assert.equal(await gapsHeader.getAttribute('aria-sort'), 'descending');
  const gaps = await matrix.locator('tbody tr td:last-child').allTextContents();
  const gapCounts = gaps.map((text) => Number(text.trim()));
  assert.deepEqual(gapCounts, [...gapCounts].sort((a, b) => b - a));
  assert.ok(gapCounts[0]! > gapCounts.at(-1)!, 'the gaps differ between governorates');

  // The filter goes into the URL and narrows the columns.
  await page.locator('ct-coverage-view').getByLabel('Type of service', { exact: true }).selectOption('health');
  await page.waitForURL(/\/coverage\?category=health$/);
  await matrix.locator('thead th').nth(3).waitFor();
  assert.equal(await matrix.locator('thead th').count(), 1 + 2 + 2, 'governorate, medical, mhpss, total, gaps');

  // The map shows the category picked, and its table the same figures.
  const map = page.locator('ct-choropleth-map');
  await map.locator('.leaflet-control-zoom').waitFor();
  await page.getByLabel('Type of service on the map').selectOption('mhpss');
  await page.waitForURL(/map=mhpss/);
  const figure = page.locator('ct-coverage-figure').filter({ has: map });
  assert.match((await figure.getAttribute('caption')) ?? '', /Mental health/);
  assert.equal(await figure.locator('tbody tr').count(), 19);
  assert.ok((await map.locator('.legend').textContent())?.includes('Gap: no active service'));
  await assertLabelsApart(map);
  await figure.getByRole('button', { name: 'Show as table' }).click();
  assert.equal(await map.isVisible(), false);
  await figure.getByRole('link', { name: 'Al-Basrah' }).waitFor();
  await figure.getByRole('button', { name: 'Show as table' }).click();

  await page.locator('ct-bar-chart').first().waitFor();
  await screenshot(page, 'coverage-en');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  assert.match(download.suggestedFilename(), /^coverage-category-health-\d{4}-\d{2}-\d{2}\.csv$/, 'the file name says it is filtered');
  const csv = await readFile((await download.path())!, 'utf8');
  const [title, headerLine] = csv.split('\r\n');
  assert.match(title!, /^\uFEFF"?Coverage of the referral directory, .*Filters: Categories: health"?,*$/, 'BOM and the filters first');
  assert.ok(headerLine!.startsWith('Governorate,'), 'then the header');
  assert.equal(csv.trimEnd().split('\r\n').length, 2 + 19 * 2, 'the filtered categories only');
  assert.equal(await page.getByRole('link', { name: 'Download HXL CSV' }).getAttribute('href'), '/api/v1/coverage.csv?category=health&hxl=1');
  await page.context().close();
});

test('in Arabic the dashboard is right to left, with the first column fixed at the right', async () => {
  const page = await app.open({ language: 'ar' });
  await page.goto('/coverage?rows=categories');
  const matrix = page.locator('ct-coverage-matrix');
  await matrix.locator('tbody tr').first().waitFor();
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.locator('ct-coverage-view h1').textContent(), 'التغطية والفجوات');
  assert.equal(await matrix.locator('thead th').count(), 1 + 19 + 2, 'categories as rows, governorates as columns');
  const table = await matrix.locator('.scroll').boundingBox();
  const first = await matrix.locator('thead th').first().boundingBox();
  assert.ok(table && first && first.x + first.width > table.x + table.width - 4, 'the first column is at the right');
  await page.locator('ct-choropleth-map .leaflet-top.leaflet-right .leaflet-control-zoom').waitFor();
  // Bars are drawn (sizes set despite the CSP) and grow from the right.
  const track = await page.locator('ct-bar-chart .track').first().boundingBox();
  const segment = await page.locator('ct-bar-chart .segment').first().boundingBox();
  assert.ok(track && segment && segment.width > 0, 'the longest bar has a width');
  assert.ok(Math.abs(segment.x + segment.width - (track.x + track.width)) < 1, 'its first segment starts at the right');
  await screenshot(page, 'coverage-ar');
  await page.context().close();
});

test('a government liaison sees referral figures per governorate, small counts as "fewer than 5" in each language', async () => {
  // Counted in whole completed months: ten in Al-Basrah and two in Ninawa last month. Ninawa's 2 is
  // withheld, and so is Al-Basrah's 10, or the national 12 would give the 2 back.
  const now = new Date();
  const sentAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 9));
  await insertSentReferrals([
    ...Array.from({ length: 5 }, () => ({ governorate: 'IQ-BA', status: 'accepted' as const, sentAt, acknowledgedAfter: 2, acceptedAfter: 6 })),
    ...Array.from({ length: 5 }, () => ({ governorate: 'IQ-BA', status: 'declined' as const, sentAt, acknowledgedAfter: 4 })),
    { governorate: 'IQ-NA', status: 'sent', sentAt },
    { governorate: 'IQ-NA', status: 'sent', sentAt },
  ]);
  const { user, password } = await createTestUser({ role: 'gov-liaison' });
  const page = await app.open();
  await page.goto('/sign-in?next=%2Fcoverage');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/coverage$/);

  const view = page.locator('ct-coverage-view');
  await view.getByRole('heading', { name: 'Referrals: are they answered?' }).waitFor();
  const figure = view.locator('ct-coverage-figure[caption="Referrals by governorate"]');
  await figure.locator('tbody tr').first().waitFor();
  const basrah = figure.locator('tbody tr').filter({ hasText: 'Al-Basrah' });
  assert.deepEqual((await basrah.locator('td').allTextContents()).map((t) => t.trim()), ['fewer than 5', '10', '5', '5', '50%', '3 hrs']);
  assert.match((await view.locator('.summary').last().textContent()) ?? '', /12 referrals sent/);
  assert.match((await view.locator('section[aria-labelledby="referrals-title"] p').first().textContent()) ?? '', /whole past calendar months.*“fewer than 5”/s);
  assert.equal(await figure.locator('ct-bar-chart').count(), 3);
  await screenshot(page, 'coverage-liaison-en');

  for (const [language, fewer] of [['ar', 'أقل من 5'], ['ckb', 'کەمتر لە ٥']] as const) {
    await page.evaluate((lang) => localStorage.setItem('ct-directory.language', lang), language);
    await page.reload();
    const rows = page.locator('ct-coverage-view section[aria-labelledby="referrals-title"] tbody tr');
    await rows.first().waitFor();
    const firstColumn = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.trim()));
    assert.equal(firstColumn.filter((text) => text === fewer).length, 2, `${language}: ${JSON.stringify(firstColumn)}`);
    await screenshot(page, `coverage-liaison-${language}`);
  }
  await page.context().close();
});

test('the governorate page lists the activities there', async () => {
  const page = await app.open();
  await page.goto('/governorates/IQ-BG');
  const section = page.locator('ct-governorate-view section[aria-labelledby="activities"]');
  await section.waitFor();
  assert.match((await section.locator('h2').textContent()) ?? '', /Awareness and training activities/);
  assert.match((await section.locator('p').first().textContent()) ?? '', /In the last twelve months|No activities/);
  await page.context().close();
});

/** No two governorate labels on the map cover each other, and some are shown (once the map has settled). */
async function assertLabelsApart(map: Locator): Promise<void> {
  // Boxes are read in the page, compared here (a helper defined inside evaluate would not survive tsx).
  const overlapping = async () => {
    const boxes = await map
      .locator('.gov-label')
      .evaluateAll((labels) => labels.map((label) => ({ ...(label.getBoundingClientRect().toJSON() as DOMRect), text: label.textContent })));
    const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    const pairs = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => !apart(a, b)).map((b) => `${a.text} × ${b.text}`));
    return { shown: boxes.length, pairs };
  };
  let last = await overlapping();
  for (let tries = 0; tries < 20 && (last.pairs.length || last.shown < 3); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await overlapping();
  }
  assert.ok(last.shown >= 3, `labels shown: ${last.shown}`);
  assert.deepEqual(last.pairs, [], 'labels that overlap');
}
