/**
 * The interface language a signed-in person switches to is kept on their account, so the app's
 * mails to them come in it too; switching while signed out changes only this browser.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserModel } from '../../server/accounts/user.model.js';
import { createTestUser } from '../support/auth.js';
import { chooseLanguage, signInThroughForm, useBrowserApp } from '../support/browser.js';

const app = useBrowserApp();

const storedLanguage = async (id: string) => (await UserModel.findById(id, { language: 1 }).lean())?.language;

async function eventually(read: () => Promise<unknown>, expected: unknown): Promise<void> {
  const until = Date.now() + 5_000;
  while ((await read()) !== expected && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await read(), expected);
}

test('switching to Sorani while signed in keeps Sorani on the account; signed out it stays in the browser', async () => {
  const { user, password } = await createTestUser({ role: 'caseworker' });
  const page = await app.open();
  await page.goto('/');
  await chooseLanguage(page, 'ar');
  assert.equal(await storedLanguage(user.id), 'en', 'not signed in: the account is not told');

  await signInThroughForm(page, '/', { email: user.email, password });
  await chooseLanguage(page, 'ckb');
  await eventually(() => storedLanguage(user.id), 'ckb');
  await page.context().close();
});
