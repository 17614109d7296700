/**
 * The organisation workspace: editing the profile with translations side by side, the conflict
 * screen when someone else saved first, inviting a member, recording a campaign in several
 * governorates, and the read-only workspace of a caseworker. Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Role } from '../../server/contract/accounts/permission-matrix.js';
import { createTestOrganization, createTestUser } from '../support/auth.js';
import { screenshot, useBrowserApp, type PageOptions } from '../support/browser.js';

const app = useBrowserApp();

interface Answer {
  status: number;
  etag: string | null;
  body: Record<string, unknown>;
}

/** A page whose browser context is signed in as a new member of the organisation (the API's own sign-in). */
async function signedInPage(role: Role, organizationId: string, options?: PageOptions): Promise<{ page: Page; api: Api }> {
  const { user, password } = await createTestUser({ role, organizationId });
  const page = await app.open(options);
  const api = new Api(page);
  const login = await api.call('POST', '/auth/login', { email: user.email, password });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return { page, api };
}

/** JSON calls with the page's cookies and a CSRF token, as the web app makes them. */
class Api {
  #csrf: string | undefined;
  constructor(private readonly page: Page) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    if (method !== 'GET' && path !== '/auth/login') this.#csrf = undefined;
    this.#csrf ??= ((await (await this.page.request.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
    const response = await this.page.request.fetch(`/api/v1${path}`, {
      method,
      headers: { 'X-CSRF-Token': this.#csrf, ...headers },
      ...(body === undefined ? {} : { data: body }),
    });
    const text = await response.text();
    return { status: response.status(), etag: response.headers().etag ?? null, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }
}

const workspace = (page: Page) => page.locator('ct-workspace-view');

test('an organisation admin edits the profile in Arabic and Kurdish beside English, confirms a service still accurate, archives and restores it', async () => {
  const organizationId = await createTestOrganization('local-ngo', 'Basra Hope Association');
  const { page, api } = await signedInPage('org-admin', organizationId);
  const service = await api.call('POST', '/services', { organizationId, name: { en: 'Legal aid desk' }, governorates: ['IQ-BA'] });
  assert.equal(service.status, 201);

  await page.goto('/workspace');
  const name = workspace(page).getByRole('group', { name: /^Name/ });
  const arabic = name.getByLabel('Arabic');
  const kurdish = name.getByLabel('Kurdish (Sorani)');
  await arabic.waitFor();
  assert.equal(await arabic.getAttribute('lang'), 'ar');
  assert.equal(await arabic.getAttribute('dir'), 'rtl');
  assert.equal(await kurdish.getAttribute('lang'), 'ckb');
  assert.equal(await name.getByLabel('English').getAttribute('dir'), 'ltr');
  assert.ok(await name.getByLabel('English').isDisabled(), 'the name is a platform admin’s to change');
  await workspace(page).getByText('Only the platform administrators change the organisation’s name and type').waitFor();
  assert.equal(await name.getByText('Translation missing').count(), 2, 'Arabic and Kurdish are marked missing');

  // The name itself changes only by a platform admin (organization-identity.test.ts); the description is the admin's.
  const description = workspace(page).getByRole('group', { name: 'Description' });
  await description.getByLabel('English').fill('Legal aid and shelter referrals in Basrah.');
  await description.getByLabel('Arabic').fill('مساعدة قانونية وإحالات إلى المأوى في البصرة.');
  await description.getByLabel('Kurdish (Sorani)').fill('یارمەتی یاسایی و ئاماژەپێدان بۆ پەناگە لە بەسرە.');
  assert.equal(await description.getByText('Translation missing').count(), 0);
  await workspace(page).getByRole('button', { name: 'Save changes' }).click();
  await workspace(page).getByText('Saved.').waitFor();
  await screenshot(page, 'workspace-profile-en');

  const stored = await api.call('GET', `/organizations/${organizationId}`);
  assert.deepEqual(stored.body.description, {
    en: 'Legal aid and shelter referrals in Basrah.',
    ar: 'مساعدة قانونية وإحالات إلى المأوى في البصرة.',
    ckb: 'یارمەتی یاسایی و ئاماژەپێدان بۆ پەناگە لە بەسرە.',
  });

  await page.goto(`/workspace/services/${String(service.body.id)}`);
  await workspace(page).getByText('Not yet verified').waitFor();
  await workspace(page).getByRole('button', { name: 'Confirm still accurate' }).click();
  await workspace(page).getByText('Not yet verified').waitFor({ state: 'detached' });
  const confirmed = await api.call('GET', `/services/${String(service.body.id)}`);
  assert.ok(confirmed.body.lastVerifiedAt, 'last verified renewed');

  await workspace(page).getByRole('button', { name: 'Archive' }).click();
  await workspace(page).getByText('Archived: hidden from the directory', { exact: false }).waitFor();
  assert.equal(await workspace(page).getByRole('button', { name: 'Save changes' }).count(), 0, 'an archived service is not edited');
  await workspace(page).getByRole('button', { name: 'Restore' }).click();
  await workspace(page).getByRole('button', { name: 'Archive' }).waitFor();
  await page.context().close();
});

for (const language of ['en', 'ar'] as const) {
  test(`saving a service someone else changed meanwhile shows both values (${language})`, async () => {
    const organizationId = await createTestOrganization();
    const { page, api } = await signedInPage('org-admin', organizationId, { language });
    const created = await api.call('POST', '/services', { organizationId, name: { en: 'Shelter intake' }, governorates: ['IQ-BA'] });
    const id = String(created.body.id);

    await page.goto(`/workspace/services/${id}`);
    const english = workspace(page).locator('ct-translated-fields').first().locator('input[lang="en"]');
    await english.waitFor();
    await english.fill('Shelter intake — women and girls');

    // Another editor saves first, from the same version this page read.
    const theirs = await api.call('PATCH', `/services/${id}`, { name: { en: 'Shelter intake (24 hours)' } }, { 'If-Match': created.etag ?? '' });
    assert.equal(theirs.status, 200);

    await workspace(page).locator('form button[type="submit"]').click();
    const review = workspace(page).locator('ct-conflict-review');
    await review.locator('table').waitFor();
    const row = review.locator('tbody tr').first();
    assert.match((await row.textContent()) ?? '', /Shelter intake \(24 hours\)/);
    assert.match((await row.textContent()) ?? '', /Shelter intake — women and girls/);
    await screenshot(page, `workspace-conflict-${language}`);

    if (language === 'en') {
      await review.getByRole('button', { name: 'Apply my changes on top' }).click();
      await workspace(page).getByText('Saved.').waitFor();
      const now = await api.call('GET', `/services/${id}`);
      assert.deepEqual(now.body.name, { en: 'Shelter intake — women and girls' });
    } else {
      await review.getByRole('button', { name: 'الاحتفاظ بنسخته' }).click();
      await english.waitFor();
      assert.equal(await english.inputValue(), 'Shelter intake (24 hours)');
      const now = await api.call('GET', `/services/${id}`);
      assert.deepEqual(now.body.name, { en: 'Shelter intake (24 hours)' });
    }
    await page.context().close();
  });
}

test('an organisation admin invites a member and sees the pending invitation', async () => {
  const organizationId = await createTestOrganization();
  const { page } = await signedInPage('org-admin', organizationId);
  await page.goto('/workspace/members');
  const members = page.locator('ct-workspace-members');
  await members.locator('table tbody tr').first().waitFor();
  await members.getByLabel('Email', { exact: true }).fill('not-an-email');
  await members.getByRole('button', { name: 'Send invitation' }).click();
  await members.locator('#email-error').waitFor();
  assert.equal(await members.getByLabel('Email', { exact: true }).getAttribute('aria-describedby'), 'email-error');

  const email = `new.caseworker.${Date.now()}@example.test`;
  await members.getByLabel('Email', { exact: true }).fill(email);
  await members.getByLabel('Role', { exact: true }).selectOption('caseworker');
  await members.getByRole('button', { name: 'Send invitation' }).click();
  await members.getByText(`An invitation was sent to ${email}.`).waitFor();
  await members.locator('.records li', { hasText: email }).waitFor();
  await screenshot(page, 'workspace-members-en');
  await page.context().close();
});

test('a campaign in Najaf, Basrah and Baghdad is recorded at once with a partner organisation, and listed', async () => {
  const organizationId = await createTestOrganization();
  // A sample organisation: found by name through the directory's search, as a user would.
  const { items: sample } = (await (await fetch(`${app.baseUrl}/api/v1/organizations?governorate=IQ-NA&perPage=1`)).json()) as {
    items: Array<{ id: string; name: { en: string } }>;
  };
  const partner = sample[0]!;
  const { page, api } = await signedInPage('org-admin', organizationId);
  await page.goto('/workspace/activities');
  await workspace(page).getByRole('link', { name: 'Record an activity' }).click();
  await page.waitForURL(/\/workspace\/activities\/new$/);
  const form = workspace(page).locator('ct-record-form');
  await form.getByRole('group', { name: /^Title/ }).getByLabel('English').fill('Know your rights campaign');
  await form.getByLabel('Kind of activity').selectOption('campaign');
  // Checked in the browser with the server's own schema: no governorate yet is an error beside that field.
  await form.getByRole('button', { name: 'Create' }).click();
  await form.locator('#governorates-error').waitFor();
  const firstGovernorate = form.getByRole('group', { name: 'Governorates' }).getByRole('checkbox').first();
  assert.equal(await firstGovernorate.getAttribute('aria-describedby'), 'governorates-error');
  assert.equal(await firstGovernorate.getAttribute('aria-invalid'), 'true');
  for (const governorate of [/Najaf/, /Basrah/, /Baghdad/]) await form.getByRole('group', { name: 'Governorates' }).getByLabel(governorate).check();
  await form.getByLabel('First day').fill('2026-11-01');
  await form.getByLabel('Last day').fill('2026-11-20');
  await form.getByLabel('Women', { exact: true }).fill('120');
  await form.getByLabel('Men', { exact: true }).fill('80');
  await form.getByLabel(/Add a partner organisation/).fill(partner.name.en);
  await form.getByRole('button', { name: partner.name.en, exact: true }).click();
  await form.getByRole('button', { name: `Remove ${partner.name.en}` }).waitFor();
  await form.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/workspace\/activities\/[0-9a-f]{24}$/);

  const { items } = (await api.call('GET', `/activities?organization=${organizationId}`)).body as {
    items: Array<{ governorates: string[]; kind: string; reached: { total: number }; partners: Array<{ id: string }> }>;
  };
  assert.equal(items.length, 1);
  assert.deepEqual([...items[0]!.governorates].sort(), ['IQ-BA', 'IQ-BG', 'IQ-NA']);
  assert.equal(items[0]!.kind, 'campaign');
  assert.equal(items[0]!.reached.total, 200);
  assert.deepEqual(items[0]!.partners.map((p) => p.id), [partner.id]);

  await workspace(page).getByRole('link', { name: 'Back to the list' }).click();
  const listed = workspace(page).locator('.records li', { hasText: 'Know your rights campaign' });
  await listed.waitFor();
  assert.match((await listed.textContent()) ?? '', /Campaign/);
  assert.match((await listed.textContent()) ?? '', /200 people reached/);
  await screenshot(page, 'workspace-activities-en');
  await page.context().close();
});

