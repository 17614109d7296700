import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { removeExpiredAccountData } from '../../server/accounts/housekeeping.js';
import { RateLimitBlockModel } from '../../server/platform/http/rate-limit.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The budget's window is fixed (aligned to the clock): a day long, so that none rolls over mid-test and refills. */
const DAY_SECONDS = 86_400;

describe('per-client rate limits on the public API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', RATE_LIMIT_READS: '5', RATE_LIMIT_HEAVY: '2', RATE_LIMIT_WINDOW_SECONDS: String(DAY_SECONDS) });
  });
  after(() => t.close());

  const from = (ip: string, path: string) => request(t.app).get(path).set('X-Forwarded-For', ip);

  it('answers with RateLimit headers, then 429 problem+json with Retry-After once the budget is spent; another client is unaffected', async () => {
    const first = await from('203.0.113.7', '/api/v1/governorates').expect(200);
    assert.equal(first.headers['ratelimit-policy'], `"read";q=5;w=${DAY_SECONDS}`);
    assert.match(first.headers.ratelimit!, /^"read";r=4;t=\d+$/);
    for (let i = 0; i < 4; i++) await from('203.0.113.7', '/api/v1/governorates').expect(200);

    const refused = await from('203.0.113.7', '/api/v1/governorates').expect(429);
    assert.match(refused.headers['content-type']!, /^application\/problem\+json/);
    assert.equal(refused.body.status, 429);
    assert.equal(refused.body.type, '/problems/rate-limited');
    assert.ok(Number(refused.headers['retry-after']) >= 1 && Number(refused.headers['retry-after']) <= DAY_SECONDS);
    assert.match(refused.headers.ratelimit!, /^"read";r=0;t=\d+$/);

    const other = await from('198.51.100.9', '/api/v1/governorates').expect(200);
    assert.match(other.headers.ratelimit!, /^"read";r=4;/);
  });

  it('exports have a tighter budget of their own', async () => {
    const ip = '192.0.2.44';
    for (let i = 0; i < 2; i++) {
      const res = await from(ip, '/hsds/export.zip').expect(200);
      assert.equal(res.headers['ratelimit-policy'], `"heavy";q=2;w=${DAY_SECONDS}`);
    }
    const refused = await from(ip, '/hsds/export.zip').expect(429);
    assert.match(refused.headers['content-type']!, /^application\/problem\+json/);
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    // Ordinary reads of the same client still have their own budget.
    await from(ip, '/hsds/services').expect(200);
  });

  it('housekeeping removes the blocks of windows before the last one and keeps the rest', async () => {
    const windowSeconds = 60;
    const now = Date.parse('2026-12-07T10:00:30Z');
    const minute = (m: number) => new Date(Date.parse('2026-12-07T10:00:00Z') - m * 60_000);
    await RateLimitBlockModel.insertMany([
      { _id: 'k:current:0', at: minute(0) },
      { _id: 'k:last:0', at: minute(1) },
      { _id: 'k:before:0', at: minute(2) },
      { _id: 'k:older:0', at: minute(30) },
    ]);
    await removeExpiredAccountData(windowSeconds, new Date(now));
    const left = (await RateLimitBlockModel.find({ _id: /^k:/ }).lean()).map((b) => b._id).sort();
    assert.deepEqual(left, ['k:current:0', 'k:last:0']);
  });
});
