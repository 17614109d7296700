/**
 * Component tests in a real browser: components are mounted on a page of the running app (so they
 * use the real bundle, styles and translations) and exercised through their shadow DOM.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chooseLanguage, openPage, startBrowserApp, type BrowserApp } from '../support/browser.js';

let app: BrowserApp;

before(async () => {
  app = await startBrowserApp();
});

after(async () => {
  await app?.close();
});

/** The directory screen defines the lazily loaded components (facet filter, service card). */
async function directoryPage(language?: 'en' | 'ar' | 'ckb'): Promise<Page> {
  const { page } = await openPage(app, language ? { language } : {});
  await page.goto('/');
  await page.waitForFunction(() => customElements.get('ct-facet-filter') && customElements.get('ct-service-card'));
  return page;
}

describe('language switch', () => {
  test('names each language in itself, sets lang and dir on <html>, and remembers the choice', async () => {
    const { page } = await openPage(app);
    await page.goto('/help');
    const buttons = page.locator('ct-language-switch button');
    assert.deepEqual(await buttons.allTextContents().then((t) => t.map((s) => s.trim())), ['English', 'العربية', 'کوردی']);
    assert.deepEqual(await buttons.evaluateAll((els) => els.map((el) => el.getAttribute('lang'))), ['en', 'ar', 'ckb']);

    await chooseLanguage(page, 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getByRole('button', { name: 'العربية' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('h1').first().textContent(), 'اطلب المساعدة أو أبلغ عن حالة مشتبه بها');

    await chooseLanguage(page, 'ckb');
    assert.equal(await page.getAttribute('html', 'lang'), 'ckb');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');

    await page.reload();
    assert.equal(await page.getAttribute('html', 'lang'), 'ckb');
    assert.equal(await page.evaluate(() => localStorage.getItem('ct-directory.language')), 'ckb');
    await chooseLanguage(page, 'en');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    await page.context().close();
  });
});

describe('facet filter', () => {
  async function mountFilter(page: Page, selected: string[]) {
    await page.evaluate((selected) => {
      const filter = document.createElement('ct-facet-filter');
      filter.id = 'under-test';
      filter.name = 'population';
      filter.label = 'Population';
      filter.open = true;
      filter.options = [
        { value: 'women', label: 'Women', count: 1234 },
        { value: 'men', label: 'Men', count: 0 },
        { value: 'boys', label: 'Boys', count: 0 },
        { value: 'girls', label: 'Girls', count: 7 },
      ];
      filter.selected = selected;
      document.body.append(filter);
    }, selected);
    return page.locator('#under-test');
  }

  test('shows counts, hides values that match nothing unless selected, and reports toggles', async () => {
    const page = await directoryPage();
    const filter = await mountFilter(page, ['boys']);
    const chips = filter.locator('button.chip');
    assert.deepEqual(
      (await chips.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()),
      ['Women 1,234', 'Boys 0', 'Girls 7'],
    );
    assert.equal(await chips.nth(1).getAttribute('aria-pressed'), 'true');

    const detail = page.evaluate(
      () =>
        new Promise((resolve) =>
          document.querySelector('#under-test')!.addEventListener('ct-filter-change', (e) => resolve((e as CustomEvent).detail), { once: true }),
        ),
    );
    await chips.nth(0).click();
    assert.deepEqual(await detail, { name: 'population', values: ['boys', 'women'] });
    await page.context().close();
  });

  test('Arabic: digits and all six plural forms of the selection count', async () => {
    const page = await directoryPage('ar');
    const filter = await mountFilter(page, []);
    assert.match((await filter.locator('button.chip').first().textContent()) ?? '', /١٬٢٣٤/);
    const badge = async (count: number) => {
      await page.evaluate((count) => {
        const el = document.querySelector('#under-test') as HTMLElementTagNameMap['ct-facet-filter'];
        el.selected = Array.from({ length: count }, (_, i) => `v${i}`);
      }, count);
      return (await filter.locator('.badge').textContent())?.trim();
    };
    assert.equal(await badge(1), 'اختيار واحد');
    assert.equal(await badge(2), 'اختياران');
    assert.equal(await badge(3), '٣ اختيارات');
    assert.equal(await badge(11), '١١ اختيارًا');
    assert.equal(await badge(100), '١٠٠ اختيار');
    await page.context().close();
  });
});

describe('service card', () => {
  test('falls back to another language with a marked, correctly tagged text, and links to the service', async () => {
    const page = await directoryPage('ar');
    await page.evaluate(() => {
      const card = document.createElement('ct-service-card');
      card.id = 'card-under-test';
      card.service = {
        id: 'abc123',
        name: { en: 'Legal counselling desk' },
        description: { ar: 'استشارات قانونية مجانية', en: 'Free legal advice' },
        organization: { id: 'org1', name: { en: 'Example Lawyers', ar: 'محامو المثال' }, type: 'local-ngo' },
        categories: ['legal-aid'],
        populations: [],
        languages: ['ar'],
        governorates: ['IQ-NA'],
        status: 'active',
        confidential: true,
        acceptsReferrals: true,
        lastVerifiedAt: '2026-03-01T00:00:00.000Z',
        point: { lat: 32, lng: 44.3, precision: 'governorate' },
      };
      document.body.append(card);
    });
    const card = page.locator('#card-under-test');
    const title = card.locator('.title a');
    assert.equal(await title.getAttribute('href'), '/services/abc123');
    assert.equal(await title.locator('span[lang="en"]').textContent(), 'Legal counselling desk');
    assert.equal((await title.locator('.content-fallback').textContent())?.trim(), '(بالإنجليزية)');
    assert.equal((await card.locator('.organization').textContent())?.trim(), 'محامو المثال');
    assert.equal(await card.locator('.organization .content-fallback').count(), 0);
    const meta = (await card.locator('.meta').textContent()) ?? '';
    assert.match(meta, /تقبل الإحالات/);
    assert.match(meta, /موقع سري/);
    assert.match(meta, /٢٠٢٦/, 'dates in Arabic digits');
    await page.context().close();
  });
});

describe('page frame', () => {
  test('a skip link is the first stop for the keyboard and moves focus to the main content', async () => {
    const { page } = await openPage(app);
    await page.goto('/help');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.querySelector('ct-app')!.shadowRoot!.activeElement?.className);
    assert.equal(focused, 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.context().close();
  });

  test('unknown addresses show a not-found screen with a way back', async () => {
    const { page } = await openPage(app);
    await page.goto('/no/such/page');
    assert.equal(await page.locator('h1').first().textContent(), 'Page not found');
    await page.getByRole('link', { name: 'Go to the directory' }).click();
    assert.equal(new URL(page.url()).pathname, '/');
    await page.context().close();
  });
});
