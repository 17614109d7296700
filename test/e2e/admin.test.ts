/**
 * Administration and account pages in the browser: the verification queue (English, then Arabic),
 * the audit log entry of a verification, an import whose CSV has an error, and an invitation
 * accepted from its mail link. Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { OutboxMessageModel } from '../../server/platform/mail/outbox.model.js';
import { table } from '../../server/standards/hsds/spec.js';
import { createTestOrganization, createTestUser, strongPassword } from '../support/auth.js';
import { screenshot, signInThroughForm, useBrowserApp, type PageOptions } from '../support/browser.js';

const app = useBrowserApp();

/** A page signed in through the sign-in form, on `path`. */
async function signedIn(path: string, who: { email: string; password: string }, options: PageOptions = {}): Promise<Page> {
  const page = await app.open(options);
  await signInThroughForm(page, path, who);
  return page;
}

let admin: { email: string; password: string } | undefined;
async function platformAdmin() {
  if (!admin) {
    const { user, password } = await createTestUser({ role: 'platform-admin', name: 'Rana Admin' });
    admin = { email: user.email, password };
  }
  return admin;
}

test('a platform admin verifies a new organisation from the queue (English, then Arabic) and the audit log shows it', async () => {
  const name = { en: 'Fresh Start Legal Aid', ar: 'بداية جديدة للمساعدة القانونية' };
  const orgId = (await OrganizationModel.create({ name, type: 'local-ngo' }))._id.toHexString();

  const en = await signedIn('/admin/verification', await platformAdmin());
  const queue = en.locator('ct-admin-verification');
  const row = queue.locator('tbody tr', { hasText: name.en });
  await row.waitFor();
  assert.equal(await queue.locator('tbody tr').first().locator('th a').textContent(), name.en, 'the newest first');
  assert.equal(await row.locator('th a').getAttribute('href'), `/organizations/${orgId}`);
  assert.match((await row.textContent()) ?? '', /New/);
  await screenshot(en, 'admin-verification-en');
  await en.context().close();

  const ar = await signedIn('/admin/verification', await platformAdmin(), { language: 'ar' });
  assert.equal(await ar.evaluate(() => document.documentElement.dir), 'rtl');
  const arQueue = ar.locator('ct-admin-verification');
  const arRow = arQueue.locator('tbody tr', { hasText: name.ar });
  await arRow.waitFor();
  await screenshot(ar, 'admin-verification-ar');
  await arRow.getByRole('button', { name: `التحقق من ${name.ar}` }).click();
  await arQueue.getByRole('status').filter({ hasText: `تم التحقق من ${name.ar}` }).waitFor();
  await arQueue.locator('tbody tr', { hasText: name.ar }).waitFor({ state: 'detached' });
  assert.equal((await OrganizationModel.findById(orgId).lean())?.verification?.status, 'verified');
  await ar.context().close();

  const audit = await signedIn('/admin/audit', await platformAdmin());
  const log = audit.locator('ct-admin-audit');
  await log.locator('tbody tr').first().waitFor();
  await log.getByLabel('Action', { exact: true }).fill('organization.verify');
  await log.getByRole('button', { name: 'Apply filters' }).click();
  // The entry names the record and the person, not their ids.
  const entry = log.locator('tbody tr', { hasText: name.en });
  await entry.waitFor();
  assert.match((await entry.textContent()) ?? '', /organization\.verify/);
  assert.doesNotMatch((await entry.textContent()) ?? '', new RegExp(orgId));
  assert.match((await entry.textContent()) ?? '', /Rana Admin/);
  assert.match((await entry.textContent()) ?? '', new RegExp((await platformAdmin()).email.replace(/\./g, '\\.')));
  await audit.context().close();
});

