/**
 * Referral journeys on the real app: a Basrah caseworker (Arabic interface) writes a referral in the
 * wizard, leaves it as a draft and resumes it after a reload, then sends it; the receiving shelter
 * (English) acknowledges and accepts it; the sender sees the new state and the timeline; two people
 * acting at once get a clear "someone else moved it"; a government liaison cannot open it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { referralBody } from '../api/referrals-fixtures.js';
import { createTestOrganization, createTestUser } from '../support/auth.js';
import { screenshot, useBrowserApp, type PageOptions } from '../support/browser.js';

const app = useBrowserApp();

interface Account {
  email: string;
  password: string;
  name: string;
}

interface Cast {
  serviceId: string;
  senderOrgName: string;
  sender: Account;
  receiver: Account;
  receiverAdmin: Account;
  liaison: Account;
  receiverOrg: string;
}

let cast: Cast;
let prepared: Promise<void> | undefined;

async function account(role: 'caseworker' | 'org-admin' | 'gov-liaison', organizationId: string, name: string): Promise<Account> {
  const { user, password } = await createTestUser({ role, organizationId, name });
  return { email: user.email, password, name };
}

/** The organisations, service and people of every journey, made once the app (and its database) is up. */
const prepare = () => (prepared ??= makeCast());

async function makeCast(): Promise<void> {
  const senderOrgName = 'Basrah Survivors Network';
  const senderOrg = await createTestOrganization('local-ngo', senderOrgName);
  await OrganizationModel.updateOne({ _id: senderOrg }, { $set: { governorates: ['IQ-BA'], name: { en: senderOrgName, ar: 'شبكة الناجين في البصرة' } } });
  const receiverOrg = await createTestOrganization('international-ngo', 'Safe Haven Iraq');
  await OrganizationModel.updateOne({ _id: receiverOrg }, { $set: { name: { en: 'Safe Haven Iraq', ar: 'الملاذ الآمن العراق' } } });
  const service = await ServiceModel.create({
    organizationId: receiverOrg,
    name: { en: 'Safe shelter for women', ar: 'مأوى آمن للنساء' },
    categories: ['shelter'],
    organizationType: 'international-ngo',
    governorates: ['IQ-BA'],
    acceptsReferrals: true,
  });
  const government = await createTestOrganization('government', 'Anti-Trafficking Directorate');
  cast = {
    serviceId: service._id.toString(),
    senderOrgName,
    receiverOrg,
    sender: await account('caseworker', senderOrg, 'Huda Caseworker'),
    receiver: await account('caseworker', receiverOrg, 'Sara Receiver'),
    receiverAdmin: await account('org-admin', receiverOrg, 'Omar Shelter Manager'),
    liaison: await account('gov-liaison', government, 'Karim Liaison'),
  };
}

/** A page signed in as `who` (through the API, sharing the browser context's cookies). */
async function signedInPage(pick: () => Account, options: PageOptions = {}): Promise<Page> {
  await prepare();
  const who = pick();
  const page = await app.open(options);
  const { token } = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const res = await page.request.post('/api/v1/auth/login', { headers: { 'X-CSRF-Token': token }, data: { email: who.email, password: who.password } });
  assert.equal(res.status(), 200, 'signed in');
  return page;
}