test('a place is set by clicking the map or typing coordinates, and kept confidential', async () => {
  const organizationId = await createTestOrganization();
  const { page, api } = await signedInPage('org-admin', organizationId);
  await page.goto('/workspace/locations/new');
  const form = workspace(page).locator('ct-record-form');
  await form.getByRole('group', { name: /^Name/ }).getByLabel('English').fill('Safe house');
  await form.getByLabel('Governorate', { exact: true }).selectOption('IQ-BA');
  const map = form.locator('ct-location-picker .map');
  await map.locator('canvas').first().waitFor();
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width * 0.6, y: box.height * 0.6 } });
  const latitude = form.getByLabel('Latitude');
  await form.locator('ct-location-picker .picked').waitFor();
  assert.ok(Number(await latitude.inputValue()) > 29, 'a click on the map fills the coordinates');
  // Typed coordinates in Basra, where the address is: wherever the click fell, the point must be there.
  await latitude.fill('30.5085');
  await form.getByLabel('Longitude').fill('47.7804');
  await form.getByLabel('Confidential location').check();
  assert.match((await form.getByText(/hidden from everyone outside your organisation/).textContent()) ?? '', /governorate level/);
  await form.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/workspace\/locations\/[0-9a-f]{24}$/);
  const id = page.url().split('/').pop()!;

  // Across the Shatt al-Arab is Iran: the server refuses it next to the latitude, which takes the focus.
  await latitude.fill('31');
  await form.getByLabel('Longitude').fill('48.5');
  await form.getByRole('button', { name: 'Save changes' }).click();
  const refused = form.locator('#lat-error');
  await refused.waitFor();
  assert.equal((await refused.textContent())?.trim(), 'This point is outside Iraq: place it where the location really is.');
  assert.ok(await latitude.evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input), 'focus is on the refused field');

  await latitude.fill('30.52');
  await form.getByLabel('Longitude').fill('47.81');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.getByText('Saved.').waitFor();
  await screenshot(page, 'workspace-place-en');
  const stored = await api.call('GET', `/locations/${id}`);
  assert.equal(stored.body.lat, 30.52);
  assert.equal(stored.body.lng, 47.81);
  assert.equal(stored.body.confidential, true);
  await page.context().close();
});

