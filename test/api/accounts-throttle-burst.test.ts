import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/platform/config.js';
import { createLogger } from '../../server/platform/logging.js';
import { anonymousAgent, createTestUser, strongPassword } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Sign-in attempts that were let through to the password check (answered 200 or 401, not 429). */
const checked = (statuses: number[]) => statuses.filter((s) => s === 200 || s === 401).length;

describe('sign-in throttle under a burst of parallel attempts', () => {
  let t: TestApp;
  let app: Express;

  before(async () => {
    t = await startTestApp();
    app = createApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: t.config.DATA_DIR, TRUST_PROXY: 'true', LOGIN_ACCOUNT_SOURCES: '3', LOGIN_IP_LIMIT: '4' }),
      logger: createLogger('silent'),
    });
  });
  after(() => t.close());

  /** Fetches a CSRF token first for each attempt, then fires every sign-in at once. */
  async function burst(attempts: { email: string; password: string; ip: string }[]): Promise<{ statuses: number[]; retryAfters: number[] }> {
    const agents = await Promise.all(attempts.map(() => anonymousAgent(app)));
    const responses = await Promise.all(
      attempts.map((a, i) =>
        agents[i]!.agent.post('/api/v1/auth/login').set('X-Forwarded-For', a.ip).set('X-CSRF-Token', agents[i]!.csrf).send({ email: a.email, password: a.password }),
      ),
    );
    for (const r of responses) if (r.status === 429) assert.match(r.headers['content-type']!, /application\/problem\+json/);
    return { statuses: responses.map((r) => r.status), retryAfters: responses.filter((r) => r.status === 429).map((r) => Number(r.headers['retry-after'])) };
  }

  it('25 simultaneous wrong guesses on one account from 25 addresses reach the password check at most LOGIN_ACCOUNT_SOURCES times, each refused one told to wait, not locked out', async () => {
    const { user } = await createTestUser({ role: 'caseworker' });
    // All wrong: a right password among them would clear the count when it lands, as a real sign-in does.
    const { statuses, retryAfters } = await burst(Array.from({ length: 25 }, (_, i) => ({ email: user.email, password: strongPassword(), ip: `198.19.${i}.1` })));
    // The shared wait after three addresses holds however long the burst takes to arrive.
    assert.ok(checked(statuses) <= 3, `checked ${checked(statuses)}: ${statuses.join(' ')}`);
    // Attempts still in flight count while they last, so a burst's waits grow a little, but stay a backoff.
    assert.ok(retryAfters.every((s) => s <= 60), `Retry-After ${retryAfters.join(' ')}`);
  });

  it('25 simultaneous guesses from one address on many accounts reach the password check at most LOGIN_IP_LIMIT times', async () => {
    const { statuses } = await burst(Array.from({ length: 25 }, (_, i) => ({ email: `burst${i}@example.test`, password: strongPassword(), ip: '192.0.2.99' })));
    assert.ok(checked(statuses) <= 4, `checked ${checked(statuses)}: ${statuses.join(' ')}`);
    assert.ok(statuses.some((s) => s === 429));
  });
});
