import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/platform/config.js';
import { createLogger } from '../../server/platform/logging.js';
import { anonymousAgent, createTestUser, signIn, strongPassword } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** One sign-in attempt from `ip` (the apps here trust X-Forwarded-For, as behind a proxy). */
async function attempt(app: Express, email: string, password: string, ip = '203.0.113.1') {
  const { agent, csrf } = await anonymousAgent(app);
  return agent.post('/api/v1/auth/login').set('X-Forwarded-For', ip).set('X-CSRF-Token', csrf).send({ email, password });
}

describe('brute-force protection on sign-in', () => {
  let t: TestApp;
  let app: Express;
  const appWith = (env: Record<string, string>) =>
    createApp({ config: loadConfig({ ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: t.config.DATA_DIR, TRUST_PROXY: 'true' }), logger: createLogger('silent') });

  before(async () => {
    t = await startTestApp();
    app = appWith({});
  });
  after(() => t.close());

  it('after three failures the next attempt must wait: 429 with Retry-After, even with the right password', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    for (let i = 0; i < 3; i++) assert.equal((await attempt(app, user.email, strongPassword(), '203.0.113.10')).status, 401);
    const waited = await attempt(app, user.email, password, '203.0.113.11');
    assert.equal(waited.status, 429);
    assert.match(waited.headers['content-type']!, /application\/problem\+json/);
    assert.equal(waited.body.type, '/problems/too-many-sign-in-attempts');
    const retryAfter = Number(waited.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 2, `Retry-After ${retryAfter}`);
  });

  it('the wait grows with each further failure', async () => {
    const { user } = await createTestUser({ role: 'caseworker' });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await attempt(app, user.email, strongPassword(), '203.0.113.20');
      if (res.status === 429) {
        waits.push(Number(res.headers['retry-after']));
        await new Promise((r) => setTimeout(r, Number(res.headers['retry-after']) * 1000 + 50));
        i--;
      }
    }
    assert.deepEqual(waits.slice(0, 2), [1, 2]);
  });

  it('locks the account after LOGIN_LOCK_AFTER failures: the right password is refused until the lock ends', async () => {
    const locking = appWith({ LOGIN_LOCK_AFTER: '3', LOGIN_LOCK_MINUTES: '20' });
    const { user, password } = await createTestUser({ role: 'org-admin' });
    for (let i = 0; i < 3; i++) assert.equal((await attempt(locking, user.email, strongPassword(), `198.51.100.${i}`)).status, 401);
    const locked = await attempt(locking, user.email, password, '198.51.100.200');
    assert.equal(locked.status, 429);
    assert.match(locked.body.detail, /locked/);
    const retryAfter = Number(locked.headers['retry-after']);
    assert.ok(retryAfter > 19 * 60 && retryAfter <= 20 * 60, `Retry-After ${retryAfter}`);
    // Another app instance on the same database sees the same lock.
    assert.equal((await attempt(appWith({}), user.email, password, '198.51.100.201')).status, 429);
  });

  it('parallel guesses are all counted: a burst locks the account', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(app, user.email, strongPassword(), `198.18.0.${i}`)));
    assert.ok(burst.every((r) => r.status === 401 || r.status === 429));
    const after = await attempt(app, user.email, password, '198.18.1.1');
    assert.equal(after.status, 429);
  });

  it('limits failures per IP address across accounts: 429 with Retry-After, other addresses unaffected', async () => {
    const limited = appWith({ LOGIN_IP_LIMIT: '4' });
    const ip = '192.0.2.77';
    for (let i = 0; i < 4; i++) assert.equal((await attempt(limited, `nobody${i}@example.test`, strongPassword(), ip)).status, 401);
    const { user, password } = await createTestUser({ role: 'caseworker' });
    const blocked = await attempt(limited, user.email, password, ip);
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 800);
    assert.equal((await attempt(limited, user.email, password, '192.0.2.78')).status, 200);
  });

  it('a successful sign-in clears the account counter', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    for (let i = 0; i < 2; i++) assert.equal((await attempt(app, user.email, strongPassword(), '203.0.113.30')).status, 401);
    await signIn(app, user.email, password);
    for (let i = 0; i < 3; i++) assert.equal((await attempt(app, user.email, strongPassword(), '203.0.113.30')).status, 401);
  });
});
