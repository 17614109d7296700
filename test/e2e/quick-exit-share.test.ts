/**
 * Quick exit (button, or Escape three times) leaves a public page for the neutral one and takes the
 * page out of the tab's history; "Share" on a service gives a text with its public details only.
 * There is no internet here: the neutral page's request is answered by the test, which also checks
 * that the navigation went to the configured neutral page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEFAULT_QUICK_EXIT_URL } from '../../server/contract/site/quick-exit.js';
import { LocationModel } from '../../server/directory/locations/location.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { createTestOrganization, createTestUser } from '../support/auth.js';
import { screenshot, signInThroughForm, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();
const PHONE = { width: 360, height: 740 };
const NEUTRAL_PAGE = '<!doctype html><title>Weather</title><p>Weather today</p>';

/** Answers the neutral page's request and records where each navigation to it went. */
async function neutralPage(page: Page): Promise<string[]> {
  const visited: string[] = [];
  await page.route(
    (url) => url.origin === new URL(DEFAULT_QUICK_EXIT_URL).origin,
    async (route) => {
      visited.push(route.request().url());
      await route.fulfill({ contentType: 'text/html', body: NEUTRAL_PAGE });
    },
  );
  return visited;
}

async function publicService() {
  const organizationId = await createTestOrganization('local-ngo', 'Basrah Family Support');
  return ServiceModel.create({
    organizationId,
    name: { en: 'Psychosocial support', ar: 'الدعم النفسي والاجتماعي', ckb: 'پشتگیریی دەروونی و کۆمەڵایەتی' },
    categories: ['legal-aid'],
    governorates: ['IQ-BA'],
    phones: [{ number: '+964 770 555 0101' }],
    schedules: [{ byDay: ['SU', 'MO'], opensAt: '09:00', closesAt: '15:00' }],
  });
}

/** Leaves `start` for the service page, then quick exit by `leave`; Back must not bring the service page up again. */
async function exitLeavesNoWayBack(leave: (page: Page) => Promise<void>, name: string) {
  const service = await publicService();
  const page = await app.open({ language: 'ar', viewport: PHONE });
  const visited = await neutralPage(page);
  await page.goto('/help');
  await page.goto(`/services/${service._id.toString()}`);
  await page.locator('ct-service-view h1', { hasText: 'الدعم النفسي والاجتماعي' }).waitFor();
  const button = page.locator('ct-service-view ct-quick-exit a');
  assert.equal((await button.textContent())?.trim(), 'اخرج من هذه الصفحة');
  assert.match((await page.locator('ct-service-view ct-quick-exit p').textContent()) ?? '', /Esc/);
  const box = (await button.boundingBox())!;
  assert.ok(box.height >= 44 && box.x >= 0 && box.x + box.width <= PHONE.width && box.y < PHONE.height, `${name}: a 44 px button in view`);
  await screenshot(page, `quick-exit-${name}-ar`, { fullPage: false });
  const historyLength = await page.evaluate(() => history.length);

  await leave(page);
  await page.waitForURL(DEFAULT_QUICK_EXIT_URL);
  assert.deepEqual(visited, [DEFAULT_QUICK_EXIT_URL], name);
  assert.equal(await page.title(), 'Weather');
  // Replaced, not added to: the history is as long as before, and one step back is the help page.
  assert.equal(await page.evaluate(() => history.length), historyLength, name);
  await page.goBack();
  assert.equal(new URL(page.url()).pathname, '/help', name);
  await page.context().close();
}

test('in Arabic on a 360 px phone, the quick exit button leaves the service page and Back does not return to it', async () => {
  await exitLeavesNoWayBack((page) => page.locator('ct-service-view ct-quick-exit a').click(), 'button');
});

test('Escape three times leaves the service page (twice does not) and Back does not return to it', async () => {
  await exitLeavesNoWayBack(async (page) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    assert.match(page.url(), /\/services\//, 'two presses stay');
    await page.keyboard.press('Escape');
  }, 'escape');
});

test('the help page and the directory carry the quick exit too', async () => {
  const page = await app.open({ language: 'ckb', viewport: PHONE });
  for (const [path, view] of [['/help', 'ct-help-view'], ['/', 'ct-directory-view']] as const) {
    await page.goto(path);
    const button = page.locator(`${view} ct-quick-exit a`);
    assert.equal((await button.textContent())?.trim(), 'لەم پەڕەیە دەرچۆ', path);
    assert.equal(await button.getAttribute('href'), DEFAULT_QUICK_EXIT_URL, path);
  }
  await page.context().close();
});

