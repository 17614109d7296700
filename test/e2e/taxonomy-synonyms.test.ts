/**
 * A category's search words, edited by platform admins on a 360 px phone: in Sorani, one adds a word no
 * record contains, and a visitor searching it gets the category as a chip with its services; in
 * Arabic, a word the rules refuse is explained beside its box, in Arabic. Also the district filter of the
 * directory in Sorani. Screenshots go to test/artifacts/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { TaxonomyTermModel } from '../../server/directory/taxonomy/taxonomy.model.js';
import { createTestUser } from '../support/auth.js';
import { chooseLanguage, screenshot, signInThroughForm, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();
const PHONE = { width: 360, height: 740 };
/** Sorani for a refuge: in no record of the sample directory, and no vocabulary word yet. */
const WORD = 'سەرپەنا';
const SHELTER_CKB = 'پەناگە و نیشتەجێبوونی سەلامەت';

interface ApiPage {
  total: number;
  understood: { field: string; code: string }[];
}

async function api(query: string): Promise<ApiPage> {
  return (await (await fetch(`${app.baseUrl}/api/v1/services?${query}`)).json()) as ApiPage;
}

/** A platform admin signed in on a phone, on the categories screen, in `lang` chosen with the language switch. */
async function adminOnPhone(lang: 'ar' | 'ckb'): Promise<{ page: Page; userId: string }> {
  const { user, password } = await createTestUser({ role: 'platform-admin' });
  const page = await app.open({ viewport: PHONE });
  await signInThroughForm(page, '/admin/taxonomy', { email: user.email, password });
  await chooseLanguage(page, lang);
  return { page, userId: String(user.id) };
}

async function fitsThePhone(page: Page): Promise<void> {
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= PHONE.width, 'nothing wider than the phone');
}

test('in Sorani on a phone, an admin adds a search word to shelters; a visitor searching it finds the shelters', async () => {
  const before = await api(`q=${encodeURIComponent(WORD)}`);
  assert.deepEqual([before.total, before.understood], [0, []], 'no record says it, and search does not know it yet');

  const { page, userId } = await adminOnPhone('ckb');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  const view = page.locator('ct-admin-taxonomy');
  const row = view.locator('tbody tr', { hasText: SHELTER_CKB });
  await row.getByRole('button', { name: /دەستکاریکردنی ناوەکان و وشەکانی گەڕان/ }).click();
  const edit = view.locator('form.edit');
  await edit.getByRole('heading', { name: `ناوەکان و وشەکانی گەڕانی ${SHELTER_CKB}` }).waitFor();
  await edit.getByText('هەر وشەیەک لە دێڕێکدا').waitFor();

  // One word a line, in the Sorani box of the search words, typed right to left.
  const sorani = edit.getByRole('group', { name: 'وشەکانی گەڕان' }).getByLabel('کوردی (سۆرانی)');
  assert.equal(await sorani.getAttribute('dir'), 'rtl');
  const had = await sorani.inputValue();
  assert.ok(had.split('\n').includes('پەناگە'), 'the words it already has, one a line');
  await sorani.fill(`${had}\n${WORD}`);
  await fitsThePhone(page);
  await screenshot(page, 'admin-taxonomy-synonyms-ckb', { fullPage: false });
  await edit.getByRole('button', { name: 'پاشەکەوتکردنی ناوەکان و وشەکانی گەڕان' }).click();
  await view.getByRole('status').filter({ hasText: `ناوەکانی ${SHELTER_CKB} پاشەکەوت کران` }).waitFor();
  // The row shows the words it now has.
  await row.getByText(WORD).waitFor();

  const stored = await TaxonomyTermModel.findOne({ code: 'shelter' }).lean();
  assert.ok(stored?.synonyms?.ckb.includes(WORD));
  const audit = await AuditEntryModel.findOne({ action: 'taxonomyTerm.update', actorId: userId }).lean();
  assert.deepEqual(audit?.changes.map((c) => c.field), ['synonyms'], 'the change is in the audit log');
  await page.context().close();

  // A visitor, also on a phone in Sorani, searches the new word.
  const visitor = await app.open({ language: 'ckb', viewport: PHONE });
  await visitor.goto('/');
  await visitor.getByLabel('گەڕان لە خزمەتگوزارییەکان').fill(WORD);
  await visitor.getByRole('button', { name: 'گەڕان', exact: true }).click();
  await visitor.getByRole('button', { name: `لابردنی پاڵاوتن: ${SHELTER_CKB}` }).waitFor();
  await visitor.locator('[aria-busy="false"] h2[data-total]').waitFor();
  const shown = Number(await visitor.locator('h2[data-total]').getAttribute('data-total'));
  const shelters = (await api('category=shelter')).total;
  assert.ok(shelters > 0);
  assert.equal(shown, shelters, 'the shelters, as choosing the category would give');
  await fitsThePhone(visitor);
  await screenshot(visitor, 'search-new-synonym-ckb', { fullPage: false });
  await visitor.context().close();
});

