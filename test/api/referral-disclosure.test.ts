import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Types } from 'mongoose';
import { createTestOrganization, signedInAgent } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { insertSentReferrals, type SentReferral } from './coverage-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
/** A day of the last completed month, and a few around it: whole months are what is counted. */
const dayOfLastMonth = (d: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, d, 9));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const COUNT_KEYS = new Set(['total', 'count', 'sent', 'acknowledged', 'accepted', 'declined', 'decided', 'referrals']);

/** Every count in an answer, wherever it sits. */
function counts(value: unknown, found: number[] = []): number[] {
  if (Array.isArray(value)) value.forEach((v) => counts(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (COUNT_KEYS.has(k) && typeof v === 'number') found.push(v);
      else counts(v, found);
    }
  }
  return found;
}

/** Cells whose hidden part (total minus the visible cells) is one cell alone, or fewer than 5. */
function recoverable(total: number, cells: (number | null)[]): boolean {
  const hidden = cells.filter((c) => c === null).length;
  const rest = total - cells.reduce<number>((s, c) => s + (c ?? 0), 0);
  return (hidden === 1 && rest > 0) || (rest > 0 && rest < 5);
}

describe('referral figures single nobody out', () => {
  let t: TestApp;
  const lone = { from: new Types.ObjectId(), to: new Types.ObjectId() };
  const busy = { from: new Types.ObjectId(), to: new Types.ObjectId() };
  const loneDay = dayOfLastMonth(10);

  before(async () => {
    t = await startTestApp();
    lone.from = new Types.ObjectId(await createTestOrganization('local-ngo'));
    const many: SentReferral[] = Array.from({ length: 12 }, (_, i) => ({
      governorate: 'IQ-BA',
      status: i < 7 ? 'accepted' : 'declined',
      sentAt: dayOfLastMonth(2 + i),
      acknowledgedAfter: 2,
      ...(i < 7 ? { acceptedAfter: 5 } : {}),
      fromOrganizationId: busy.from,
      toOrganizationId: busy.to,
    }));
    // One referral, on one day, between two organisations, in a governorate of its own.
    const one: SentReferral = { governorate: 'IQ-DA', status: 'accepted', sentAt: loneDay, acknowledgedAfter: 1, acceptedAfter: 3, fromOrganizationId: lone.from, toOrganizationId: lone.to };
    await insertSentReferrals([...many, one]);
  });
  after(() => t.close());

  it('stats for one organisation on one day give no figure of 1 to 4 and name no pair', async () => {
    const { agent } = await signedInAgent(t.app, { role: 'gov-liaison' });
    const query = `organizationId=${lone.from}&from=${isoDay(loneDay)}&to=${isoDay(new Date(loneDay.getTime() + DAY))}`;
    const { body } = await agent.get(`/api/v1/referrals/stats?${query}`).expect(200);
    assert.deepEqual(counts(body).filter((c) => c > 0 && c < 5), [], JSON.stringify(body));
    assert.equal(body.total, null);
    assert.equal(body.fewerThanFive, true);
    assert.deepEqual(body.byGovernorate, [{ governorate: 'IQ-DA', count: null, fewerThanFive: true }]);
    assert.deepEqual(body.acceptanceByReceiver, [], 'no receiver named for fewer than 5 referrals');
    assert.equal(body.medianHoursToAcknowledge, null);
  });

  it('stats over everyone withhold the small cell and one more, so subtraction gives nothing back', async () => {
    const { agent } = await signedInAgent(t.app, { role: 'platform-admin' });
    const { body } = await agent.get(`/api/v1/referrals/stats?from=${isoDay(dayOfLastMonth(1))}`).expect(200);
    assert.equal(body.total, 13);
    assert.deepEqual(counts(body).filter((c) => c > 0 && c < 5), [], JSON.stringify(body));
    for (const key of ['byStatus', 'byUrgency', 'byGovernorate'] as const) {
      const cells = body[key].map((r: { count: number | null }) => r.count);
      assert.equal(recoverable(body.total, cells), false, `${key}: ${JSON.stringify(body[key])}`);
    }
    assert.deepEqual(
      body.byGovernorate.map((r: { count: number | null; fewerThanFive: boolean }) => [r.count, r.fewerThanFive]),
      [[null, true], [null, true]],
    );
    assert.deepEqual(
      body.acceptanceByReceiver.map((r: { organizationId: string; decided: number; accepted: number }) => [r.organizationId, r.decided, r.accepted]),
      [[busy.to.toString(), 12, 7]],
      'only the receiver with 5 or more decisions is named',
    );
  });

  it('the viewer’s own organisation sees its own figures exactly', async () => {
    const { agent } = await signedInAgent(t.app, { role: 'org-admin', organizationId: lone.from.toString() });
    const { body } = await agent.get(`/api/v1/referrals/stats?from=${isoDay(loneDay)}&to=${isoDay(new Date(loneDay.getTime() + DAY))}`).expect(200);
    assert.equal(body.total, 1);
    assert.equal(body.acceptanceByReceiver.length, 1);
  });

  it('coverage referral rows for one day give no figure of 1 to 4, also by subtraction from the national figure', async () => {
    const { agent } = await signedInAgent(t.app, { role: 'gov-liaison' });
    const oneDay = await agent.get(`/api/v1/coverage/referrals?from=${isoDay(loneDay)}&to=${isoDay(loneDay)}`).expect(200);
    assert.deepEqual(counts(oneDay.body).filter((c) => c > 0 && c < 5), [], JSON.stringify(oneDay.body.national));

    const { body } = await agent.get(`/api/v1/coverage/referrals?from=${isoDay(dayOfLastMonth(1))}`).expect(200);
    assert.deepEqual(counts(body).filter((c) => c > 0 && c < 5), [], JSON.stringify(body.national));
    const duhok = body.governorates.find((g: { code: string }) => g.code === 'IQ-DA');
    assert.equal(duhok.sent, null);
    assert.equal(duhok.fewerThanFive, true);
    for (const key of ['sent', 'acknowledged', 'accepted', 'declined'] as const) {
      const cells = body.governorates.map((g: Record<string, number | null>) => g[key]);
      assert.equal(recoverable(body.national[key], cells), false, `${key}: ${JSON.stringify(cells)} of ${body.national[key]}`);
    }
  });
});
