/**
 * Where no one receives referrals on the platform, the service page offers a call instead of the
 * referral form: "Refer by phone" as a tap-to-call link, in each language. A platform admin invites
 * such an organisation to claim its record and confirms its first admin; then it accepts referrals.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { OutboxMessageModel } from '../../server/platform/mail/outbox.model.js';
import { createTestUser, strongPassword } from '../support/auth.js';
import { chooseLanguage, screenshot, signInThroughForm, useBrowserApp, type PageOptions } from '../support/browser.js';

const app = useBrowserApp();

test('a service of an organisation without members says "refer by phone" with a tel: link, in Arabic and Sorani', async () => {
  // It says it accepts referrals, but nobody there has an account to read them.
  const org = await OrganizationModel.create({ name: { en: 'Dohuk Legal Aid' }, type: 'local-ngo', acceptsReferrals: true });
  const service = await ServiceModel.create({
    organizationId: org._id,
    name: { en: 'Legal counselling', ar: 'استشارة قانونية', ckb: 'ڕاوێژی یاسایی' },
    categories: ['legal-aid'],
    governorates: ['IQ-DA'],
    acceptsReferrals: true,
    phones: [{ number: '+964 750 123 4567' }],
  });

  const page = await app.open();
  await page.goto(`/services/${service._id.toString()}`);
  const expected = [
    { lang: 'ar', name: 'الإحالة عبر الهاتف', accepts: 'تقبل الإحالات' },
    { lang: 'ckb', name: 'ڕەوانەکردن بە تەلەفۆن', accepts: 'ڕەوانەکردن وەردەگرێت' },
  ] as const;
  for (const { lang, name, accepts } of expected) {
    await chooseLanguage(page, lang);
    const call = page.locator('ct-service-view header a.refer-by-phone');
    await call.waitFor();
    assert.equal((await call.textContent())?.replace(/\s+/g, ' ').trim(), `${name} +964 750 123 4567`, lang);
    assert.equal(await call.getAttribute('href'), 'tel:+9647501234567', lang);
    assert.equal(await page.locator('ct-service-view header .badge.positive', { hasText: accepts }).count(), 0, `${lang}: not shown as accepting`);
  }
  await screenshot(page, 'refer-by-phone-ckb');
  await page.context().close();
});

/** A page signed in through the sign-in form, on `path`. */
async function signedIn(path: string, who: { email: string; password: string }, options: PageOptions = {}) {
  const page = await app.open(options);
  await signInThroughForm(page, path, who);
  return page;
}

test('a platform admin invites an organisation to claim its record and confirms its first admin, in Arabic; then it accepts referrals', async () => {
  const name = 'Erbil Claimable Support Centre';
  const email = `office.${Date.now()}@erbil-support.example.test`;
  const { user, password } = await createTestUser({ role: 'platform-admin', name: 'Rana Admin' });
  const admin = { email: user.email, password };

  const orgsPage = await signedIn('/admin/organizations', admin, { language: 'ar' });
  // Made through the API, as an admin adds one, so that the admin's search finds it.
  const { token: adminCsrf } = (await (await orgsPage.request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const created = await orgsPage.request.post('/api/v1/organizations', {
    headers: { 'X-CSRF-Token': adminCsrf },
    data: { name: { en: name }, type: 'local-ngo', acceptsReferrals: true, email, governorates: ['IQ-AR'] },
  });
  assert.equal(created.status(), 201, await created.text());
  const org = (await created.json()) as { id: string };
  const service = await ServiceModel.create({ organizationId: org.id, name: { en: 'Case management' }, categories: ['legal-aid'], governorates: ['IQ-AR'], acceptsReferrals: true });
  const orgs = orgsPage.locator('ct-admin-organizations');
  await orgs.locator('#filter-q').fill('Claimable');
  await orgs.locator('#filter-q').press('Enter');
  await orgs.locator('tr', { hasText: name }).getByRole('button', { name: /دعوة لتولّي سجلّها/ }).click();
  await orgs.getByRole('status').filter({ hasText: `أُرسل رابط لتولّي سجلّ ${name}` }).waitFor();
  await orgsPage.context().close();

  // The link went to the address on the record; the claimant opens the account (pending).
  const mail = await OutboxMessageModel.findOne({ to: email }).lean();
  assert.equal(mail!.subject, 'تولَّ سجلّ منظمتك في دليل الإحالة', 'in the language the admin works in');
  const token = /#token=([A-Za-z0-9_-]+)$/.exec(mail!.link!)![1]!;
  const claimant = await app.open();
  const { token: csrf } = (await (await claimant.request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const opened = await claimant.request.post('/api/v1/invitations/accept', { headers: { 'X-CSRF-Token': csrf }, data: { token, name: 'Shilan Director', password: strongPassword() } });
  assert.equal(opened.status(), 201);
  await claimant.context().close();

  const usersPage = await signedIn('/admin/users', admin, { language: 'ar' });
  const users = usersPage.locator('ct-admin-users');
  const row = users.locator('tr', { hasText: email });
  assert.match((await row.textContent()) ?? '', /بانتظار التأكيد/);
  await row.getByRole('button', { name: /تأكيد/ }).click();
  await users.getByRole('status').filter({ hasText: 'تم تأكيد حساب Shilan Director' }).waitFor();
  await usersPage.context().close();

  const page = await app.open({ language: 'ar' });
  await page.goto(`/services/${service._id.toString()}`);
  await page.locator('ct-service-view header .badge.positive', { hasText: 'تقبل الإحالات' }).waitFor();
  assert.equal(await page.locator('ct-service-view header a.refer-by-phone').count(), 0);
  await page.context().close();
});
