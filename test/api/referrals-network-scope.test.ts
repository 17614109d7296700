import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ReferralModel } from '../../server/referrals/referral.model.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { referralIn, referralNetwork, type Actor, type Network } from './referrals-fixtures.js';

interface EdgeView {
  source: string;
  target: string;
  detail: string;
  referrals: number | null;
  fewerThanFive: boolean;
  sourceToTarget: number | null;
  targetToSource: number | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

describe('GET /network is scoped like /referrals/stats', () => {
  let t: TestApp;
  let n: Network;
  // The 14th of the month before last: a whole, completed month.
  const now = new Date();
  const pastDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 14, 10));
  const dayAfter = new Date(pastDay.getTime() + 86_400_000);
  const oneDay = `from=${day(pastDay)}&to=${day(dayAfter)}`;

  /** `count` referrals from the sender to the receiver, sent at `sentAt`. */
  async function sentAt(count: number, at: Date | null): Promise<void> {
    const ids = [];
    for (let i = 0; i < count; i++) ids.push(await referralIn(n, 'sent'));
    if (at) await ReferralModel.updateMany({ _id: { $in: ids } }, { $set: { sentAt: at } });
  }

  async function pairEdge(who: Actor, query = ''): Promise<EdgeView | undefined> {
    const res = await who.get(`/api/v1/network${query ? `?${query}` : ''}`).expect(200);
    return res.body.edges.find((e: EdgeView) => [e.source, e.target].sort().join() === [n.senderOrg, n.receiverOrg].sort().join());
  }

  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);
    await sentAt(2, pastDay);
  });
  after(() => t.close());

  it('a member of another organisation sees nothing of a pair they are not part of', async () => {
    assert.equal(await pairEdge(n.outsider), undefined);
    assert.equal(await pairEdge(n.outsider, oneDay), undefined);
  });

  it('a member of the pair sees its own edge in full, down to one day', async () => {
    const edge = await pairEdge(n.sender, oneDay);
    assert.equal(edge?.detail, 'full');
    assert.equal(edge?.referrals, 2);
    assert.equal(edge?.source === n.senderOrg ? edge.sourceToTarget : edge?.targetToSource, 2);
  });

  it('a liaison cannot single out one day between two other organisations: whole past months, no direction, "fewer than 5"', async () => {
    const small = await pairEdge(n.liaison, oneDay);
    assert.deepEqual(
      { detail: small?.detail, referrals: small?.referrals, fewerThanFive: small?.fewerThanFive, a: small?.sourceToTarget, b: small?.targetToSource },
      { detail: 'aggregate', referrals: null, fewerThanFive: true, a: null, b: null },
    );
    // Six more on other days of the same month: a one-day question gets the whole month's count.
    await sentAt(6, new Date(pastDay.getTime() + 5 * 86_400_000));
    const res = await n.liaison.get(`/api/v1/network?${oneDay}`).expect(200);
    assert.equal(res.body.aggregatedPeriod.from, new Date(Date.UTC(pastDay.getUTCFullYear(), pastDay.getUTCMonth(), 1)).toISOString());
    assert.equal(res.body.aggregatedPeriod.to, new Date(Date.UTC(pastDay.getUTCFullYear(), pastDay.getUTCMonth() + 1, 1)).toISOString());
    assert.equal((await pairEdge(n.liaison, oneDay))?.referrals, 8);
    assert.equal((await pairEdge(n.admin, oneDay))?.referrals, 8, 'platform admins see the same aggregates');

    // The current month is not complete: today's referral does not move anybody else's count.
    await sentAt(1, null);
    assert.equal((await pairEdge(n.liaison))?.referrals, 8);
    assert.equal((await pairEdge(n.sender))?.referrals, 9);
  });
});