/** Opens "Share" on the page's service and gives its ready text. */
async function shareText(page: Page): Promise<string> {
  const share = page.locator('ct-service-view ct-share-service');
  if (!(await share.locator('details').evaluate((details) => (details as HTMLDetailsElement).open))) await share.locator('summary').click();
  return share.locator('textarea').inputValue();
}

test("a public service's share text holds its name, phone and governorate in English, Arabic and Sorani, with ready links", async () => {
  const service = await publicService();
  const link = `${app.baseUrl}/services/${service._id.toString()}`;
  for (const lang of ['en', 'ar', 'ckb'] as const) {
    const page = await app.open({ language: lang, viewport: PHONE });
    const governorates = (await (await page.request.get('/api/v1/governorates')).json()) as { items: { code: string; name: Record<string, string> }[] };
    const basrah = governorates.items.find((g) => g.code === 'IQ-BA')!.name;
    await page.goto(`/services/${service._id.toString()}`);
    await page.locator('ct-service-view h1', { hasText: service.name![lang]! }).waitFor();
    const text = await shareText(page);
    const lines = text.split('\n');
    assert.equal(lines[0], service.name![lang], lang);
    // Marked left-to-right, so that its digit groups keep their order in an Arabic or Sorani message.
    assert.ok(text.includes('\u200E+964 770 555 0101\u200E'), `${lang}: phone in ${text}`);
    assert.ok(text.includes(basrah[lang] ?? basrah.ar!), `${lang}: governorate in ${text}`);
    assert.ok(text.includes('Basrah Family Support'), `${lang}: organisation in ${text}`);
    assert.equal(lines.at(-1), link, lang);
    const share = page.locator('ct-service-view ct-share-service');
    assert.equal(await share.locator('a[href^="https://wa.me/"]').getAttribute('href'), `https://wa.me/?text=${encodeURIComponent(text)}`);
    assert.equal(await share.locator('a[href^="viber:"]').getAttribute('href'), `viber://forward?text=${encodeURIComponent(text)}`);
    assert.equal(await share.locator('a[href^="sms:"]').getAttribute('href'), `sms:?body=${encodeURIComponent(text)}`);
    await screenshot(page, `share-service-${lang}`);
    await page.context().close();
  }
});

test('the share text of a confidential service holds no address, even for its own caseworker who sees it on the page', async () => {
  const organizationId = await createTestOrganization('local-ngo', 'Safe House Network');
  const location = await LocationModel.create({
    organizationId,
    name: { en: 'Women’s shelter', ar: 'دار الإيواء' },
    address: { street: { en: '7 Hidden Lane', ar: 'زقاق 7 المخفي' }, city: { en: 'Basrah', ar: 'البصرة' }, governorate: 'IQ-BA' },
  });
  const service = await ServiceModel.create({
    organizationId,
    name: { en: 'Emergency shelter', ar: 'مأوى طارئ', ckb: 'پەناگەی بەپەلە' },
    categories: ['legal-aid'],
    governorates: ['IQ-BA'],
    confidential: true,
    locationIds: [location._id],
    phones: [{ number: '+964 780 555 0202' }],
  });
  // A caseworker of the shelter's own organisation, who may read its address.
  const { user, password } = await createTestUser({ role: 'caseworker', organizationId });
  const page = await app.open({ language: 'ar', viewport: PHONE });
  await signInThroughForm(page, `/services/${service._id.toString()}`, { email: user.email, password });
  // The address is on the page: the share text must still leave it out.
  await page.locator('ct-service-view', { hasText: 'زقاق 7 المخفي' }).waitFor();
  const text = await shareText(page);
  assert.ok(text.startsWith('مأوى طارئ'), text);
  assert.ok(text.includes('+964 780 555 0202'), text);
  for (const secret of ['زقاق 7 المخفي', '7 Hidden Lane', 'دار الإيواء', 'Women’s shelter']) assert.ok(!text.includes(secret), `no "${secret}" in ${text}`);
  await page.context().close();
});