test('an agreement proposed to a partner is accepted by the partner’s administrator', async () => {
  const organizationId = await createTestOrganization();
  const { page } = await signedInPage('org-admin', organizationId);
  const { items } = (await (await fetch(`${app.baseUrl}/api/v1/organizations?governorate=IQ-BG&perPage=1`)).json()) as {
    items: Array<{ id: string; name: { en: string } }>;
  };
  const partner = items[0]!;
  await page.goto('/workspace/agreements');
  const section = page.locator('ct-workspace-agreements');
  await section.getByLabel(/Partner organisation/).fill(partner.name.en);
  await section.getByRole('button', { name: partner.name.en, exact: true }).click();
  await section.locator('.choice input[type="checkbox"]').first().check();
  await section.getByRole('button', { name: 'Send proposal' }).click();
  await section.getByText(`The proposal was sent to ${partner.name.en}.`).waitFor();
  await section.getByRole('button', { name: 'Withdraw' }).waitFor();
  await page.context().close();

  const { page: partnerPage } = await signedInPage('org-admin', partner.id, { language: 'ckb', viewport: { width: 390, height: 844 } });
  await partnerPage.goto('/workspace/agreements');
  const theirs = partnerPage.locator('ct-workspace-agreements');
  await theirs.getByRole('button', { name: 'قبوڵکردن' }).click();
  await theirs.getByText('ڕێککەوتنەکە ئێستا کارپێکراوە.').waitFor();
  await theirs.getByRole('button', { name: 'کۆتاییهێنان بە ڕێککەوتن' }).waitFor();
  await screenshot(partnerPage, 'workspace-agreements-ckb-phone');
  await partnerPage.context().close();
});

