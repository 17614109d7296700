/**
 * "Get help" opens with the emergency number as a tap-to-call link and lists the public hotlines
 * open, each with its source, its last check, and a sample mark until a platform admin verified it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HotlineModel } from '../../server/directory/hotlines/hotline.model.js';
import { screenshot, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();
const PHONE = { width: 360, height: 740 };
const SAMPLE_CKB = 'نموونە — پشتڕاست نەکراوەتەوە';

test('in Sorani on a 360 px phone, "Get help" shows 911 first as a tel: link, and the hotlines open with sources and the sample mark', async () => {
  const page = await app.open({ language: 'ckb', viewport: PHONE });
  await page.goto('/help');
  const help = page.locator('ct-help-view');
  await help.locator('.national li', { hasText: '119' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');

  // The first number to tap is the emergency number, large and in view without scrolling.
  const firstCall = help.locator('a[href^="tel:"]').first();
  assert.equal(await firstCall.getAttribute('href'), 'tel:911');
  const box = (await firstCall.boundingBox())!;
  assert.ok(box.height >= 44 && box.x >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= PHONE.height, JSON.stringify(box));
  assert.ok(await help.locator('ct-quick-exit a').isVisible(), 'the quick exit is on the page');

  const items = help.locator('.national > li');
  assert.deepEqual(await items.locator('.national-number').allTextContents(), ['911', '104', '119']);
  const emergency = items.first();
  assert.equal(await emergency.locator('a.national-number').getAttribute('href'), 'tel:911');
  assert.equal((await emergency.locator('.badge').textContent())?.trim(), SAMPLE_CKB);
  assert.match((await emergency.textContent()) ?? '', /هەموو عێراق/);
  assert.match((await emergency.textContent()) ?? '', /هێشتا نەپشکنراوە/);
  assert.match((await emergency.locator('a[href^="https://"]').getAttribute('href')) ?? '', /^https:\/\//);
  assert.match((await items.nth(2).textContent()) ?? '', /هەولێر/, 'the KRI helpline names its governorates');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'nothing wider than the phone');
  await screenshot(page, 'help-hotlines-ckb', { fullPage: false });
  await page.context().close();
});

test('a hotline a platform admin verified loses the sample mark and shows when it was checked', async () => {
  await HotlineModel.updateOne({ number: '104' }, { $set: { verifiedAt: new Date(), lastCheckedAt: new Date('2026-11-02T10:00:00Z') } });
  const page = await app.open({ language: 'en', viewport: PHONE });
  await page.goto('/help');
  const police = page.locator('ct-help-view .national > li', { hasText: '104' });
  await police.waitFor();
  assert.equal(await police.locator('.badge').count(), 0);
  assert.match((await police.textContent()) ?? '', /Last checked 2 Nov 2026/);
  assert.equal(await page.locator('ct-help-view .national > li', { hasText: '911' }).locator('.badge').count(), 1);
  await page.context().close();
});
