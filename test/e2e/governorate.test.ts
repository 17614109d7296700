/**
 * The governorate page and its one-page printable referral pathway (English and Arabic side by
 * side), plus signing in from a service page. Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
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

for (const language of ['en', 'ar'] as const) {
  test(`print view (${language} interface): one A4 page, English and Arabic side by side`, async () => {
    const page = await open({ language });
    await page.goto('/governorates/IQ-BA/print');
    await page.locator('ct-governorate-print-view[data-ready]').waitFor();
    const sheet = page.locator('ct-governorate-print-view .sheet');
    assert.match((await sheet.locator('h1[lang="en"], [lang="en"] h1').first().textContent()) ?? '', /Referral pathway — .*Basrah/);
    assert.match((await sheet.locator('[lang="ar"] h1').first().textContent()) ?? '', /مسار الإحالة — البصرة/);
    const firstRow = sheet.locator('tbody tr:not(.category):not(.more)').first();
    assert.equal(await firstRow.locator('td').first().getAttribute('dir'), 'ltr');
    assert.equal(await firstRow.locator('td').last().getAttribute('dir'), 'rtl');
    assert.ok((await sheet.locator('.phones a[href^="tel:"]').count()) > 0, 'numbers to call');
    // Hotlines come first on the pathway.
    assert.match((await sheet.locator('tr.category th').first().textContent()) ?? '', /Hotlines/);

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('ct-app .header-inner').isVisible(), false, 'no site header on paper');
    assert.equal(await page.locator('ct-governorate-print-view .toolbar').isVisible(), false);
    await screenshot(page, `print-${language}`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    assert.equal(pdfPageCount(pdf), 1, 'the pathway fits on one page');
    await page.context().close();
  });
}

test('signing in from a service page comes back to it, shows who is signed in, and offers to refer', async () => {
  const { user, password } = await createTestUser({ role: 'caseworker' });
  const page = await open();
  const { items } = (await (await fetch(`${app.baseUrl}/api/v1/services?acceptsReferrals=true&perPage=1`)).json()) as {
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