/** A write through the API as the page's user (for setting up states the test does not drive). */
async function apiPost(page: Page, url: string, data: object): Promise<{ id: string; version: number }> {
  const { token } = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const res = await page.request.post(url, { headers: { 'X-CSRF-Token': token }, data });
  assert.ok(res.ok(), `${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { id: string; version: number };
}

/** A complete referral to the shelter service, as the API fixtures write one. */
const shelterReferral = (caseCode: string) => referralBody(cast.receiverOrg, { toServiceId: cast.serviceId, caseCode, urgency: 'emergency' });

/** A datetime-local value an hour ago on the browser's clock. */
function anHourAgo(): string {
  const d = new Date(Date.now() - 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

let referralId = '';
const CASE_CODE = 'BSR-2026-014';

test('(a) a Basrah caseworker refers a case in Arabic on a phone, saving a draft and resuming it after a reload', async () => {
  const page = await signedInPage(() => cast.sender, { language: 'ar', viewport: { width: 360, height: 780 } });
  const wizard = page.locator('ct-referral-wizard-view');
  await page.goto(`/referrals/new?service=${cast.serviceId}`);
  // Started from the service: it is chosen, and the case step comes first, with the organisation's
  // numbering, its governorate and the interface language filled in.
  await wizard.locator('.chosen-name', { hasText: 'مأوى آمن للنساء' }).waitFor();
  assert.match((await wizard.locator('.chosen').textContent()) ?? '', /الملاذ الآمن العراق/);
  await wizard.getByText('لم تُحفظ بعد').waitFor();
  assert.equal(await wizard.locator('#caseCode').inputValue(), `BA-${new Date().getFullYear()}-`);
  assert.equal(await wizard.locator('#governorate').inputValue(), 'IQ-BA');
  assert.equal(await wizard.locator('#preferredLanguage').inputValue(), 'ar');

  // A name as the case code (even with a number) is refused in the browser by the server's own schema,
  // next to the field, saying why and suggesting the organisation's numbering (Basrah: BA-year-number).
  await wizard.locator('#caseCode').fill('Fatima-1');
  await wizard.getByRole('button', { name: 'التالي' }).click();
  const caseCode = wizard.locator('#caseCode');
  await wizard.locator('#caseCode-error').waitFor();
  assert.equal(await caseCode.getAttribute('aria-invalid'), 'true');
  assert.match((await caseCode.getAttribute('aria-describedby')) ?? '', /caseCode-error/);
  const nameRefused = (await wizard.locator('#caseCode-error').textContent()) ?? '';
  assert.match(nameRefused, /لا تكتب اسمًا في رمز الحالة/);
  assert.ok(nameRefused.includes(`BA-${new Date().getFullYear()}-0001`), nameRefused);

  await caseCode.fill(CASE_CODE);
  await wizard.locator('#ageBand').selectOption('25-59');
  await wizard.locator('input[name="sex"][value="female"]').check();
  await wizard.locator('#nationality').selectOption('IQ');
  await wizard.getByRole('button', { name: 'التالي' }).click();

  await wizard.locator('input[type="checkbox"][value="shelter"]').check();
  await wizard.locator('input[type="checkbox"][value="medical"]').check();
  await wizard.locator('input[name="urgency"][value="high"]').check();
  await wizard.getByRole('button', { name: 'التالي' }).click();

  // Consent: the override path is explained before it can be chosen.
  await wizard.locator('input[name="consent"][value="overridden"]').check();
  await wizard.getByText('الإرسال دون موافقة استثناء').waitFor();
  assert.equal(await wizard.locator('input[name="overrideReason"][value="child-at-risk"]').count(), 0, 'child-at-risk only for children');

  // The first save (automatic, once consent makes the record complete) reaches the server but its
  // answer is lost; the retry sends the same Idempotency-Key and gets the same draft, not a second.
  const creationKeys: string[] = [];
  await page.route('**/api/v1/referrals', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    creationKeys.push((await route.request().headerValue('idempotency-key')) ?? '');
    if (creationKeys.length > 1) return route.continue();
    await route.fetch();
    await route.abort('connectionreset');
  });
  await wizard.locator('input[name="consent"][value="person"]').check();
  await wizard.locator('#consentAt').fill(anHourAgo());
  await wizard.locator('input[type="checkbox"][value="share-case-information"]').check();
  await wizard.getByText('تعذّر الوصول إلى الخادم').waitFor();
  await wizard.getByRole('button', { name: 'التالي' }).click();

  // Complete enough: kept on the server as a draft, named by the URL.
  await page.waitForURL(/\/referrals\/new\?draft=[0-9a-f]{24}$/);
  referralId = new URL(page.url()).searchParams.get('draft')!;
  await wizard.getByText(/حُفظت المسودة/).waitFor();
  assert.equal(creationKeys.length, 2);
  assert.match(creationKeys[0]!, /^"[0-9a-f]{32}"$/);
  assert.equal(creationKeys[1], creationKeys[0], 'the retry reuses the key');
  const outbox = (await (await page.request.get('/api/v1/referrals?box=outbox&pageSize=100')).json()) as { items: { id: string; caseCode: string }[] };
  assert.deepEqual(outbox.items.filter((r) => r.caseCode === CASE_CODE).map((r) => r.id), [referralId], 'one draft, not two');
  await page.unroute('**/api/v1/referrals');

  await page.reload();
  await wizard.getByText(/أنت تكمل مسودة/).waitFor();
  await wizard.getByRole('button', { name: 'إرسال الإحالة' }).waitFor(); // resumes at the review
  await wizard.locator('.stepper').getByRole('button', { name: /الموافقة/ }).click();
  await wizard.locator('#summary').fill('امرأة هربت من العمل القسري؛ تحتاج إلى مأوى الليلة ورعاية طبية.');
  await wizard.getByRole('button', { name: 'التالي' }).click();

  await wizard.getByRole('button', { name: 'إرسال الإحالة' }).waitFor();
  const review = (await wizard.locator('dl.review').textContent()) ?? '';
  assert.match(review, new RegExp(CASE_CODE));
  assert.match(review, /المأوى والسكن الآمن/);
  assert.match(review, /تحتاج إلى مأوى الليلة/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360px phone (${width}px)`);
  const stored = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(stored, ['ct-directory.language'], 'no case data in the browser');
  await screenshot(page, 'referral-wizard-ar');

  await wizard.getByRole('button', { name: 'إرسال الإحالة' }).click();
  await page.waitForURL(new RegExp(`/referrals/${referralId}\\?sent=1$`));
  await page.locator('ct-referral-view').getByText('أُرسلت الإحالة').waitFor();
  await page.context().close();
});

