/**
 * A service page shows its address in the reader's language: the street and city are translated
 * text, each in the asked language or the app's content fallback (Sorani → Arabic → English).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { LocationModel } from '../../server/directory/locations/location.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { createTestOrganization } from '../support/auth.js';
import { chooseLanguage, screenshot, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();

/**
 * Every text of the page, shadow roots included (the views render inside them). Written without
 * inner named functions: the test runner's compiler wraps those in a helper the page lacks.
 */
const deepText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const texts = [document.title];
    const roots: Node[] = [document.body];
    for (let root = roots.pop(); root; root = roots.pop()) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Text) texts.push(node.data);
        else if (node instanceof Element && node.shadowRoot) roots.push(node.shadowRoot);
      }
    }
    return texts.join(' ');
  });

const squeezed = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

test('a service page shows its address in English, Arabic and Sorani, never "[object Object]"', async () => {
  const organizationId = await createTestOrganization('local-ngo', 'Anbar Legal Aid');
  // No Sorani street: in Sorani the street falls back to Arabic, the city is in Sorani.
  const location = await LocationModel.create({
    organizationId,
    name: { en: 'Fallujah office', ar: 'مكتب الفلوجة', ckb: 'نووسینگەی فەللووجە' },
    address: {
      street: { en: '14 July Street', ar: 'شارع 14 تموز' },
      city: { en: 'Fallujah', ar: 'الفلوجة', ckb: 'فەللووجە' },
      district: 'Al-Fallujah',
      governorate: 'IQ-AN',
    },
  });
  const service = await ServiceModel.create({
    organizationId,
    name: { en: 'Legal counselling', ar: 'استشارة قانونية', ckb: 'ڕاوێژی یاسایی' },
    categories: ['legal-aid'],
    governorates: ['IQ-AN'],
    locationIds: [location._id],
  });

  const page = await app.open();
  await page.goto(`/services/${service._id.toString()}`);
  // The service's one location: its name, then its address.
  const place = page.locator('ct-service-view li:has(> strong)');
  const expected = [
    { lang: 'en', text: 'Fallujah office 14 July Street, Al-Fallujah, Fallujah' },
    { lang: 'ar', text: 'مكتب الفلوجة شارع 14 تموز، Al-Fallujah، الفلوجة' },
    { lang: 'ckb', text: 'نووسینگەی فەللووجە شارع 14 تموز (عەرەبی)، Al-Fallujah، فەللووجە' },
  ] as const;
  for (const { lang, text } of expected) {
    await chooseLanguage(page, lang);
    await page.locator('ct-service-view h1').waitFor();
    assert.equal(squeezed(await place.textContent()), text, lang);
    assert.doesNotMatch(await deepText(page), /\[object Object\]/, lang);
  }
  // The Arabic street shown on the Sorani page says which language it is in, for screen readers.
  assert.equal(await place.locator('[lang="ar"]').textContent(), 'شارع 14 تموز');
  await screenshot(page, 'service-address-ckb');
  await page.context().close();
});
