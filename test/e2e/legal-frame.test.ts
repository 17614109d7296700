/**
 * The legal frame on the printed pathway and on a referral, from the reference data platform admins
 * keep: federal Law No. 28 of 2012 outside the Kurdistan Region, the Region's Law No. 6 of 2018 in it,
 * with the competent bodies, in the reader's language and right to left.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { LegalFrameModel } from '../../server/directory/legal-frames/legal-frame.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { referralBody } from '../api/referrals-fixtures.js';
import { createTestOrganization, createTestUser } from '../support/auth.js';
import { signInThroughForm, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();

/** The frame band of a governorate's printed pathway: the English column and the reader's. */
async function printedFrames(page: Page, code: string, lang: 'ar' | 'ckb') {
  await page.goto(`/governorates/${code}/print`);
  await page.locator('ct-governorate-print-view[data-ready]').waitFor();
  const band = page.locator('ct-governorate-print-view .sheet .frames');
  const theirs = band.locator(`.legal-frame[lang="${lang}"]`);
  return {
    english: ((await band.locator('.legal-frame[lang="en"]').textContent()) ?? '').replace(/\s+/g, ' ').trim(),
    theirs: ((await theirs.textContent()) ?? '').replace(/\s+/g, ' ').trim(),
    dir: await theirs.getAttribute('dir'),
    direction: await theirs.evaluate((el) => getComputedStyle(el).direction),
  };
}

test('Arabic pathway: Basrah under federal Law No. 28 of 2012 and the Central Committee; Duhok under the Region’s law', async () => {
  const page = await app.open({ language: 'ar' });
  const basrah = await printedFrames(page, 'IQ-BA', 'ar');
  assert.match(basrah.theirs, /^الإطار القانوني/);
  assert.match(basrah.theirs, /العراق الاتحادي: قانون مكافحة الاتجار بالبشر رقم \(28\) لسنة 2012/);
  assert.match(basrah.theirs, /الجهات المختصة: اللجنة المركزية لمكافحة الاتجار بالبشر \(وزارة الداخلية\)/);
  assert.doesNotMatch(basrah.theirs, /2018/);
  assert.equal(basrah.dir, 'rtl');
  assert.equal(basrah.direction, 'rtl');
  assert.match(basrah.english, /Legal frame Federal Iraq: Law No\. 28 of 2012 on Combating Trafficking in Persons/);
  assert.match(basrah.english, /Competent bodies: Central Committee for Combating Human Trafficking \(Ministry of Interior\)/);

  const duhok = await printedFrames(page, 'IQ-DA', 'ar');
  assert.match(duhok.theirs, /إقليم كوردستان: قانون إقليم كوردستان رقم \(6\) لسنة 2018 لمكافحة الاتجار بالبشر/);
  assert.doesNotMatch(duhok.theirs, /لسنة 2012/);

  // The governorate's own page says it too, above its services.
  await page.goto('/governorates/IQ-DA');
  const onPage = page.locator('ct-governorate-view .legal-frame');
  await onPage.waitFor();
  assert.match(((await onPage.textContent()) ?? '').replace(/\s+/g, ' '), /الإطار القانوني إقليم كوردستان: قانون إقليم كوردستان رقم \(6\) لسنة 2018/);
  await page.context().close();
});

test('Sorani pathway: Sulaymaniyah under the Region’s Law No. 6 of 2018; Baghdad under the federal law', async () => {
  const page = await app.open({ language: 'ckb' });
  const sulaymaniyah = await printedFrames(page, 'IQ-SU', 'ckb');
  assert.match(sulaymaniyah.theirs, /^چوارچێوەی یاسایی/);
  assert.match(sulaymaniyah.theirs, /هەرێمی کوردستان: یاسای ژمارە \(٦\)ی ساڵی ٢٠١٨ی هەرێمی کوردستان/);
  assert.match(sulaymaniyah.theirs, /لایەنە تایبەتمەندەکان: بەڕێوەبەرایەتی و لیژنەی تایبەتمەندی حکومەتی هەرێمی کوردستان/);
  assert.equal(sulaymaniyah.direction, 'rtl');
  assert.match(sulaymaniyah.english, /Kurdistan Region: Kurdistan Region Law No\. 6 of 2018/);

  const baghdad = await printedFrames(page, 'IQ-BG', 'ckb');
  assert.match(baghdad.theirs, /عێراقی فیدراڵ: یاسای ژمارە \(٢٨\)ی ساڵی ٢٠١٢/);
  assert.match(baghdad.theirs, /لیژنەی ناوەندیی بەرەنگاربوونەوەی بازرگانیکردن بە مرۆڤەوە/);
  await page.context().close();
});