test('(b) the shelter (English) finds it in the inbox, acknowledges and accepts it', async () => {
  assert.ok(referralId, 'journey (a) ran');
  const page = await signedInPage(() => cast.receiver, { language: 'en' });
  await page.goto('/referrals');
  const badge = page.locator('ct-app ct-referral-badge .count');
  await badge.waitFor();
  assert.match((await badge.textContent()) ?? '', /1/);
  const list = page.locator('ct-referral-list-view');
  const row = list.locator('tbody tr', { hasText: CASE_CODE });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Sent/);
  assert.match((await row.textContent()) ?? '', /Basrah Survivors Network/);
  await list.locator('#filter-status').selectOption('accepted');
  await page.waitForURL(/status=accepted/);
  await list.getByText('No referrals match.').waitFor();
  await page.goBack();
  await row.getByRole('link', { name: CASE_CODE }).click();

  const view = page.locator('ct-referral-view');
  await view.getByRole('button', { name: 'Acknowledge receipt' }).click();
  await view.getByText('Done: the referral is now “Acknowledged”.').waitFor();
  assert.equal(await view.getByRole('button', { name: 'Withdraw referral…' }).count(), 0, 'the sender’s moves are not offered');
  await view.getByRole('button', { name: 'Accept referral' }).click();
  await view.getByText('Done: the referral is now “Accepted”.').waitFor();
  await badge.waitFor({ state: 'detached' }); // nothing waits for acknowledgement any more
  await view.locator('#comment').fill('Bed reserved; our focal point will call at 18:00.');
  await view.getByRole('button', { name: 'Post comment' }).click();
  await view.locator('.comments', { hasText: 'Bed reserved' }).waitFor();
  assert.ok(await view.getByRole('button', { name: 'Mark as completed…' }).isVisible());
  await screenshot(page, 'referral-page-en');
  await page.context().close();
});

test('(c) the sender sees the new state and the timeline (Arabic)', async () => {
  assert.ok(referralId, 'journey (a) ran');
  const page = await signedInPage(() => cast.sender, { language: 'ar' });
  await page.goto(`/referrals/${referralId}`);
  const view = page.locator('ct-referral-view');
  await view.locator('.page-header [data-status="accepted"]').waitFor();
  const timeline = view.locator('.timeline li');
  assert.equal(await timeline.count(), 4, 'draft, sent, acknowledged, accepted');
  assert.match((await timeline.nth(3).textContent()) ?? '', /مقبولة[\s\S]*Sara Receiver[\s\S]*الملاذ الآمن العراق/);
  assert.match((await timeline.nth(0).textContent()) ?? '', /Huda Caseworker/);
  assert.match((await view.locator('.comments').textContent()) ?? '', /Bed reserved/);
  assert.ok(await view.getByRole('button', { name: 'سحب الإحالة…' }).isVisible(), 'the sender may withdraw');
  assert.equal(await view.getByRole('button', { name: 'قبول الإحالة' }).count(), 0);
  await screenshot(page, 'referral-page-ar');
  await page.context().close();
});

