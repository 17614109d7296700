/**
 * A caseworker sees the exact place of their organisation's confidential shelter; after signing out,
 * the same browser reopening the page must not show it again from its HTTP cache (the member's copy
 * revalidated by an anonymous request). Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { createTestOrganization, createTestUser } from '../support/auth.js';
import { screenshot, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();

const PLACE = { name: 'Zaytun safe house', street: '41 Olive Grove Street', lat: 36.1912, lng: 44.0091 };

/** Signs the page's browser context in through the API, as the sign-in form does, and returns a CSRF token. */
async function apiSignIn(page: Page, email: string, password: string): Promise<string> {
  const csrf = async () => ((await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
  const login = await page.request.post('/api/v1/auth/login', { data: { email, password }, headers: { 'X-CSRF-Token': await csrf() } });
  assert.equal(login.status(), 200, await login.text());
  return csrf();
}

const article = async (page: Page) => (await page.locator('ct-service-view article').textContent()) ?? '';

test('after sign-out, reopening a confidential service page shows no exact place', async () => {
  const organizationId = await createTestOrganization('local-ngo', 'Zaytun Protection Network');
  const orgAdmin = await createTestUser({ role: 'org-admin', organizationId });
  const setup = await app.open();
  const token = await apiSignIn(setup, orgAdmin.user.email, orgAdmin.password);
  const post = async (path: string, data: object) => {
    const response = await setup.request.post(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': token } });
    assert.equal(response.status(), 201, await response.text());
    return ((await response.json()) as { id: string }).id;
  };
  const locationId = await post('/locations', {
    organizationId,
    name: { en: PLACE.name },
    address: { street: { en: PLACE.street }, city: { en: 'Erbil' }, governorate: 'IQ-AR' },
    lat: PLACE.lat,
    lng: PLACE.lng,
  });
  const serviceId = await post('/services', {
    organizationId,
    name: { en: 'Zaytun safe accommodation' },
    categories: ['shelter'],
    locationIds: [locationId],
    confidential: true,
  });
  await setup.context().close();

  const caseworker = await createTestUser({ role: 'caseworker', organizationId });
  const page = await app.open();
  const path = `/services/${serviceId}`;
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  const form = page.locator('ct-sign-in-view');
  await form.locator('#email').fill(caseworker.user.email);
  await form.locator('#password').fill(caseworker.password);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === path);
  await page.locator('ct-service-view article', { hasText: PLACE.name }).waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
  await page.goto(path);
  // A new document: the heading appears with the rest of the service, once its answer has arrived.
  await page.locator('ct-service-view h1').waitFor();
  const shown = await article(page);
  await screenshot(page, 'service-after-sign-out');
  assert.ok(!shown.includes(PLACE.name), 'the exact place is not shown after sign-out');
  assert.ok(!shown.includes(PLACE.street), 'the street is not shown after sign-out');
  assert.match(shown, /This is a confidential service\./);
  await page.context().close();
});
