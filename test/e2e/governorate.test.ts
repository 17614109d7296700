/**
 * The governorate page and its one-page printable referral pathway (English beside Arabic or
 * Sorani), plus signing in from a service page. Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { encodeQr } from '../../client/src/components/qr-code/qr-matrix.js';
import { createTestUser } from '../support/auth.js';
import { screenshot, useBrowserApp, type PageOptions } from '../support/browser.js';

const app = useBrowserApp();
const open = (options?: PageOptions): Promise<Page> => app.open(options);

/** Pages in a PDF as Chromium writes them (one uncompressed /Type /Page object per page). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

test('the governorate page lists services by category with whom to call', async () => {
  const page = await open();
  await page.goto('/governorates/IQ-NA');
  const view = page.locator('ct-governorate-view');
  await view.locator('h1').waitFor();
  assert.match((await view.locator('h1').textContent()) ?? '', /Najaf/);
  assert.ok((await view.locator('section h2').count()) > 0, 'at least one category');
  await view.locator('a[href^="tel:"]').first().waitFor();
  await view.getByRole('link', { name: 'Print referral pathway' }).click();
  await page.waitForURL(/\/governorates\/IQ-NA\/print$/);
  await page.context().close();
});

/** Emulates print media and counts the pages of the A4 PDF Chromium makes of the page (screenshot if named). */
async function printedPages(page: Page, name?: string): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('ct-app .header-inner').isVisible(), false, 'no site header on paper');
  assert.equal(await page.locator('ct-governorate-print-view .toolbar').isVisible(), false);
  if (name) await screenshot(page, name);
  return pdfPageCount(await page.pdf({ format: 'A4', printBackground: true }));
}

/**
 * The pathway's QR code links the governorate's page in the printed language: its label is that
 * address, and the modules drawn (read back from the SVG path) are that address encoded.
 */
async function assertQrCode(page: Page, code: string, language: string): Promise<void> {
  const qr = page.locator('ct-governorate-print-view .sheet footer ct-qr-code svg');
  const link = `${app.baseUrl}/governorates/${code}?lang=${language}`;
  assert.equal(await qr.getAttribute('aria-label'), link);
  const side = Number((await qr.getAttribute('viewBox'))!.split(' ')[2]);
  const drawn = Array.from({ length: side - 8 }, () => new Array<boolean>(side - 8).fill(false));
  for (const [, x, y] of (await qr.locator('path').getAttribute('d'))!.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) drawn[Number(y) - 4]![Number(x) - 4] = true;
  assert.deepEqual(drawn, encodeQr(link).modules);
  const box = (await qr.boundingBox())!;
  assert.ok(box.width >= 70 && box.width === box.height, `a square code large enough to scan: ${box.width}×${box.height} px`);
}

for (const language of ['en', 'ar'] as const) {
  test(`print view (${language} interface): one A4 page, English and Arabic side by side`, async () => {
    const page = await open({ language });
    await page.goto('/governorates/IQ-BA/print');
    await page.locator('ct-governorate-print-view[data-ready]').waitFor();
    const sheet = page.locator('ct-governorate-print-view .sheet');
    assert.match((await sheet.locator('[lang="en"] h1').first().textContent()) ?? '', /Referral pathway — .*Basrah/);
    assert.match((await sheet.locator('[lang="ar"] h1').first().textContent()) ?? '', /مسار الإحالة — البصرة/);
    const firstRow = sheet.locator('tbody tr:not(.category):not(.more)').first();
    assert.equal(await firstRow.locator('td').first().getAttribute('dir'), 'ltr');
    assert.equal(await firstRow.locator('td').last().getAttribute('dir'), 'rtl');
    assert.ok((await sheet.locator('.phones a[href^="tel:"]').count()) > 0, 'numbers to call');
    // Hotlines come first on the pathway.
    assert.match((await sheet.locator('tr.category th').first().textContent()) ?? '', /Hotlines/);
    await assertQrCode(page, 'IQ-BA', language);
    assert.match((await sheet.locator('footer [lang="ar"]').textContent()) ?? '', /امسح الرمز لأحدث نسخة من هذه الصفحة/);
    assert.equal(await printedPages(page, `print-${language}`), 1, 'the pathway fits on one page');
    await page.context().close();
  });
}

