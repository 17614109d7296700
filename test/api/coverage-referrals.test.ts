import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { bundledGovernorates } from '../../server/directory/governorates/governorate-data.js';
import { signedInAgent } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { insertSentReferrals, type SentReferral } from './coverage-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;
/** Noon of the day n days ago, so that five referrals minutes apart stay on that day. */
const daysAgo = (n: number) => new Date(new Date(Date.now() - n * DAY).setUTCHours(12, 0, 0, 0));
const day = (date: Date) => date.toISOString().slice(0, 10);

/** Days of the last completed month: figures are counted in whole, completed months. */
const lastMonth = (d: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, d, 9));
const fives = (r: SentReferral) => Array.from({ length: 5 }, (_, i) => ({ ...r, sentAt: new Date(r.sentAt.getTime() + i * 60_000) }));

// Five of each, so that no count falls under the small-count rule (referral-disclosure.test.ts).
const referrals: SentReferral[] = (
  [
    { governorate: 'IQ-BA', status: 'accepted', sentAt: lastMonth(1), acknowledgedAfter: 2, acceptedAfter: 5 },
    { governorate: 'IQ-BA', status: 'completed', sentAt: lastMonth(6), acknowledgedAfter: 4, acceptedAfter: 30 },
    { governorate: 'IQ-BA', status: 'declined', sentAt: lastMonth(11), acknowledgedAfter: 10 },
    { governorate: 'IQ-BA', status: 'sent', sentAt: lastMonth(16) },
    { governorate: 'IQ-NA', status: 'acknowledged', sentAt: lastMonth(2), acknowledgedAfter: 1 },
    // Withdrawn before any answer: sent, never acknowledged or decided.
    { governorate: 'IQ-NA', status: 'withdrawn', sentAt: lastMonth(7) },
    // Outside the default twelve months.
    { governorate: 'IQ-BA', status: 'declined', sentAt: daysAgo(500), acknowledgedAfter: 100 },
  ] as SentReferral[]
).flatMap(fives);

describe('referral coverage', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await insertSentReferrals(referrals);
  });
  after(() => t.close());

  it('counts sent, acknowledged, accepted and declined referrals per governorate, with the acceptance rate and median hours to acknowledge', async () => {
    const { agent } = await signedInAgent(t.app, { role: 'gov-liaison' });
    const { body } = await agent.get('/api/v1/coverage/referrals').expect(200);
    assert.equal(body.period.to, day(new Date()));
    assert.deepEqual(
      body.governorates.map((g: { code: string }) => g.code),
      bundledGovernorates().map((g) => g.code),
    );
    const figures = (code: string) => {
      const { code: _code, name: _name, ...rest } = body.governorates.find((g: { code: string }) => g.code === code);
      return rest;
    };
    assert.deepEqual(figures('IQ-BA'), {
      sent: 20,
      acknowledged: 15,
      accepted: 10,
      declined: 5,
      fewerThanFive: false,
      acceptanceRate: 0.667,
      medianHoursToAcknowledge: 4,
    });
    assert.deepEqual(figures('IQ-NA'), {
      sent: 10,
      acknowledged: 5,
      accepted: 0,
      declined: 0,
      fewerThanFive: false,
      acceptanceRate: null,
      medianHoursToAcknowledge: 1,
    });
    assert.deepEqual(figures('IQ-AN'), {
      sent: 0,
      acknowledged: 0,
      accepted: 0,
      declined: 0,
      fewerThanFive: false,
      acceptanceRate: null,
      medianHoursToAcknowledge: null,
    });
    assert.deepEqual(body.national, {
      sent: 30,
      acknowledged: 20,
      accepted: 10,
      declined: 5,
      fewerThanFive: false,
      acceptanceRate: 0.667,
      medianHoursToAcknowledge: 3,
    });
  });

  it('covers the period asked, widened to the whole months it touches', async () => {
    const { agent } = await signedInAgent(t.app, { role: 'platform-admin' });
    const from = day(daysAgo(500));
    const to = day(daysAgo(500));
    const { body } = await agent.get(`/api/v1/coverage/referrals?from=${from}&to=${to}`).expect(200);
    assert.deepEqual(body.period, { from, to });
    assert.equal(body.aggregatedPeriod.from, `${from.slice(0, 7)}-01T00:00:00.000Z`);
    assert.equal(body.national.sent, 5, 'the five sent that day, in that month');
    assert.equal(body.governorates.find((g: { code: string }) => g.code === 'IQ-BA').medianHoursToAcknowledge, 100);
    await agent.get(`/api/v1/coverage/referrals?from=${day(daysAgo(499))}&to=${from}`).expect(400);
  });

  it('is for government liaisons and platform admins only', async () => {
    await request(t.app).get('/api/v1/coverage/referrals').expect(401);
    for (const role of ['caseworker', 'org-admin'] as const) {
      const { agent } = await signedInAgent(t.app, { role });
      await agent.get('/api/v1/coverage/referrals').expect(403);
    }
  });
});