test('a caseworker reads the workspace without edit controls', async () => {
  const organizationId = await createTestOrganization();
  const { api: admin } = await signedInPage('org-admin', organizationId);
  const service = await admin.call('POST', '/services', { organizationId, name: { en: 'Counselling' }, governorates: ['IQ-BA'] });
  const { page } = await signedInPage('caseworker', organizationId);

  await page.goto('/workspace');
  await workspace(page).getByText('You can read this section.', { exact: false }).waitFor();
  const name = workspace(page).getByRole('group', { name: /^Name/ });
  assert.ok(await name.getByLabel('English').isDisabled(), 'profile fields are read-only');
  assert.equal(await workspace(page).getByRole('button').count(), 0, 'no buttons on the profile');
  assert.equal(await workspace(page).getByRole('link', { name: 'Members' }).count(), 0, 'members are for administrators');

  await workspace(page).getByRole('link', { name: 'Services' }).click();
  await workspace(page).getByRole('link', { name: 'Counselling' }).waitFor();
  assert.equal(await workspace(page).getByRole('link', { name: 'Add a service' }).count(), 0);
  await page.goto(`/workspace/services/${String(service.body.id)}`);
  await workspace(page).getByRole('group', { name: /^Name/ }).waitFor();
  assert.equal(await workspace(page).getByRole('button').count(), 0, 'no save, confirm or archive');
  await screenshot(page, 'workspace-caseworker-en');
  await page.context().close();
});

