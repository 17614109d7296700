/**
 * Issue 18 point 5 in the browser: an organisation's new phone number is public at once with "updated
 * by the organisation on <date>, not yet verified" (English, Arabic, Sorani); a platform admin working
 * in Sorani sees the number before and after in the queue and rejects the change with a reason, which
 * puts the verified number back, removes the line and shows the organisation why in its workspace.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { recordAudit } from '../../server/audit/audit.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { createTestUser } from '../support/auth.js';
import { screenshot, signInThroughForm, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();

const DAY_MS = 86_400_000;
const VERIFIED_NUMBER = '+9647705550142';
const NEW_NUMBER = '+9647705550199';

/** A verified service whose organisation has since changed its phone number, as PATCH would write and audit it. */
async function serviceWithChangedPhone(): Promise<{ id: string; organizationId: string; name: { en: string; ar: string; ckb: string } }> {
  const verifiedAt = new Date(Date.now() - 2 * DAY_MS);
  const verification = { status: 'verified', verifiedAt };
  const org = await OrganizationModel.create({ name: { en: 'Review Walk NGO' }, type: 'local-ngo', governorates: ['IQ-AR'], verification, lastVerifiedAt: verifiedAt });
  const name = { en: 'Legal advice desk', ar: 'مكتب الاستشارات القانونية', ckb: 'نووسینگەی ڕاوێژی یاسایی' };
  const service = await ServiceModel.create({
    organizationId: org._id,
    name,
    governorates: ['IQ-AR'],
    phones: [{ number: VERIFIED_NUMBER, type: 'voice' }],
    verification,
    lastVerifiedAt: verifiedAt,
  });
  const before = service.toObject();
  const after = await ServiceModel.findByIdAndUpdate(
    service._id,
    { $set: { phones: [{ number: NEW_NUMBER, type: 'voice' }], 'verification.status': 'pending', 'verification.changedAt': new Date() }, $inc: { version: 1 } },
    { new: true },
  ).lean();
  await recordAudit(null, {
    action: 'service.update',
    entity: 'service',
    entityId: service._id.toHexString(),
    organizationId: org._id.toHexString(),
    before: before as unknown as Record<string, unknown>,
    after: after as unknown as Record<string, unknown>,
  });
  return { id: service._id.toHexString(), organizationId: org._id.toHexString(), name };
}

const UNVERIFIED = {
  en: /Updated by the organisation on .+, not yet verified/,
  ar: /حدّثته المنظمة في .+، ولم يتم التحقق منه بعد/,
  ckb: /لە .+ ڕێکخراوەکە نوێی کردەوە، هێشتا پشتڕاست نەکراوەتەوە/,
} as const;

async function servicePage(id: string, language: keyof typeof UNVERIFIED): Promise<Page> {
  const page = await app.open({ language });
  await page.goto(`/services/${id}`);
  await page.locator('ct-service-view h1').waitFor();
  return page;
}

test('a changed phone is public at once and marked unverified in three languages; a Sorani-speaking admin sees the diff and rejects it', async () => {
  const service = await serviceWithChangedPhone();

  for (const language of ['en', 'ar', 'ckb'] as const) {
    const page = await servicePage(service.id, language);
    const line = page.locator('.unverified-change');
    await line.waitFor();
    assert.match((await line.textContent()) ?? '', UNVERIFIED[language]);
    await page.locator(`a[href="tel:${NEW_NUMBER}"]`).first().waitFor();
    await screenshot(page, `verification-unverified-${language}`);
    await page.context().close();
  }

  const { user, password } = await createTestUser({ role: 'platform-admin', name: 'Shno Admin' });
  const admin = await app.open({ language: 'ckb' });
  await signInThroughForm(admin, '/admin/verification', { email: user.email, password });
  const queue = admin.locator('ct-admin-verification');
  const row = queue.locator('tbody tr', { hasText: service.name.ckb });
  await row.waitFor();
  const phones = row.locator('.changed div', { hasText: 'ژمارەکانی تەلەفۆن' });
  assert.match((await phones.locator('.before').textContent()) ?? '', new RegExp(VERIFIED_NUMBER.replace('+', '\\+')));
  assert.match((await phones.locator('.after').textContent()) ?? '', new RegExp(NEW_NUMBER.replace('+', '\\+')));
  await screenshot(admin, 'verification-diff-ckb');

  await row.getByRole('button', { name: `ڕەتکردنەوەی گۆڕانکاریی ${service.name.ckb}` }).click();
  await row.getByLabel('هۆکار (بە ڕێکخراوەکە دەوترێت)').fill('ئەم ژمارەیە وەڵام ناداتەوە.');
  await row.getByRole('button', { name: 'ڕەتی بکەرەوە و بەها پشتڕاستکراوەکان بگەڕێنەوە' }).click();
  await queue.getByRole('status').filter({ hasText: `گۆڕانکاریی ${service.name.ckb} ڕەتکرایەوە` }).waitFor();
  await queue.locator('tbody tr', { hasText: service.name.ckb }).waitFor({ state: 'detached' });
  await admin.context().close();

  const stored = await ServiceModel.findById(service.id).lean();
  assert.deepEqual(stored?.phones.map((p) => p.number), [VERIFIED_NUMBER]);
  assert.equal(stored?.verification?.status, 'verified');

  const after = await servicePage(service.id, 'ar');
  await after.locator('ct-service-view .badges').waitFor();
  assert.equal(await after.locator('.unverified-change').count(), 0, 'nothing waits any more');
  await after.context().close();

  // The organisation reads why in its workspace (Arabic), on the service it edits.
  const member = await createTestUser({ role: 'org-admin', organizationId: service.organizationId });
  const workspace = await app.open({ language: 'ar' });
  await signInThroughForm(workspace, `/workspace/services/${service.id}`, { email: member.user.email, password: member.password });
  const reason = workspace.locator('.rejection');
  await reason.waitFor();
  assert.match((await reason.textContent()) ?? '', /لم يقبل مسؤول المنصة تغييرًا.*ئەم ژمارەیە وەڵام ناداتەوە\./s);
  await screenshot(workspace, 'verification-rejected-workspace-ar');
  await workspace.context().close();
});