test('(d) two people act at once: the second is told who moved it first, and sees the current state', async () => {
  const sender = await signedInPage(() => cast.sender, { language: 'en' });
  const { id } = await apiPost(sender, '/api/v1/referrals', { ...shelterReferral('BSR-2026-015'), send: true });

  // The English wizard's review step, on a draft written elsewhere (through the API).
  const draft = await apiPost(sender, '/api/v1/referrals', shelterReferral('BSR-2026-016'));
  await sender.goto(`/referrals/new?draft=${draft.id}`);
  const wizard = sender.locator('ct-referral-wizard-view');
  await wizard.getByText(/You are continuing a draft/).waitFor();
  await wizard.getByRole('button', { name: /Review and send/ }).click();
  await wizard.getByRole('button', { name: 'Send referral' }).waitFor();
  await screenshot(sender, 'referral-wizard-en');
  await sender.context().close();

  const first = await signedInPage(() => cast.receiver, { language: 'en' });
  const second = await signedInPage(() => cast.receiverAdmin, { language: 'en' });
  for (const page of [first, second]) {
    await page.goto(`/referrals/${id}`);
    await page.locator('ct-referral-view').getByRole('button', { name: 'Acknowledge receipt' }).waitFor();
  }
  await first.locator('ct-referral-view').getByRole('button', { name: 'Acknowledge receipt' }).click();
  await first.locator('ct-referral-view').getByText('Done: the referral is now “Acknowledged”.').waitFor();

  const view = second.locator('ct-referral-view');
  await view.getByRole('button', { name: 'Acknowledge receipt' }).click();
  const notice = view.locator('#notice');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', /Sara Receiver changed this referral to “Acknowledged” at .*here is the current state/);
  assert.equal(await notice.getAttribute('role'), 'alert');
  await view.locator('.page-header [data-status="acknowledged"]').waitFor();
  assert.ok(await view.getByRole('button', { name: 'Accept referral' }).isVisible(), 'the moves of the current state');
  assert.equal(await view.getByRole('button', { name: 'Acknowledge receipt' }).count(), 0);
  await screenshot(second, 'referral-conflict-en');
  await first.context().close();
  await second.context().close();
});

test('(e) a government liaison opening another body’s referral gets a refusal that leaks nothing', async () => {
  assert.ok(referralId, 'journey (a) ran');
  const page = await signedInPage(() => cast.liaison, { language: 'en' });
  await page.goto(`/referrals/${referralId}`);
  const view = page.locator('ct-referral-view');
  await view.getByRole('heading', { name: 'You cannot open this referral' }).waitFor();
  const text = (await view.textContent()) ?? '';
  assert.doesNotMatch(text, new RegExp(CASE_CODE));
  assert.doesNotMatch(text, /Safe Haven|Basrah Survivors|shelter/i);
  await screenshot(page, 'referral-refused-en');
  await page.context().close();
});

/**
 * The user actions of a journey, counted as the issue counts them: a click, a tap, a choice in a list
 * and typing into one field are one action each.
 */
function actionCounter() {
  let count = 0;
  const act = async (action: Promise<unknown>) => {
    count += 1;
    await action;
  };
  return { act, count: () => count };
}