test('the pathway shows the frame as a platform admin corrected it', async () => {
  const before = await LegalFrameModel.findOne({ code: 'kurdistan-region' }).lean();
  await LegalFrameModel.updateOne({ code: 'kurdistan-region' }, { $set: { 'citation.ckb': 'یاسای ژمارە (٦)ی ساڵی ٢٠١٨ (دەستکاریکراو)' } });
  try {
    const page = await app.open({ language: 'ckb' });
    const halabja = await printedFrames(page, 'IQ-HA', 'ckb');
    assert.match(halabja.theirs, /هەرێمی کوردستان: یاسای ژمارە \(٦\)ی ساڵی ٢٠١٨ \(دەستکاریکراو\)/);
    await page.context().close();
  } finally {
    await LegalFrameModel.updateOne({ code: 'kurdistan-region' }, { $set: { citation: before!.citation } });
  }
});

test('a referral shows the frame of the receiving service’s governorate, in Sorani', async () => {
  const senderOrg = await createTestOrganization('local-ngo', 'Basrah sender');
  const receiverOrg = await createTestOrganization('international-ngo', 'Erbil receiver');
  const service = await ServiceModel.create({
    organizationId: receiverOrg,
    name: { en: 'Erbil shelter' },
    categories: ['shelter'],
    organizationType: 'international-ngo',
    governorates: ['IQ-AR'],
    acceptsReferrals: true,
  });
  await createTestUser({ role: 'caseworker', organizationId: receiverOrg });
  const { user, password } = await createTestUser({ role: 'caseworker', organizationId: senderOrg });
  const page = await app.open({ language: 'ckb' });
  const { token } = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
  assert.equal((await page.request.post('/api/v1/auth/login', { headers: { 'X-CSRF-Token': token }, data: { email: user.email, password } })).status(), 200);
  // Signing in starts a new session, with its own CSRF token.
  const { token: signedInToken } = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
  // The person is in Basrah (federal); the shelter works in Erbil: the Region's law applies there.
  const created = await page.request.post('/api/v1/referrals', {
    headers: { 'X-CSRF-Token': signedInToken },
    data: referralBody(receiverOrg, { toServiceId: service._id.toString(), governorate: 'IQ-BA' }),
  });
  assert.equal(created.status(), 201, await created.text());
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/referrals/${id}`);
  const frame = page.locator('ct-referral-view .legal-frame');
  await frame.waitFor();
  const shown = ((await frame.textContent()) ?? '').replace(/\s+/g, ' ');
  assert.match(shown, /چوارچێوەی یاسایی/);
  assert.match(shown, /هەرێمی کوردستان: یاسای ژمارە \(٦\)ی ساڵی ٢٠١٨/);
  assert.doesNotMatch(shown, /٢٠١٢/);
  assert.equal(await frame.evaluate((el) => getComputedStyle(el).direction), 'rtl');
  await page.context().close();
});

test('in Sorani on a 360 px phone, a platform admin corrects the Region’s competent body; the pathway shows it', async () => {
  const before = await LegalFrameModel.findOne({ code: 'kurdistan-region' }).lean();
  try {
    const { user, password } = await createTestUser({ role: 'platform-admin' });
    const page = await app.open({ language: 'ckb', viewport: { width: 360, height: 740 } });
    await signInThroughForm(page, '/admin/legal-frames', { email: user.email, password });
    const screen = page.locator('ct-admin-legal-frames');
    await screen.getByRole('heading', { name: 'چوارچێوە یاساییەکان' }).waitFor();
    // Governorates by name, once their names are in.
    const row = screen.locator('tbody tr', { hasText: 'هەرێمی کوردستان' }).filter({ hasText: 'هەولێر' });
    await row.waitFor();
    await row.getByRole('button', { name: /دەستکاری/ }).click();
    const form = screen.locator('form');
    await form.locator('ct-translated-fields[name="competentBodies.0"] >> #input-ckb').fill('لیژنەی باڵای بەرەنگاربوونەوەی بازرگانیکردن بە مرۆڤەوە');
    await form.getByRole('button', { name: 'چوارچێوە یاساییەکە پاشەکەوت بکە' }).click();
    await screen.locator('[role="status"]', { hasText: 'چوارچێوەی یاسایی هەرێمی کوردستان پاشەکەوت کرا.' }).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'the screen fits the phone');

    const erbil = await printedFrames(page, 'IQ-AR', 'ckb');
    assert.match(erbil.theirs, /لایەنە تایبەتمەندەکان: لیژنەی باڵای بەرەنگاربوونەوەی بازرگانیکردن بە مرۆڤەوە/);
    await page.context().close();
  } finally {
    await LegalFrameModel.updateOne({ code: 'kurdistan-region' }, { $set: { competentBodies: before!.competentBodies } });
  }
});
