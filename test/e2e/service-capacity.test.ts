/**
 * Free beds change by the hour: a caseworker of the shelter, on a 360 px phone in Arabic, updates them
 * on the small capacity screen in two taps (one fewer, save), and the service page shows the new
 * figure, in Arabic, with how long ago it was given.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { createTestUser } from '../support/auth.js';
import { screenshot, signInThroughForm, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();
const arabic = (n: number) => new Intl.NumberFormat('ar-IQ').format(n);

test('a caseworker on a phone in Arabic updates free beds in two taps; the service page, its card, the directory’s free-places filter and the printed pathway show the new figure', async () => {
  // Taking referrals (its caseworker receives them) and just verified: the shelter the printed pathway picks.
  const org = await OrganizationModel.create({ name: { en: 'Basra Women Shelter' }, type: 'local-ngo', acceptsReferrals: true });
  const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
  const service = await ServiceModel.create({
    organizationId: org._id,
    name: { en: 'Emergency shelter', ar: 'مأوى الطوارئ' },
    categories: ['shelter'],
    governorates: ['IQ-BA'],
    acceptsReferrals: true,
    lastVerifiedAt: new Date(),
    capacity: [{ unit: 'beds', available: 3, maximum: 12, updatedAt: twoHoursAgo }],
    capacityFreeAt: twoHoursAgo,
  });
  const id = service._id.toString();
  const { user, password } = await createTestUser({ role: 'caseworker', organizationId: org._id.toString() });

  const page = await app.open({ language: 'ar', viewport: { width: 360, height: 740 } });
  await page.goto(`/services/${id}`);
  const figure = page.locator('ct-service-view .capacity-figure');
  assert.match((await figure.textContent())!.replace(/\s+/g, ' '), new RegExp(`${arabic(3)} من ${arabic(12)} أسرّة متاحة، حُدّث قبل ساعتين`));

  await signInThroughForm(page, `/services/${id}/capacity`, { email: user.email, password });

  const screen = page.locator('ct-service-capacity-view');
  await screen.getByRole('heading', { name: 'الأسرّة المتاحة' }).waitFor();
  await screenshot(page, 'service-capacity-ar-360');
  // The two taps.
  await screen.getByRole('button', { name: 'واحد أقل' }).click();
  await screen.getByRole('button', { name: 'حفظ' }).click();

  await page.waitForURL((url) => url.pathname === `/services/${id}`);
  await page.locator('ct-service-view .capacity-figure', { hasText: `${arabic(2)} من ${arabic(12)}` }).waitFor();
  assert.match((await figure.textContent())!.replace(/\s+/g, ' '), new RegExp(`${arabic(2)} من ${arabic(12)} أسرّة متاحة، حُدّث هذه الدقيقة`));
  // The directory's card says the same.
  await page.goto('/');
  const card = page.locator('ct-service-card', { hasText: 'مأوى الطوارئ' });
  await card.locator('.capacity-figure', { hasText: `${arabic(2)} من ${arabic(12)} أسرّة متاحة` }).waitFor();
  // The filter "free places now" (in the phone's filter sheet) keeps only services with a current free figure.
  await page.locator('ct-directory-view .filters-button').click();
  await page.locator('ct-directory-view').getByRole('button', { name: 'أماكن متاحة الآن', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('hasCapacity') === 'true');
  const free = (await (await page.request.get(`${app.baseUrl}/api/v1/services?hasCapacity=true&perPage=1`)).json()) as { total: number };
  await page.locator(`ct-directory-view [aria-busy="false"] h2[data-total="${free.total}"]`).waitFor();
  await card.locator('.capacity-figure.current').waitFor();
  const shown = page.locator('ct-directory-view ct-service-card');
  const count = await shown.count();
  assert.ok(count >= 1);
  for (let i = 0; i < count; i++) assert.equal(await shown.nth(i).locator('.capacity-figure.current').count() > 0, true);
  // And the printed pathway of the governorate, in both of its languages.
  await page.goto('/governorates/IQ-BA/print');
  await page.locator('ct-governorate-print-view .capacity-figure', { hasText: `${arabic(2)} من ${arabic(12)} أسرّة متاحة` }).waitFor();
  await page.locator('ct-governorate-print-view .capacity-figure', { hasText: '2 of 12 beds free, updated' }).waitFor();
  const stored = await ServiceModel.findById(id).lean();
  assert.equal(stored?.capacity[0]?.available, 2);
  await page.context().close();
});

test('a service that counted nothing yet is set up on the same small screen; an old figure shows as out of date', async () => {
  const org = await OrganizationModel.create({ name: { en: 'Duhok Safe House' }, type: 'local-ngo' });
  const service = await ServiceModel.create({
    organizationId: org._id,
    name: { en: 'Transit accommodation' },
    categories: ['shelter'],
    governorates: ['IQ-DA'],
  });
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
  const old = await ServiceModel.create({
    organizationId: org._id,
    name: { en: 'Day centre' },
    categories: ['shelter'],
    governorates: ['IQ-DA'],
    capacity: [{ unit: 'places', available: 5, maximum: 20, updatedAt: tenDaysAgo }],
    capacityFreeAt: tenDaysAgo,
  });
  const id = service._id.toString();
  const { user, password } = await createTestUser({ role: 'caseworker', organizationId: org._id.toString() });

  const page = await app.open({ language: 'en', viewport: { width: 360, height: 740 } });
  // Ten days old, past the default seven: never shown as a current figure.
  await page.goto(`/services/${old._id.toString()}`);
  const stale = page.locator('ct-service-view .capacity-figure');
  await stale.waitFor();
  assert.deepEqual(await stale.evaluate((el) => [...el.classList]), ['capacity-figure', 'stale']);
  assert.match((await stale.textContent())!.replace(/\s+/g, ' '), /Out of date \(given 10 days ago\): call to check/);

  await signInThroughForm(page, `/services/${id}/capacity`, { email: user.email, password });
  const screen = page.locator('ct-service-capacity-view');
  await screen.getByText('This service publishes no capacity figures yet').waitFor();
  await screen.getByRole('button', { name: 'Count beds' }).click();
  await screen.getByRole('textbox', { name: /In all/ }).or(screen.getByRole('spinbutton', { name: /In all/ })).fill('10');
  await screen.getByRole('spinbutton', { name: /In all/ }).press('Tab');
  for (let i = 0; i < 3; i++) await screen.getByRole('button', { name: 'One more' }).click();
  await screen.getByText('3 of 10 beds free').waitFor();
  await screenshot(page, 'service-capacity-setup-en-360');
  await screen.getByRole('button', { name: 'Save' }).click();

  await page.waitForURL((url) => url.pathname === `/services/${id}`);
  const figure = page.locator('ct-service-view .capacity-figure.current');
  await figure.waitFor();
  assert.match((await figure.textContent())!.replace(/\s+/g, ' '), /3 of 10 beds free, updated (now|this minute)/);
  const stored = await ServiceModel.findById(id).lean();
  assert.deepEqual(stored?.capacity.map((c) => [c.unit, c.available, c.maximum]), [['beds', 3, 10]]);
  await page.context().close();
});
