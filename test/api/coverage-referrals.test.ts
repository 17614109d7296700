import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { bundledGovernorates } from '../../server/directory/governorates/governorate-data.js';
import { signedInAgent } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { insertSentReferrals, type SentReferral } from './coverage-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const day = (date: Date) => date.toISOString().slice(0, 10);

const referrals: SentReferral[] = [
  { governorate: 'IQ-BA', status: 'accepted', sentAt: daysAgo(10), acknowledgedAfter: 2, acceptedAfter: 5 },
  { governorate: 'IQ-BA', status: 'completed', sentAt: daysAgo(20), acknowledgedAfter: 4, acceptedAfter: 30 },
  { governorate: 'IQ-BA', status: 'declined', sentAt: daysAgo(30), acknowledgedAfter: 10 },
  { governorate: 'IQ-BA', status: 'sent', sentAt: daysAgo(1) },
  { governorate: 'IQ-NA', status: 'acknowledged', sentAt: daysAgo(5), acknowledgedAfter: 1 },
  // Withdrawn before any answer: sent, never acknowledged or decided.
  { governorate: 'IQ-NA', status: 'withdrawn', sentAt: daysAgo(6) },
  // Outside the default twelve months.
  { governorate: 'IQ-BA', status: 'declined', sentAt: daysAgo(500), acknowledgedAfter: 100 },
];

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
      sent: 4,
      acknowledged: 3,
      accepted: 2,
      declined: 1,
      acceptanceRate: 0.667,
      medianHoursToAcknowledge: 4,
    });
    assert.deepEqual(figures('IQ-NA'), {
      sent: 2,
      acknowledged: 1,
      accepted: 0,
      declined: 0,
      acceptanceRate: null,
      medianHoursToAcknowledge: 1,
    });
    assert.deepEqual(figures('IQ-AN'), {
      sent: 0,
      acknowledged: 0,
      accepted: 0,
      declined: 0,
      acceptanceRate: null,
      medianHoursToAcknowledge: null,
    });
    assert.deepEqual(body.national, {
      sent: 6,
      acknowledged: 4,
      accepted: 2,
      declined: 1,
      acceptanceRate: 0.667,
      medianHoursToAcknowledge: 3,
    });
  });

  it('covers the period asked, both days included', async () => {
    const { agent } = await signedInAgent(t.app, { role: 'platform-admin' });
    const from = day(daysAgo(501));
    const to = day(daysAgo(500));
    const { body } = await agent.get(`/api/v1/coverage/referrals?from=${from}&to=${to}`).expect(200);
    assert.deepEqual(body.period, { from, to });
    assert.equal(body.national.sent, 1);
    assert.equal(body.governorates.find((g: { code: string }) => g.code === 'IQ-BA').medianHoursToAcknowledge, 100);
    await agent.get(`/api/v1/coverage/referrals?from=${to}&to=${from}`).expect(400);
  });

  it('is for government liaisons and platform admins only', async () => {
    await request(t.app).get('/api/v1/coverage/referrals').expect(401);
    for (const role of ['caseworker', 'org-admin'] as const) {
      const { agent } = await signedInAgent(t.app, { role });
      await agent.get('/api/v1/coverage/referrals').expect(403);
    }
  });
});