test('an organisation admin confirms the profile, picks the head office, restores archived records from the lists; forms are checked in the browser', async () => {
  const organizationId = await createTestOrganization('local-ngo', 'Zakho Support Network');
  const { page, api } = await signedInPage('org-admin', organizationId);
  const place = (name: string) => api.call('POST', '/locations', { organizationId, name: { en: name }, address: { governorate: 'IQ-DA' } });
  const office = await place('Zakho office');
  assert.equal(office.status, 201);
  const depot = await place('Old depot');
  const service = await api.call('POST', '/services', { organizationId, name: { en: 'Mobile legal clinic' }, governorates: ['IQ-DA'] });
  const contact = await api.call('POST', '/contacts', { organizationId, name: 'Former focal point' });
  for (const path of [`/services/${String(service.body.id)}`, `/locations/${String(depot.body.id)}`, `/contacts/${String(contact.body.id)}`]) {
    assert.equal((await api.call('POST', `${path}/archive`)).status, 200);
  }

  await page.goto('/workspace');
  await workspace(page).getByText('Not yet verified').waitFor();
  await workspace(page).getByRole('button', { name: 'Confirm still accurate' }).click();
  await workspace(page).getByText('Not yet verified').waitFor({ state: 'detached' });
  await workspace(page).getByLabel('Head office').selectOption({ label: 'Zakho office' });
  await workspace(page).getByRole('button', { name: 'Save changes' }).click();
  await workspace(page).getByText('Saved.').waitFor();
  await screenshot(page, 'workspace-profile-head-office-en');
  const organization = await api.call('GET', `/organizations/${organizationId}`);
  assert.ok(organization.body.lastVerifiedAt, 'the organisation is confirmed');
  assert.equal(organization.body.headOfficeLocationId, office.body.id);
  assert.equal(organization.body.headOfficeGovernorate, 'IQ-DA');

  for (const [section, name] of [
    ['services', 'Mobile legal clinic'],
    ['locations', 'Old depot'],
    ['contacts', 'Former focal point'],
  ] as const) {
    await page.goto(`/workspace/${section}`);
    const row = workspace(page).getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
    await row.getByText('Archived', { exact: true }).waitFor();
    if (section === 'services') await screenshot(page, 'workspace-services-archived-en');
    await row.getByRole('button', { name: `Restore ${name}` }).click();
    await workspace(page).getByText(`${name} is restored and back in the directory.`).waitFor();
    await row.getByText('Archived', { exact: true }).waitFor({ state: 'detached' });
  }
  const restored = await api.call('GET', `/services?organization=${organizationId}&archived=only`);
  assert.equal(restored.body.total, 0, 'nothing is archived any more');

  // An archived record opened on its own says so and offers Restore instead of Save.
  assert.equal((await api.call('POST', `/contacts/${String(contact.body.id)}/archive`)).status, 200);
  await page.goto(`/workspace/contacts/${String(contact.body.id)}`);
  await workspace(page).getByText('Archived: hidden from the directory', { exact: false }).waitFor();
  assert.equal(await workspace(page).getByRole('button', { name: 'Save changes' }).count(), 0);
  await workspace(page).getByRole('button', { name: 'Restore' }).click();
  await workspace(page).getByRole('button', { name: 'Archive' }).waitFor();

  // The contact form is checked with the server's own schema: a broken e-mail stops in the browser.
  const posted: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/contacts')) posted.push(request.url());
  });
  await page.goto('/workspace/contacts/new');
  const form = workspace(page).locator('ct-record-form');
  await form.getByLabel('Name', { exact: true }).fill('Dilan Ahmed');
  await form.getByLabel('Email', { exact: true }).fill('not-an-address');
  await form.getByRole('button', { name: 'Create' }).click();
  await form.locator('#email-error').waitFor();
  assert.equal(await form.getByLabel('Email', { exact: true }).getAttribute('aria-describedby'), 'email-error');
  assert.equal(posted.length, 0, 'nothing was sent');
  await screenshot(page, 'workspace-contact-checked-en');
  assert.equal((await api.call('POST', `/services/${String(service.body.id)}/archive`)).status, 200);
  await page.context().close();

  const { page: arabic } = await signedInPage('org-admin', organizationId, { language: 'ar' });
  await arabic.goto('/workspace/services');
  await workspace(arabic).getByRole('button', { name: 'استعادة Mobile legal clinic' }).waitFor();
  await screenshot(arabic, 'workspace-services-archived-ar');
  await arabic.context().close();
});

test('a workspace form in Sorani says in Sorani what is wrong with a field', async () => {
  const organizationId = await createTestOrganization('local-ngo', 'Erbil Light Association');
  const { page } = await signedInPage('org-admin', organizationId, { language: 'ckb' });
  await page.goto('/workspace');
  const email = workspace(page).locator('input#field-email');
  await email.fill('not-an-email');
  await workspace(page).locator('form button[type="submit"]').first().click();

  // Checked before sending with the server's schema: the message is the contract's, in Sorani.
  const message = workspace(page).locator('#email-error');
  await message.waitFor();
  assert.equal((await message.textContent())?.trim(), 'ئیمەیڵێکی دروست بنووسە.');
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  assert.equal(await email.getAttribute('aria-describedby'), 'email-error');
  await screenshot(page, 'workspace-field-problem-ckb');
});

