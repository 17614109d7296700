/**
 * The screens for the directory's own records and for referral figures, in the browser: a platform
 * admin creates an organisation, finds it, archives and restores it; adds a category (Arabic
 * interface) that the directory then offers as a filter; a government liaison reads referral volumes
 * and the partner network on the dashboard. Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { ReferralModel } from '../../server/referrals/referral.model.js';
import { createTestOrganization, createTestUser } from '../support/auth.js';
import { screenshot, useBrowserApp, type PageOptions } from '../support/browser.js';
import { signInOverHttp } from '../support/http-session.js';
import { referralBody } from '../api/referrals-fixtures.js';

const app = useBrowserApp();

async function signedInAt(path: string, role: 'platform-admin' | 'gov-liaison', options: PageOptions = {}): Promise<Page> {
  const { user, password } = await createTestUser({ role });
  const page = await app.open(options);
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.locator('ct-sign-in-view #email').fill(user.email);
  await page.locator('ct-sign-in-view #password').fill(password);
  await page.locator('ct-sign-in-view button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === path);
  return page;
}

test('a platform admin creates an organisation, finds it, archives and restores it', async () => {
  const page = await signedInAt('/admin/organizations', 'platform-admin');
  const view = page.locator('ct-admin-organizations');
  await view.locator('tbody tr').first().waitFor();

  await view.getByRole('button', { name: 'Add an organisation' }).click();
  await view.getByRole('button', { name: 'Create the organisation' }).click();
  // Checked in the browser with the server's own schema: the name is missing.
  await view.getByText('Write the name in at least one language.').first().waitFor();

  const form = view.locator('section[aria-labelledby="new-organization-title"]');
  await form.locator('ct-translated-fields').first().locator('#input-en').fill('Tigris Women’s Shelter');
  await form.locator('ct-translated-fields').first().locator('#input-ar').fill('ملجأ دجلة للنساء');
  await form.getByLabel('Type of organisation').selectOption('community-based');
  await form.locator('input[type="checkbox"][value="IQ-BG"]').check();
  await view.getByRole('button', { name: 'Create the organisation' }).click();
  const link = view.getByRole('link', { name: 'Open the page of Tigris Women’s Shelter' });
  await link.waitFor();
  const id = (await link.getAttribute('href'))!.split('/').pop()!;
  const stored = await OrganizationModel.findById(id).lean();
  assert.deepEqual([stored?.type, stored?.governorates], ['community-based', ['IQ-BG']]);

  await view.getByLabel('Name or words').fill('tigris women');
  await view.getByRole('button', { name: 'Apply filters' }).click();
  const row = view.locator('tbody tr', { hasText: 'Tigris Women’s Shelter' });
  // Created by a platform admin: checked as made, not sent to the verification queue.
  await row.getByText('Verified', { exact: true }).waitFor();
  assert.equal(await row.getByRole('link').getAttribute('href'), `/organizations/${id}`);
  await screenshot(page, 'admin-organizations-en');

  await row.getByRole('button', { name: /^Archive\s?: Tigris Women’s Shelter$/ }).click();
  await view.getByRole('status').filter({ hasText: 'Tigris Women’s Shelter is archived' }).waitFor();
  await view.getByText('No organisations match these filters.').waitFor();
  const archivedAt = async () => (await OrganizationModel.findById(id).lean<{ archivedAt: Date | null }>())?.archivedAt;
  assert.ok(await archivedAt(), 'archived in the database');

  await view.getByLabel('Archived organisations').selectOption('only');
  await view.getByRole('button', { name: 'Apply filters' }).click();
  await row.getByText(/Archived on/).waitFor();
  await row.getByRole('button', { name: /^Restore\s?: Tigris Women’s Shelter$/ }).click();
  await view.getByRole('status').filter({ hasText: 'Tigris Women’s Shelter is restored' }).waitFor();
  assert.equal(await archivedAt(), null);
  await page.context().close();
});

test('a platform admin adds a category in Arabic and the directory offers it as a filter', async () => {
  const page = await signedInAt('/admin/taxonomy', 'platform-admin', { language: 'ar' });
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  const view = page.locator('ct-admin-taxonomy');
  await view.getByRole('heading', { name: 'إضافة نوع خدمة إلى مجموعة' }).waitFor();
  await view.getByText('أرشفة نوع الخدمة تُخفيه من عوامل التصفية').waitFor();

  await view.getByLabel('المجموعة').selectOption('health');
  await view.getByLabel('الرمز').fill('Peer Support');
  const name = view.locator('ct-translated-fields[name="name"]');
  await name.locator('#input-ar').fill('مجموعات دعم الأقران');
  await name.locator('#input-en').fill('Peer support groups');
  await view.getByRole('button', { name: 'إضافة نوع الخدمة' }).click();
  // The code is checked in the browser with the server's rule before anything is sent.
  await view.getByText('استخدم من 2 إلى 40 من الأحرف اللاتينية الصغيرة').waitFor();
  await view.getByLabel('الرمز').fill('peer-support');
  await view.getByRole('button', { name: 'إضافة نوع الخدمة' }).click();
  await view.getByRole('status').filter({ hasText: 'تمت إضافة مجموعات دعم الأقران' }).waitFor();
  const row = view.locator('tbody tr', { hasText: 'مجموعات دعم الأقران' });
  await row.waitFor();
  await screenshot(page, 'admin-taxonomy-ar');

  // Names are changed with the ETag read when editing began; archiving and restoring say what they did.
  await row.getByRole('button', { name: /تعديل الأسماء/ }).click();
  const edit = view.locator('form.edit');
  await edit.locator('ct-translated-fields[name="name"] #input-ckb').fill('گرووپەکانی پشتگیریی هاوتایان');
  await edit.getByRole('button', { name: 'حفظ الأسماء' }).click();
  await view.getByRole('status').filter({ hasText: 'تم حفظ أسماء مجموعات دعم الأقران' }).waitFor();
  await row.getByRole('button', { name: /أرشفة/ }).click();
  await row.getByText(/أُرشف في/).waitFor();
  await row.getByRole('button', { name: /استعادة/ }).click();
  await row.getByText('معروض').waitFor();
  await page.context().close();

  // A category is offered as a filter once a service is filed under it.
  const organizationId = await createTestOrganization();
  await ServiceModel.create({ organizationId, name: { en: 'Peer circle' }, categories: ['peer-support'], governorates: ['IQ-BG'] });
  const directory = await app.open();
  await directory.goto('/');
  await directory.locator('ct-facet-filter[name="category"]').getByRole('button', { name: /Peer support groups/ }).waitFor();
  await directory.context().close();
});

test('a government liaison sees referral volumes and the partner network on the dashboard', async () => {
  const pair = [`Anbar Legal Clinic ${Date.now()}`, `Basrah Safe House ${Date.now()}`] as const;
  const [clinic, safeHouse] = await Promise.all(pair.map((name) => createTestOrganization('local-ngo', name)));
  // A caseworker at each side: an organisation receives referrals only once someone there can.
  const caseworkers = new Map(
    await Promise.all(
      [clinic!, safeHouse!].map(async (organizationId) => [organizationId, await createTestUser({ role: 'caseworker', organizationId })] as const),
    ),
  );
  const send = async (from: string, to: string, overrides: Record<string, unknown>) => {
    const { user, password } = caseworkers.get(from)!;
    const { cookie, csrf } = await signInOverHttp(app.baseUrl, user.email, password);
    const res = await fetch(`${app.baseUrl}/api/v1/referrals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Cookie: cookie },
      body: JSON.stringify(referralBody(to, { send: true, ...overrides })),
    });
    assert.equal(res.status, 201, await res.text());
  };
  await send(clinic!, safeHouse!, { urgency: 'emergency' });
  await send(clinic!, safeHouse!, { urgency: 'high' });
  await send(safeHouse!, clinic!, { urgency: 'emergency' });
  // Between two other organisations a liaison sees whole past months only: these were sent last month.
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10));
  await ReferralModel.updateMany({ fromOrganizationId: { $in: [clinic, safeHouse] } }, { $set: { sentAt: lastMonth } });

  const page = await signedInAt('/coverage', 'gov-liaison');
  const figures = page.locator('ct-referral-figures');
  await figures.getByRole('heading', { name: 'Referral volumes' }).waitFor();
  const urgency = figures.locator('ct-coverage-figure[caption="Referrals by urgency"]');
  const emergency = (await urgency.locator('tbody tr', { hasText: 'Emergency' }).locator('td').textContent())?.trim();
  // Counts of 1 to 4 beyond the liaison's own organisation read "fewer than 5" (PERMISSIONS.md).
  assert.ok(emergency === 'fewer than 5' || Number(emergency) >= 2, `both emergencies counted: ${emergency}`);
  assert.ok((await figures.locator('ct-coverage-figure[caption="Referrals by where they stand now"] ct-bar-chart').count()) === 1);

  const network = figures.locator('table.network');
  const row = network.locator('tbody tr', { hasText: pair[0] }).filter({ hasText: pair[1] });
  await row.waitFor();
  // Alphabetical: the clinic is A, the safe house B; agreements, A → B, B → A, in all — an aggregate of
  // two other organisations: no direction, and 3 shown as "fewer than 5".
  assert.deepEqual((await row.locator('td.number').allTextContents()).map((t) => t.trim()), ['0', 'not shown', 'not shown', 'fewer than 5']);
  await figures.getByText(/only in whole past calendar months/).waitFor();
  const total = network.getByRole('columnheader', { name: /Referrals in all/ });
  await total.getByRole('button').click();
  assert.equal(await total.getAttribute('aria-sort'), 'ascending');

  // A period that ended before these referrals leaves them out.
  await figures.getByLabel('Sent until').fill('2020-01-31');
  await figures.getByRole('button', { name: 'Show this period' }).click();
  await figures.getByText('Referrals sent until').first().waitFor();
  await row.waitFor({ state: 'detached' });
  await figures.getByLabel('Sent until').fill('');
  await figures.getByRole('button', { name: 'Show this period' }).click();
  await row.waitFor();
  await network.scrollIntoViewIfNeeded();
  await screenshot(page, 'coverage-network-en');
  await page.context().close();
});
