/**
 * Field errors on the admin and referral forms, in Arabic on a phone: the message in Arabic next to the
 * field, the field marked invalid and described by its message, and focus on the first invalid field
 * (so a screen reader reads the field with its message).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { createTestOrganization, createTestUser } from '../support/auth.js';
import { signInThroughForm, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();
const PHONE = { width: 360, height: 740 };

async function signedIn(role: 'platform-admin' | 'caseworker', path: string, organizationId?: string): Promise<Page> {
  const { user, password } = await createTestUser({ role, organizationId });
  const page = await app.open({ language: 'ar', viewport: PHONE });
  await signInThroughForm(page, path, { email: user.email, password });
  return page;
}

/** The focused element, looked for through the shadow roots of the app's components. */
function focused(page: Page) {
  return page.evaluateHandle(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  });
}

async function assertFieldError(page: Page, field: Locator, errorId: string, message: string): Promise<void> {
  const error = field.locator(`xpath=ancestor::*[.//*[@id="${errorId}"]][1]//*[@id="${errorId}"]`);
  await error.waitFor();
  assert.equal((await error.textContent())?.trim(), message);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match((await field.getAttribute('aria-describedby')) ?? '', new RegExp(`(^| )${errorId}( |$)`));
  const handle = await field.elementHandle();
  assert.ok(await page.evaluate(([a, b]) => a === b, [await focused(page), handle] as const), 'focus is on the first invalid field');
}

test('in Arabic, an invitation with a bad address is refused next to the address, which gets focus', async () => {
  const page = await signedIn('platform-admin', '/admin/users');
  const screen = page.locator('ct-admin-users');
  await screen.getByRole('heading', { name: 'دعوة شخص' }).waitFor();
  await screen.locator('#invite-email').fill('not an address');
  await screen.getByRole('button', { name: 'إرسال الدعوة' }).click();
  await assertFieldError(page, screen.locator('#invite-email'), 'email-error', 'أدخل عنوان بريد إلكتروني صالحاً.');
});

test('in Arabic, the referral wizard asks for the sex next to its choices, focusing the first one', async () => {
  const organizationId = await createTestOrganization('international-ngo', 'Form Errors Shelter');
  const service = await ServiceModel.create({
    organizationId,
    name: { en: 'Shelter for form errors', ar: 'مأوى لاختبار الأخطاء' },
    categories: ['shelter'],
    organizationType: 'international-ngo',
    governorates: ['IQ-BA'],
    acceptsReferrals: true,
  });
  const sender = await createTestOrganization('local-ngo', 'Form Errors Sender');
  const page = await signedIn('caseworker', '/referrals', sender);
  await page.goto(`/referrals/new?service=${service._id.toString()}`);
  const wizard = page.locator('ct-referral-wizard-view');
  await wizard.locator('.chosen-name', { hasText: 'مأوى لاختبار الأخطاء' }).waitFor();
  await wizard.locator('#caseCode').fill('BSR-2026-014');
  await wizard.locator('#ageBand').selectOption('25-59');
  await wizard.locator('#nationality').selectOption('IQ');
  await wizard.getByRole('button', { name: 'التالي' }).click();
  await assertFieldError(page, wizard.locator('input[name="sex"]').first(), 'sex-error', 'اختر واحدًا.');
});
