/**
 * The hotlines screen of the administration, in Arabic on a 360 px phone: a platform admin adds a
 * hotline for one governorate (a taken number is refused beside the field), sees it listed as a
 * sample here and on "Get help", verifies it, meets "changed meanwhile" on a stale edit, archives another, and "Get help"
 * then shows the new one without the sample mark and the archived one no more. Other roles do not get the screen.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { HotlineModel } from '../../server/directory/hotlines/hotline.model.js';
import { createTestUser } from '../support/auth.js';
import { screenshot, signInThroughForm, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();
const PHONE = { width: 360, height: 740 };
const SAMPLE_AR = 'عيّنة — غير متحقق منها';

async function signedIn(role: 'platform-admin' | 'caseworker', path: string): Promise<Page> {
  const { user, password } = await createTestUser({ role });
  const page = await app.open({ language: 'ar', viewport: PHONE });
  await signInThroughForm(page, path, { email: user.email, password });
  return page;
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 360);

test('in Arabic on a 360 px phone, a platform admin adds a hotline for Basra, verifies it, and "Get help" shows it verified', async () => {
  const page = await signedIn('platform-admin', '/admin/hotlines');
  const screen = page.locator('ct-admin-hotlines');
  await screen.getByRole('heading', { name: 'الخطوط الساخنة' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.locator('ct-admin-view nav a[aria-current="page"]').textContent(), 'الخطوط الساخنة');
  const bundled = screen.locator('tbody tr', { hasText: '911' });
  assert.match((await bundled.textContent()) ?? '', /كل العراق/);
  assert.match((await bundled.textContent()) ?? '', new RegExp(SAMPLE_AR));
  assert.ok(await noSidewaysScroll(page), 'the list fits the phone');

  await screen.getByRole('button', { name: 'إضافة خط ساخن' }).click();
  const form = screen.locator('form');
  await form.locator('#field-number').fill('911');
  await form.locator('ct-translated-fields >> nth=0 >> #input-ar').fill('خط حماية الأسرة في البصرة');
  await form.locator('ct-translated-fields >> nth=1 >> #input-ar').fill('للإبلاغ عن العنف الأسري في البصرة.');
  await form.getByRole('checkbox', { name: 'البصرة' }).check();
  await form.locator('#field-source-text').fill('مديرية شرطة البصرة');
  await form.locator('#field-source-url').fill('not a url');
  await form.getByRole('button', { name: 'حفظ الخط الساخن' }).click();
  // Checked before sending with the server's schema, in Arabic, beside the field.
  await form.locator('#source-url-error', { hasText: 'أدخل عنوان الويب للمصدر' }).waitFor();
  assert.equal(await form.locator('#field-source-url').getAttribute('aria-invalid'), 'true');

  await form.locator('#field-source-url').fill('https://example.org/basra-police');
  await form.getByRole('button', { name: 'حفظ الخط الساخن' }).click();
  // 911 is taken: the server's refusal is shown beside the number, in Arabic.
  await form.locator('#number-error', { hasText: 'هذا الرقم موجود مسبقاً في قائمة الخطوط الساخنة.' }).waitFor();
  assert.equal(await form.locator('#field-number').getAttribute('aria-invalid'), 'true');

  await form.locator('#field-number').fill('1510');
  await form.getByRole('button', { name: 'حفظ الخط الساخن' }).click();
  await screen.locator('[role="status"]', { hasText: 'تم حفظ الخط الساخن 1510' }).waitFor();
  const row = screen.locator('tbody tr', { hasText: '1510' });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /خط حماية الأسرة في البصرة/);
  assert.match((await row.textContent()) ?? '', /البصرة/);
  assert.match((await row.textContent()) ?? '', new RegExp(SAMPLE_AR));
  assert.match((await row.textContent()) ?? '', /لم يُتحقق منه بعد/);
  const stored = await HotlineModel.findOne({ number: '1510' }).lean();
  assert.deepEqual(stored?.governorates, ['IQ-BA']);


  // "Get help" lists it at once, as a sample (the browser now keeps this list for 5 minutes).
  await page.goto('/help');
  const sample = page.locator('ct-help-view .national > li', { hasText: '1510' });
  await sample.waitFor();
  assert.equal((await sample.locator('.badge').textContent())?.trim(), SAMPLE_AR);

  await page.goto('/admin/hotlines');
  await row.getByRole('button', { name: /تعليم كمُتحقَّق منه/ }).click();
  await screen.locator('[role="status"]', { hasText: 'تم التحقق من الخط الساخن 1510' }).waitFor();
  await row.locator('td', { hasText: 'تم التحقق منه' }).waitFor();
  assert.equal(await row.locator('.badge.warning').count(), 0, 'no sample mark once verified');
  assert.ok(await noSidewaysScroll(page), 'still fits the phone');
  await screenshot(page, 'admin-hotlines-ar', { fullPage: true });

  // A stale edit: someone else saved the hotline after the form was opened.
  await row.getByRole('button', { name: /تعديل/ }).click();
  await form.locator('ct-translated-fields >> nth=0 >> #input-ar').fill('اسم آخر');
  await HotlineModel.updateOne({ number: '1510' }, { $inc: { version: 1 } });
  await form.getByRole('button', { name: 'حفظ الخط الساخن' }).click();
  await screen.locator('[role="alert"]', { hasText: 'غيّر شخص آخر هذا الخط الساخن في الأثناء' }).waitFor();
  assert.equal((await HotlineModel.findOne({ number: '1510' }).lean())?.name.ar, 'خط حماية الأسرة في البصرة', 'nothing overwritten');
  await screen.getByRole('button', { name: 'إلغاء' }).click();

  // Archived: gone from "Get help" at once for this browser too.
  const police = screen.locator('tbody tr', { hasText: '104' });
  await police.getByRole('button', { name: /أرشفة/ }).click();
  await police.locator('.badge.warning', { hasText: 'مؤرشف في' }).waitFor();

  await page.goto('/help');
  const listed = page.locator('ct-help-view .national > li', { hasText: '1510' });
  await listed.waitFor();
  assert.equal(await listed.locator('.badge').count(), 0, 'verified: no "not verified" mark');
  assert.match((await listed.textContent()) ?? '', /البصرة/);
  assert.match((await listed.textContent()) ?? '', /آخر تحقق/);
  assert.deepEqual(await page.locator('ct-help-view .national-number').allTextContents(), ['911', '119', '1510']);
  await page.context().close();
});

test('a caseworker does not get the hotlines screen', async () => {
  const page = await signedIn('caseworker', '/admin/hotlines');
  await page.locator('ct-admin-view [role="alert"]').waitFor();
  assert.equal(await page.locator('ct-admin-hotlines').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'إضافة خط ساخن' }).count(), 0);
  await page.context().close();
});