test('(f) a standard adult referral with consent takes at most 12 actions, from the service page, in Sorani on a phone', async () => {
  const page = await signedInPage(() => cast.sender, { language: 'ckb', viewport: { width: 360, height: 780 } });
  const wizard = page.locator('ct-referral-wizard-view');
  const { act, count } = actionCounter();
  const caseCode = 'BSR-2026-101';
  await page.goto(`/services/${cast.serviceId}`);

  await act(page.getByRole('link', { name: 'ڕەوانەکردن بۆ ئەم خزمەتگوزارییە' }).click());
  await act(wizard.locator('#caseCode').fill(caseCode));
  await act(wizard.locator('#ageBand').selectOption('25-59'));
  await act(wizard.locator('input[name="sex"][value="female"]').check());
  await act(wizard.locator('#nationality').selectOption('SY'));
  await act(wizard.getByRole('button', { name: 'دواتر' }).click());
  await act(wizard.locator('input[type="checkbox"][value="shelter"]').check());
  await act(wizard.locator('input[name="urgency"][value="normal"]').check());
  await act(wizard.getByRole('button', { name: 'دواتر' }).click());
  await act(wizard.locator('input[name="consent"][value="person"]').check());
  await act(wizard.getByRole('button', { name: 'دواتر' }).click());
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360px phone (${width}px)`);
  await act(wizard.getByRole('button', { name: 'ناردنی ڕەوانەکردن' }).click());

  await page.locator('ct-referral-view').getByText('ڕەوانەکردنەکە نێردرا').waitFor();
  assert.ok(count() <= 12, `${count()} actions`);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const sent = (await (await page.request.get(`/api/v1/referrals/${id}`)).json()) as {
    status: string;
    governorate: string;
    preferredLanguage: string;
    consent: { given: boolean; by: string; at: string; scope: string[] };
  };
  assert.equal(sent.status, 'sent');
  assert.deepEqual([sent.governorate, sent.preferredLanguage], ['IQ-BA', 'ckb'], 'filled in: the organisation’s governorate, the interface language');
  assert.deepEqual([sent.consent.given, sent.consent.by, sent.consent.scope], [true, 'person', ['referral']]);
  assert.ok(Math.abs(Date.parse(sent.consent.at) - Date.now()) < 5 * 60_000, `consent given now (${sent.consent.at})`);

  await page.goto('/referrals?box=out');
  await page.locator('ct-referral-list-view tbody tr', { hasText: caseCode }).waitFor();
  await page.context().close();
});

test('(g) a draft is saved as the caseworker types: a reload mid-way finds it, a dropped connection loses nothing, a conflict reloads', async () => {
  const page = await signedInPage(() => cast.sender, { language: 'ar', viewport: { width: 360, height: 780 } });
  const wizard = page.locator('ct-referral-wizard-view');
  const caseCode = 'BSR-2026-102';
  await page.goto(`/referrals/new?service=${cast.serviceId}`);
  await wizard.locator('#caseCode').fill(caseCode);
  await wizard.locator('#ageBand').selectOption('18-24');
  await wizard.locator('input[name="sex"][value="male"]').check();
  await wizard.locator('#nationality').selectOption('BD');
  await wizard.getByRole('button', { name: 'التالي' }).click();
  await wizard.locator('input[type="checkbox"][value="shelter"]').check();
  await wizard.locator('input[name="urgency"][value="high"]').check();
  await wizard.getByRole('button', { name: 'التالي' }).click();
  await wizard.locator('input[name="consent"][value="person"]').check();
  await wizard.locator('input[type="checkbox"][value="share-case-information"]').check();
  const summary = 'عامل منزلي احتُجز جواز سفره؛ يحتاج إلى مأوى.';
  await wizard.locator('#summary').fill(summary);

  // No button pressed: the draft is on the server, and the page says when it was saved.
  const status = wizard.locator('p.status');
  await status.filter({ hasText: /حُفظت المسودة في \S+/ }).waitFor();
  assert.match(page.url(), /\/referrals\/new\?draft=[0-9a-f]{24}$/);
  const id = new URL(page.url()).searchParams.get('draft')!;
  const stored = (await (await page.request.get(`/api/v1/referrals/${id}`)).json()) as { summary: string; version: number };
  assert.equal(stored.summary, summary);
  assert.equal(stored.version, 1, 'one save for the whole burst of changes');

  await page.reload();
  await wizard.getByText(/أنت تكمل مسودة/).waitFor();
  const review = (await wizard.locator('dl.review').textContent()) ?? '';
  assert.ok(review.includes(caseCode) && review.includes(summary), review);

  // Typed while the connection is down: said at once, saved when it comes back.
  await page.context().setOffline(true);
  await wizard.locator('.stepper').getByRole('button', { name: /الموافقة/ }).click();
  const notes = 'الاتصال صباحًا فقط.';
  await wizard.locator('#notes').fill(notes);
  await wizard.getByText('تعذّر الوصول إلى الخادم').waitFor();
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/referrals/${id}`) && r.request().method() === 'PATCH');
  await page.context().setOffline(false);
  assert.equal((await saved).status(), 200);
  await wizard.getByText('تعذّر الوصول إلى الخادم').waitFor({ state: 'detached' });
  const current = (await (await page.request.get(`/api/v1/referrals/${id}`)).json()) as { notes: string; version: number };
  assert.equal(current.notes, notes);

  // Changed elsewhere meanwhile: the next autosave is refused (412), the saved version comes back, and it says so.
  const { token } = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const res = await page.request.patch(`/api/v1/referrals/${id}`, {
    headers: { 'X-CSRF-Token': token, 'If-Match': `"${current.version}"` },
    data: { urgency: 'emergency' },
  });
  assert.equal(res.status(), 200, await res.text());
  await wizard.locator('#notes').fill('الاتصال مساءً فقط.');
  await wizard.getByText('تغيّرت هذه المسودة في نافذة أخرى أو على جهاز آخر').waitFor();
  assert.match((await wizard.locator('dl.review').textContent()) ?? '', /طارئ/);
  await page.context().close();
});