test('an import whose CSV has an error shows the row and column and imports nothing', async () => {
  const header = table('organization').fields.map((f) => f.name);
  const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '').join(',');
  const csv = [
    header.join(','),
    row({ id: '0f6b1c1e-7d4a-4e53-9a55-2b8f3c1d9e01', name: 'Imported Good NGO', organization_type: 'local-ngo' }),
    row({ id: '0f6b1c1e-7d4a-4e53-9a55-2b8f3c1d9e02', name: 'Imported Broken NGO', organization_type: 'space-agency' }),
  ].join('\r\n');

  const page = await signedIn('/admin/import', await platformAdmin());
  const view = page.locator('ct-admin-import');
  await view.locator('#import-file').setInputFiles({ name: 'organizations.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\r\n`) });
  await view.getByRole('button', { name: 'Check the file' }).click();
  const errors = view.locator('table.errors');
  await errors.waitFor();
  const problem = errors.locator('tbody tr').first();
  assert.deepEqual(
    (await problem.locator('td').allTextContents()).slice(0, 3).map((s) => s.trim()),
    ['organization', '3', 'organization_type'],
  );
  await view.getByText('The file has errors, so nothing will be imported.').waitFor();
  assert.equal(await view.getByRole('button', { name: 'Import now' }).count(), 0, 'no way to import a file with errors as it is');
  assert.equal(await OrganizationModel.countDocuments({ 'name.en': /^Imported / }), 0);
  await screenshot(page, 'admin-import-errors-en');
  await page.context().close();
});

test('an invitation sent from the users screen is accepted from its link, and the new account signs in', async () => {
  const organizationName = 'Invitation Test Shelter';
  await createTestOrganization('local-ngo', organizationName);
  const email = `invited.${Date.now()}@example.test`;

  const adminPage = await signedIn('/admin/users', await platformAdmin());
  const users = adminPage.locator('ct-admin-users');
  await users.locator('#invite-organization option', { hasText: organizationName }).waitFor({ state: 'attached' });
  await users.locator('#invite-email').fill(email);
  await users.locator('#invite-role').selectOption('caseworker');
  await users.locator('#invite-organization').selectOption({ label: organizationName });
  await users.getByRole('button', { name: 'Send invitation' }).click();
  await users.getByRole('status').filter({ hasText: `An invitation was sent to ${email}.` }).waitFor();
  await adminPage.context().close();

  const mail = await OutboxMessageModel.findOne({ to: email }).lean();
  const link = new URL(mail!.link!);
  assert.equal(link.pathname, '/account/accept-invitation');

  const page = await app.open();
  await page.goto(`${link.pathname}${link.hash}`);
  const accept = page.locator('ct-accept-invitation');
  const password = strongPassword();
  await accept.getByLabel('Name').fill('Layla Hassan');
  // A common password is refused before sending, in the words the server refuses it with.
  await accept.getByLabel('New password', { exact: true }).fill('password12345');
  await accept.getByLabel('New password again').fill('password12345');
  await accept.getByRole('button', { name: 'Open my account' }).click();
  await accept.getByText('This password is too common; choose a longer phrase of unrelated words.').waitFor();
  await accept.getByLabel('New password', { exact: true }).fill(password);
  await accept.getByLabel('New password again').fill('something else entirely');
  await accept.getByRole('button', { name: 'Open my account' }).click();
  const confirm = accept.getByLabel('New password again');
  await accept.getByText('The two passwords are not the same.').waitFor();
  assert.equal(await confirm.getAttribute('aria-invalid'), 'true');
  assert.equal(await confirm.getAttribute('aria-describedby'), 'confirmPassword-error');
  await confirm.fill(password);
  await accept.getByRole('button', { name: 'Open my account' }).click();
  await accept.getByText('Your account is open.').waitFor();
  await accept.getByRole('link', { name: 'Sign in' }).click();

  await page.waitForURL(/\/sign-in\?next=/);
  const form = page.locator('ct-sign-in-view');
  await form.locator('#email').fill(email);
  await form.locator('#password').fill(password);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/account');
  const profile = page.locator('ct-account-profile');
  await profile.getByText('Layla Hassan').waitFor();
  assert.match((await profile.locator('dl').textContent()) ?? '', /Caseworker/);
  assert.match((await profile.locator('dl').textContent()) ?? '', new RegExp(organizationName));
  await page.context().close();
});

test('a platform admin filters the accounts by role and status (Arabic): the list asks the server with the contract’s query', async () => {
  const org = await createTestOrganization('local-ngo', 'Filter Test NGO');
  await createTestUser({ role: 'caseworker', organizationId: org, name: 'Dilan Caseworker' });
  await createTestUser({ role: 'org-admin', organizationId: org, name: 'Zeina Director' });

  const page = await signedIn('/admin/users', await platformAdmin(), { language: 'ar' });
  const view = page.locator('ct-admin-users');
  await view.locator('tbody tr', { hasText: 'Zeina Director' }).waitFor();
  const asked = page.waitForRequest((r) => r.url().includes('/api/v1/users?') && r.url().includes('role=caseworker'));
  await view.locator('#filter-role').selectOption('caseworker');
  await view.locator('#filter-status').selectOption('active');
  await view.getByRole('button', { name: 'تطبيق عوامل التصفية' }).click();
  const url = new URL((await asked).url());
  assert.deepEqual([url.searchParams.get('role'), url.searchParams.get('status'), url.searchParams.get('page')], ['caseworker', 'active', '1']);
  await view.locator('tbody tr', { hasText: 'Dilan Caseworker' }).waitFor();
  assert.equal(await view.locator('tbody tr', { hasText: 'Zeina Director' }).count(), 0, 'the organisation admin is filtered out');
  await page.context().close();
});
