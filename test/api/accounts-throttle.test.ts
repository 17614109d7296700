import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/platform/config.js';
import { createLogger } from '../../server/platform/logging.js';
import { anonymousAgent, createTestUser, signIn, strongPassword } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A sign-in attempt from `ip` (the apps here trust X-Forwarded-For, as behind a proxy), ready to send:
 * its CSRF token is fetched first, so the timed part is the sign-in alone.
 */
async function prepare(app: Express, email: string, password: string, ip = '203.0.113.1') {
  const { agent, csrf } = await anonymousAgent(app);
  return () => agent.post('/api/v1/auth/login').set('X-Forwarded-For', ip).set('X-CSRF-Token', csrf).send({ email, password });
}

const attempt = async (...args: Parameters<typeof prepare>) => (await prepare(...args))();

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

  it('after three failures from one address its next attempt must wait: 429 with Retry-After, even with the right password', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    for (let i = 0; i < 3; i++) assert.equal((await attempt(app, user.email, strongPassword(), '203.0.113.10')).status, 401);
    const waited = await attempt(app, user.email, password, '203.0.113.10');
    assert.equal(waited.status, 429);
    assert.match(waited.headers['content-type']!, /application\/problem\+json/);
    assert.equal(waited.body.type, '/problems/too-many-sign-in-attempts');
    const retryAfter = Number(waited.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 2, `Retry-After ${retryAfter}`);
  });

  it('an attack from one address does not keep the owner out: the owner signs in from another address at once', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    const attack = await Promise.all(Array.from({ length: 16 }, () => attempt(app, user.email, strongPassword(), '203.0.113.66')));
    const checked = attack.filter((r) => r.status === 401).length;
    assert.ok(attack.every((r) => r.status === 401 || r.status === 429));
    assert.equal((await attempt(app, user.email, password, '203.0.113.67')).status, 200);
    // The attacking address waits, and only for the guesses that reached the check: a backoff, not a lock.
    const attacker = await attempt(app, user.email, strongPassword(), '203.0.113.66');
    if (attacker.status === 429) {
      const retryAfter = Number(attacker.headers['retry-after']);
      assert.ok(retryAfter <= 2 ** Math.max(0, checked - 3), `Retry-After ${retryAfter} after ${checked} checked guesses`);
    }
  });

  it('attempts refused before the check do not count: the wait grows with checked guesses only', async () => {
    const { user } = await createTestUser({ role: 'caseworker' });
    for (let i = 0; i < 3; i++) assert.equal((await attempt(app, user.email, strongPassword(), '203.0.113.40')).status, 401);
    const knocks = await Promise.all(Array.from({ length: 10 }, () => attempt(app, user.email, strongPassword(), '203.0.113.40')));
    const checked = 3 + knocks.filter((r) => r.status === 401).length;
    let counted = checked;
    for (;;) {
      const res = await attempt(app, user.email, strongPassword(), '203.0.113.40');
      if (res.status === 401) break;
      const retryAfter = Number(res.headers['retry-after']);
      assert.ok(retryAfter <= 60, `a wait of ${retryAfter} s after ${counted} checked guesses is a lock, not a backoff`);
      await new Promise((r) => setTimeout(r, retryAfter * 1000 + 50));
    }
    counted++;
    // The refused knocks add nothing: the next wait is that of the checked failures (1 s, 2 s, 4 s …).
    const next = await attempt(app, user.email, strongPassword(), '203.0.113.40');
    assert.equal(next.status, 429);
    assert.ok(Number(next.headers['retry-after']) <= 2 ** (counted - 3), `Retry-After ${next.headers['retry-after']} after ${counted} checked`);
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

  it('failures from LOGIN_ACCOUNT_SOURCES addresses make every address wait a growing while, never a long lock', async () => {
    const shared = appWith({ LOGIN_ACCOUNT_SOURCES: '3', LOGIN_MAX_WAIT_MINUTES: '20' });
    const { user, password } = await createTestUser({ role: 'org-admin' });
    const guesses = await Promise.all([0, 1, 2].map((i) => prepare(shared, user.email, strongPassword(), `198.51.100.${i}`)));
    const owner = await prepare(shared, user.email, password, '198.51.100.200');
    const otherInstance = await prepare(appWith({ LOGIN_ACCOUNT_SOURCES: '3' }), user.email, password, '198.51.100.201');
    for (const guess of guesses) assert.equal((await guess()).status, 401);
    const waited = await owner();
    assert.equal(waited.status, 429);
    assert.ok(Number(waited.headers['retry-after']) <= 2, `Retry-After ${waited.headers['retry-after']}`);
    // Another app instance on the same database sees the same wait.
    assert.equal((await otherInstance()).status, 429);
    await new Promise((r) => setTimeout(r, Number(waited.headers['retry-after']) * 1000 + 50));
    assert.equal((await attempt(shared, user.email, password, '198.51.100.200')).status, 200);
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