test('in Arabic on a phone, a search word too long is refused beside its box, in Arabic', async () => {
  const { page } = await adminOnPhone('ar');
  const view = page.locator('ct-admin-taxonomy');
  const row = view.locator('tbody tr', { hasText: 'المساعدة القانونية والتمثيل' });
  await row.getByRole('button', { name: /تعديل الأسماء وكلمات البحث/ }).click();
  const edit = view.locator('form.edit');
  const arabic = edit.getByRole('group', { name: 'كلمات البحث' }).getByLabel('العربية');
  const had = await arabic.inputValue();
  await arabic.fill(`${had}\n${'م'.repeat(81)}`);
  await edit.getByRole('button', { name: 'حفظ الأسماء وكلمات البحث' }).click();

  const line = had.split('\n').filter((w) => w.trim()).length + 1;
  const n = await page.evaluate((value) => new Intl.NumberFormat('ar-IQ').format(value), line);
  const message = edit.locator('ct-translated-fields[name="synonyms"] .field-error');
  await message.waitFor();
  assert.equal((await message.textContent())?.trim(), `السطر ${n}: يجب ألا يزيد عدد الأحرف على 80.`);
  // Focus is on the refused box, which names the message for a screen reader.
  assert.equal(await arabic.getAttribute('aria-invalid'), 'true');
  assert.equal(await arabic.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), true);
  await fitsThePhone(page);
  await screenshot(page, 'admin-taxonomy-synonym-refused-ar', { fullPage: false });
  await page.context().close();
});

test('in Sorani on a phone, choosing a governorate offers its districts ("قەزا"); a district narrows the list and its chip removes it', async () => {
  const page = await app.open({ viewport: PHONE });
  await page.goto('/');
  await chooseLanguage(page, 'ckb');
  const settled = async () => {
    await page.locator('[aria-busy="false"] h2[data-total]').waitFor();
    return Number(await page.locator('h2[data-total]').getAttribute('data-total'));
  };
  await settled();
  const sheet = page.getByRole('dialog', { name: 'پاڵاوتن' });
  await page.getByRole('button', { name: 'پاڵاوتن', exact: true }).click();
  await sheet.waitFor();
  const districtFilter = sheet.locator('ct-facet-filter[name="district"]');
  assert.equal(await districtFilter.count(), 0, 'no district filter before a governorate is chosen');

  const { name } = (await (await fetch(`${app.baseUrl}/api/v1/governorates/IQ-BA`)).json()) as { name: Record<string, string | undefined> };
  await sheet.locator('ct-facet-filter[name="governorate"] summary').click();
  await sheet.locator('ct-facet-filter[name="governorate"] button.chip', { hasText: name.ckb ?? name.ar! }).click();
  await page.waitForURL((url) => url.searchParams.get('governorate') === 'IQ-BA');
  const inBasrah = await settled();

  // The district with the most services, yet fewer than the whole governorate: choosing it narrows the list.
  const facets = (await (await fetch(`${app.baseUrl}/api/v1/services/facets?governorate=IQ-BA`)).json()) as {
    district: Record<string, number>;
    districtNames: Record<string, { ckb: string }>;
  };
  const [code, count] = Object.entries(facets.district).filter(([, n]) => n < inBasrah).sort((a, b) => b[1] - a[1])[0]!;
  const district = facets.districtNames[code]!.ckb;
  await districtFilter.locator('summary', { hasText: 'قەزا' }).waitFor();
  if (!(await districtFilter.locator('details').getAttribute('open'))) await districtFilter.locator('summary').click();
  await districtFilter.locator('button.chip', { hasText: district }).click();
  await page.waitForURL((url) => url.searchParams.get('district') === code);
  assert.equal(await settled(), count, 'the list narrows to the district');
  assert.ok(count < inBasrah);
  await screenshot(page, 'directory-district-ckb', { fullPage: false });
  await sheet.getByRole('button', { name: 'ئەنجامەکان پیشان بدە' }).click();

  await page.getByRole('button', { name: `لابردنی پاڵاوتن: ${district}` }).click();
  await page.waitForURL((url) => !url.searchParams.has('district') && url.searchParams.get('governorate') === 'IQ-BA');
  assert.equal(await settled(), inBasrah, 'removing the district widens the list to the governorate again');
  await fitsThePhone(page);
  await page.context().close();
});