test('(g) a child’s referral in Arabic on a phone: guardian and best interests asked, accepted by the shelter', async () => {
  const page = await signedInPage(() => cast.sender, { language: 'ar', viewport: { width: 360, height: 780 } });
  const wizard = page.locator('ct-referral-wizard-view');
  await page.goto(`/referrals/new?service=${cast.serviceId}`);
  await wizard.locator('.chosen-name', { hasText: 'مأوى آمن للنساء' }).waitFor();
  const caseCode = 'BA-2026-077';
  await wizard.locator('#caseCode').fill(caseCode);
  await wizard.locator('#ageBand').selectOption('unknown');
  await wizard.locator('input[name="ageStatus"][value="uncertain"]').check();
  await wizard.locator('input[name="sex"][value="female"]').check();
  await wizard.locator('#nationality').selectOption('IQ');
  // An uncertain age is a child's: the step asks for the guardian and the best interests, and stays until given.
  await wizard.getByText('لا يمكن قبول الإحالة دونهما').waitFor();
  await wizard.getByRole('button', { name: 'التالي' }).click();
  await wizard.locator('#guardianRole-error').waitFor();
  assert.match((await wizard.locator('#guardianRole-error').textContent()) ?? '', /صفة وليّ الأمر/);
  await wizard.locator('#guardianRole').selectOption('legal-guardian');
  await wizard.locator('#bestInterestsNote').fill('مأوى للأطفال قرب مدرستها يُبقيها في التعليم وبعيدة عن المُجنِّد. (بيانات تجريبية)');
  await wizard.getByRole('button', { name: 'التالي' }).click();

  await wizard.locator('input[type="checkbox"][value="shelter"]').check();
  await wizard.locator('input[name="urgency"][value="high"]').check();
  await wizard.getByRole('button', { name: 'التالي' }).click();

  // A child consents by or with the guardian: "the person alone" is not offered.
  assert.equal(await wizard.locator('input[name="consent"][value="person"]').count(), 0);
  await wizard.locator('input[name="consent"][value="person-with-guardian"]').check();
  await wizard.locator('#consentAt').fill(anHourAgo());
  assert.ok(await wizard.locator('input[name="contactPreference"][value="through-caseworker"]').isChecked(), 'contact through the caseworker by default');
  await wizard.getByRole('button', { name: 'التالي' }).click();

  await wizard.getByRole('button', { name: 'إرسال الإحالة' }).waitFor();
  const review = (await wizard.locator('dl.review').textContent()) ?? '';
  assert.match(review, /العمر غير مؤكد: يُعامَل كطفل/);
  assert.match(review, /وصي قانوني/);
  assert.match(review, /الطفل مع وليّ أمره/);
  assert.match(review, /عن طريق مسؤول الحالة المُحيل فقط/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360px phone (${width}px)`);
  await wizard.getByRole('button', { name: 'إرسال الإحالة' }).click();
  await page.waitForURL(/\/referrals\/[0-9a-f]{24}\?sent=1$/);
  const id = /\/referrals\/([0-9a-f]{24})/.exec(page.url())![1]!;
  await page.context().close();

  // The shelter, in Arabic on a phone too, reads how to contact the person first, then accepts.
  const shelter = await signedInPage(() => cast.receiver, { language: 'ar', viewport: { width: 360, height: 780 } });
  await shelter.goto(`/referrals/${id}`);
  const view = shelter.locator('ct-referral-view');
  const contact = view.locator('.page-header .contact-preference');
  await contact.waitFor();
  assert.match((await contact.textContent()) ?? '', /طريقة التواصل مع الشخص:[\s\S]*عن طريق مسؤول الحالة المُحيل فقط/);
  const facts = (await view.locator('section[aria-labelledby="case-heading"]').textContent()) ?? '';
  assert.match(facts, /وليّ الأمر أو البالغ المسؤول[\s\S]*وصي قانوني/);
  assert.match(facts, /المصلحة الفضلى للطفل[\s\S]*قرب مدرستها/);
  await view.getByRole('button', { name: 'تأكيد الاستلام' }).click();
  await view.getByText('تم: أصبحت الإحالة «تم تأكيد الاستلام».').waitFor();
  await view.getByRole('button', { name: 'قبول الإحالة' }).click();
  await view.getByText('تم: أصبحت الإحالة «مقبولة».').waitFor();
  const shelterWidth = await shelter.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(shelterWidth <= 360, `no sideways scrolling on a 360px phone (${shelterWidth}px)`);
  await screenshot(shelter, 'referral-child-ar');
  await shelter.context().close();
});

test('(h) notes withheld in the wizard in Arabic on a phone: the shelter reads why, never the notes', async () => {
  const page = await signedInPage(() => cast.sender, { language: 'ar', viewport: { width: 360, height: 780 } });
  const wizard = page.locator('ct-referral-wizard-view');
  await page.goto(`/referrals/new?service=${cast.serviceId}`);
  await wizard.locator('.chosen-name', { hasText: 'مأوى آمن للنساء' }).waitFor();
  await wizard.locator('#caseCode').fill('BSR-2026-215');
  await wizard.locator('#ageBand').selectOption('25-59');
  await wizard.locator('input[name="sex"][value="female"]').check();
  await wizard.locator('#nationality').selectOption('IQ');
  await wizard.getByRole('button', { name: 'التالي' }).click();
  await wizard.locator('input[type="checkbox"][value="shelter"]').check();
  await wizard.locator('input[name="urgency"][value="high"]').check();
  await wizard.getByRole('button', { name: 'التالي' }).click();
  await wizard.locator('input[name="consent"][value="person"]').check();
  await wizard.locator('#consentAt').fill(anHourAgo());
  await wizard.locator('input[type="checkbox"][value="share-case-information"]').check();
  const notes = 'أخوها يعمل عند نقطة التفتيش قرب المأوى. (بيانات تجريبية)';
  await wizard.locator('#notes').fill(notes);
  // Every part is shared until unticked; unticking one asks why.
  await wizard.getByText('ما يجوز مشاركته مع المنظمة المستقبِلة').waitFor();
  assert.ok(await wizard.locator('input[type="checkbox"][value="notes"]').isChecked(), 'shared by default');
  await wizard.locator('input[type="checkbox"][value="notes"]').uncheck();
  await wizard.locator('input[name="withheldReason"][value="risk-to-person"]').check();
  await wizard.getByRole('button', { name: 'التالي' }).click();
  await wizard.getByRole('button', { name: 'إرسال الإحالة' }).waitFor();
  assert.match((await wizard.locator('dl.review').textContent()) ?? '', /محجوب عن المنظمة المستقبِلة[\s\S]*الملاحظات/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360px phone (${width}px)`);
  await wizard.getByRole('button', { name: 'إرسال الإحالة' }).click();
  await page.waitForURL(/\/referrals\/[0-9a-f]{24}\?sent=1$/);
  const id = /\/referrals\/([0-9a-f]{24})/.exec(page.url())![1]!;
  await page.context().close();

  const shelter = await signedInPage(() => cast.receiver, { language: 'ar', viewport: { width: 360, height: 780 } });
  await shelter.goto(`/referrals/${id}`);
  const view = shelter.locator('ct-referral-view');
  const line = view.locator('.page-header .withheld');
  await line.waitFor();
  assert.equal(((await line.textContent()) ?? '').trim(), 'حجبته المنظمة المُحيلة: الملاحظات — قد تعرّض مشاركته الشخص للخطر');
  const pageText = (await view.locator('main, section, header').allTextContents()).join(' ');
  assert.ok(!pageText.includes('نقطة التفتيش'), 'the notes never reach the shelter');
  const shelterWidth = await shelter.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(shelterWidth <= 360, `no sideways scrolling on a 360px phone (${shelterWidth}px)`);
  await shelter.context().close();
});