test('an Arabic form on a phone refuses a foreign number and hours that close before they open, next to each field, and focuses the first', async () => {
  const organizationId = await createTestOrganization('local-ngo', 'Najaf Care Association');
  const { page, api } = await signedInPage('org-admin', organizationId, { language: 'ar', viewport: { width: 360, height: 740 } });
  const service = await api.call('POST', '/services', { organizationId, name: { en: 'Legal aid desk' }, governorates: ['IQ-NA'] });
  const patched: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patched.push(request.url());
  });
  await page.goto(`/workspace/services/${String(service.body.id)}`);
  const form = workspace(page).locator('ct-record-form');
  await form.getByRole('button', { name: 'إضافة رقم هاتف' }).click();
  const phone = form.locator('input#field-phones-0-number');
  await phone.fill('+98 21 1234 5678');
  await form.getByRole('button', { name: 'إضافة ساعات عمل' }).click();
  await form.getByRole('checkbox', { name: 'الأحد' }).check();
  const closes = form.locator('input#schedule-0-closesAt');
  await form.locator('input#schedule-0-opensAt').fill('16:00');
  await closes.fill('08:00');
  await form.getByRole('button', { name: 'حفظ التغييرات' }).click();

  // Checked before sending, with the messages of the contract in Arabic, each under its field.
  const phoneError = form.locator('#phones-0-number-error');
  await phoneError.waitFor();
  assert.match((await phoneError.textContent()) ?? '', /^أدخل رقم هاتف عراقيًا/);
  assert.equal(await phone.getAttribute('aria-describedby'), 'phones-0-number-error');
  assert.equal((await form.locator('#schedules-0-closesAt-error').textContent())?.trim(), 'يجب أن يكون وقت الإغلاق بعد وقت الفتح.');
  assert.equal(await closes.getAttribute('aria-invalid'), 'true');
  assert.equal(await closes.getAttribute('aria-describedby'), 'schedules-0-closesAt-error');
  assert.equal(await form.getByRole('alert').first().textContent(), 'بعض الحقول تحتاج إلى تصحيح؛ راجع الرسائل بجانبها.');
  assert.ok(await phone.evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input), 'focus is on the first refused field');
  assert.equal(patched.length, 0, 'nothing was sent');
  await screenshot(page, 'workspace-refused-ar-360');

  // The local form of a mobile number is taken and stored in E.164.
  await phone.fill('0770 123 4567');
  await closes.fill('20:00');
  await form.getByRole('button', { name: 'حفظ التغييرات' }).click();
  await form.getByText('تم الحفظ.').waitFor();
  const stored = await api.call('GET', `/services/${String(service.body.id)}`);
  assert.deepEqual(stored.body.phones, [{ number: '+9647701234567', type: 'voice' }]);
  await page.context().close();
});

test('a refused choice list in Sorani: each box is marked with the message in Sorani, and focus goes to the first', async () => {
  const organizationId = await createTestOrganization('local-ngo', 'Duhok Bridge Association');
  const { page, api } = await signedInPage('org-admin', organizationId, { language: 'ckb', viewport: { width: 360, height: 740 } });
  const service = await api.call('POST', '/services', { organizationId, name: { en: 'Counselling room' }, governorates: ['IQ-NA'] });
  await page.goto(`/workspace/services/${String(service.body.id)}`);
  const form = workspace(page).locator('ct-record-form');
  const governorates = form.locator('fieldset.choices').filter({ has: page.locator('input[value="IQ-NA"]') });
  const boxes = governorates.locator('input[type="checkbox"]');
  await boxes.first().waitFor();
  // No governorate and no place: the server refuses the list (400), in Sorani.
  await governorates.locator('input[value="IQ-NA"]').uncheck();
  await form.locator('button[type="submit"]').first().click();

  const message = form.locator('#governorates-error');
  await message.waitFor();
  assert.equal((await message.textContent())?.trim(), 'ئەو پارێزگایانەی خزمەتیان پێدەگات یان شوێنێک دیاری بکە');
  const first = boxes.first();
  for (const box of [first, governorates.locator('input[value="IQ-NA"]')]) {
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    assert.equal(await box.getAttribute('aria-describedby'), 'governorates-error');
  }
  assert.ok(await first.evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input), 'focus is on the first box of the refused list');
  await screenshot(page, 'workspace-choice-list-refused-ckb-360');
  await page.context().close();
});