test('print view in Sorani: English and Sorani side by side, on one A4 page', async () => {
  const page = await open({ language: 'ckb' });
  await page.goto('/governorates/IQ-AR/print');
  await page.locator('ct-governorate-print-view[data-ready]').waitFor();
  const sheet = page.locator('ct-governorate-print-view .sheet');
  assert.match((await sheet.locator('[lang="en"] h1').first().textContent()) ?? '', /Referral pathway — Erbil/);
  assert.equal((await sheet.locator('[lang="ckb"] h1').first().textContent())?.trim(), 'ڕێڕەوی ڕەوانەکردن — هەولێر');
  assert.equal((await sheet.locator('thead th[lang="ckb"]').textContent())?.trim(), 'دابینکراوە لەلایەن');
  assert.equal(await sheet.locator('[lang="ar"]').count(), 0, 'no Arabic column');
  assert.equal(await sheet.locator('tbody tr:not(.category)').first().locator('td').last().getAttribute('dir'), 'rtl');
  await assertQrCode(page, 'IQ-AR', 'ckb');
  assert.match((await sheet.locator('footer [lang="en"]').textContent()) ?? '', /Scan the code for the latest version of this page/);
  assert.equal(await printedPages(page, 'print-ckb-erbil'), 1, 'the pathway fits on one page');
  await page.context().close();
});

test('the address the QR code holds opens the governorate page in its language, leaving the stored choice', async () => {
  const page = await open({ language: 'en' });
  await page.goto('/governorates/IQ-AR?lang=ckb');
  const heading = page.locator('ct-governorate-view h1');
  await heading.waitFor();
  assert.match((await heading.textContent()) ?? '', /هەولێر/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ckb');
  assert.equal(await page.evaluate(() => localStorage.getItem('ct-directory.language')), 'en');
  await page.context().close();
});

test('the pathway of every governorate fits one A4 page in each language', { timeout: 300_000 }, async () => {
  const { items } = (await (await fetch(`${app.baseUrl}/api/v1/governorates`)).json()) as { items: Array<{ code: string }> };
  assert.equal(items.length, 19);
  const longer: string[] = [];
  for (const language of ['en', 'ar', 'ckb'] as const) {
    const page = await open({ language });
    for (const { code } of items) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`/governorates/${code}/print`);
      await page.locator('ct-governorate-print-view[data-ready]').waitFor();
      const pages = await printedPages(page);
      if (pages !== 1) longer.push(`${code} in ${language}: ${pages} pages`);
    }
    await page.context().close();
  }
  assert.deepEqual(longer, []);
});

test('signing in from a service page comes back to it, shows who is signed in, and offers to refer', async () => {
  // A service whose organisation takes referrals, with someone there to receive them.
  const receiving = await OrganizationModel.findOne({ acceptsReferrals: true }, { _id: 1 }).lean();
  await createTestUser({ role: 'caseworker', organizationId: String(receiving!._id) });
  await ServiceModel.create({ organizationId: receiving!._id, name: { en: 'Legal advice desk' }, categories: ['legal-aid'], governorates: ['IQ-NA'], acceptsReferrals: true });
  const { user, password } = await createTestUser({ role: 'caseworker' });
  const page = await open();
  const listed = `${app.baseUrl}/api/v1/services?acceptsReferrals=true&organization=${String(receiving!._id)}&perPage=1`;
  const { items } = (await (await fetch(listed)).json()) as {
    items: Array<{ id: string }>;
  };
  const serviceId = items[0]!.id;
  await page.goto(`/services/${serviceId}`);
  await page.locator('ct-service-view h1').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Refer to this service' }).count(), 0, 'not offered to anonymous visitors');

  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('The email or password is not correct.').waitFor();

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`/services/${serviceId}$`));
  await page.locator('ct-app .account').waitFor();
  assert.match((await page.locator('ct-app .account').textContent()) ?? '', new RegExp(user.name));
  const refer = page.getByRole('link', { name: 'Refer to this service' });
  assert.equal(await refer.getAttribute('href'), `/referrals/new?service=${serviceId}`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  await page.context().close();
});