test('(i) a transfer chosen in the wizard in Arabic on a phone: the shelter sees it, and once accepted the sender reads only', async () => {
  const page = await signedInPage(() => cast.sender, { language: 'ar', viewport: { width: 360, height: 780 } });
  const wizard = page.locator('ct-referral-wizard-view');
  await page.goto(`/referrals/new?service=${cast.serviceId}`);
  await wizard.locator('.chosen-name', { hasText: 'مأوى آمن للنساء' }).waitFor();
  await wizard.locator('#caseCode').fill('BSR-2026-316');
  await wizard.locator('#ageBand').selectOption('25-59');
  await wizard.locator('input[name="sex"][value="female"]').check();
  await wizard.locator('#nationality').selectOption('IQ');
  await wizard.getByRole('button', { name: 'التالي' }).click();
  await wizard.locator('input[type="checkbox"][value="shelter"]').check();
  await wizard.locator('input[name="urgency"][value="high"]').check();
  // A referral unless told otherwise; each choice says in one sentence who stays responsible.
  assert.ok(await wizard.locator('input[name="kind"][value="referral"]').isChecked(), 'a referral by default');
  await wizard.getByText('إحالة: تطلب خدمة واحدة، وتبقى منظمتك مسؤولة عن الحالة.').waitFor();
  await wizard.getByText('نقل: بعد القبول تصبح المنظمة المستقبِلة مسؤولة عن الحالة').click();
  assert.ok(await wizard.locator('input[name="kind"][value="transfer"]').isChecked());
  await wizard.getByRole('button', { name: 'التالي' }).click();
  await wizard.locator('input[name="consent"][value="person"]').check();
  await wizard.locator('#consentAt').fill(anHourAgo());
  await wizard.getByRole('button', { name: 'التالي' }).click();
  await wizard.getByRole('button', { name: 'إرسال الإحالة' }).waitFor();
  assert.match((await wizard.locator('dl.review').textContent()) ?? '', /إحالة أم نقل[\s\S]*نقل/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360px phone (${width}px)`);
  await wizard.getByRole('button', { name: 'إرسال الإحالة' }).click();
  await page.waitForURL(/\/referrals\/[0-9a-f]{24}\?sent=1$/);
  const id = /\/referrals\/([0-9a-f]{24})/.exec(page.url())![1]!;

  const shelter = await signedInPage(() => cast.receiver, { language: 'ar', viewport: { width: 360, height: 780 } });
  await shelter.goto('/referrals?box=in&kind=transfer');
  const list = shelter.locator('ct-referral-list-view');
  const row = list.locator('tr', { hasText: 'BSR-2026-316' });
  await row.waitFor();
  assert.match((await row.locator('.kind-transfer').textContent()) ?? '', /نقل/);
  await shelter.goto(`/referrals/${id}`);
  const view = shelter.locator('ct-referral-view');
  await view.locator('.page-header .kind-transfer').waitFor();
  assert.match((await view.locator('.page-header .kind-transfer').textContent()) ?? '', /نقل/);
  assert.match((await view.locator('dd[data-kind="transfer"]').textContent()) ?? '', /تصبح المنظمة المستقبِلة مسؤولة عن الحالة/);
  await view.getByRole('button', { name: 'تأكيد الاستلام' }).click();
  await view.getByText('تم: أصبحت الإحالة «تم تأكيد الاستلام».').waitFor();
  await view.getByRole('button', { name: 'قبول الإحالة' }).click();
  await view.getByText('تم: أصبحت الإحالة «مقبولة».').waitFor();
  const shelterWidth = await shelter.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(shelterWidth <= 360, `no sideways scrolling on a 360px phone (${shelterWidth}px)`);
  await screenshot(shelter, 'referral-transfer-ar');
  await shelter.context().close();

  // The sender keeps the history to read: no moves, no comment form, and a line that says why.
  await page.goto(`/referrals/${id}`);
  const history = page.locator('ct-referral-view');
  await history.locator('.page-header .read-only').waitFor();
  assert.match((await history.locator('.page-header .read-only').textContent()) ?? '', /نُقلت هذه الحالة/);
  assert.equal(await history.locator('#comment').count(), 0);
  assert.equal(await history.locator('.next-actions').count(), 0);
  await page.context().close();
});
