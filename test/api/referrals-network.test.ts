import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { ReferralModel } from '../../server/referrals/referral.model.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { referralBody, referralIn, referralNetwork, type Network } from './referrals-fixtures.js';

const HOUR = 3_600_000;

describe('referral statistics, agreements and the partner network', () => {
  let t: TestApp;
  let n: Network;
  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);

    // The records the statistics must reproduce; response times are set to known values.
    const t0 = Date.now() - 48 * HOUR;
    const at = (hours: number) => new Date(t0 + hours * HOUR);
    const a = await referralIn(n, 'accepted', { urgency: 'emergency', governorate: 'IQ-AR', needs: ['shelter', 'medical'] });
    const b = await referralIn(n, 'declined', { urgency: 'normal', governorate: 'IQ-BA', needs: ['legal-aid'] });
    await referralIn(n, 'sent', { urgency: 'high', governorate: 'IQ-AR', needs: ['shelter'] });
    await referralIn(n, 'draft', { urgency: 'high', governorate: 'IQ-AR', needs: ['shelter'] });
    const toGovernment = await n.sender
      .post('/api/v1/referrals', referralBody(n.governmentOrg, { send: true, urgency: 'normal', governorate: 'IQ-NA', needs: ['law-enforcement'] }))
      .expect(201);
    const e = toGovernment.body.id as string;
    for (const move of [{ to: 'acknowledged' }, { to: 'accepted' }, { to: 'completed', reason: 'services-provided' }]) {
      await n.liaison.post(`/api/v1/referrals/${e}/transitions`, move).expect(200);
    }
    await ReferralModel.updateOne({ _id: a }, { sentAt: at(0), acknowledgedAt: at(2), acceptedAt: at(4) });
    await ReferralModel.updateOne({ _id: b }, { sentAt: at(0), acknowledgedAt: at(6) });
    await ReferralModel.updateOne({ _id: e }, { sentAt: at(0), acknowledgedAt: at(10), acceptedAt: at(12) });
  });
  after(() => t.close());

  const sorted = (rows: Record<string, unknown>[], key: string) => Object.fromEntries(rows.map((r) => [r[key], r.count]));

  it('counts exactly the sent referrals by status, urgency, governorate and need, with medians and acceptance rates', async () => {
    // The sender's own organisation, which sent them all: its own figures are exact.
    const res = await n.sender.get('/api/v1/referrals/stats').expect(200);
    const s = res.body;
    assert.equal(s.total, 4, 'drafts are not counted');
    assert.deepEqual(sorted(s.byStatus, 'status'), { accepted: 1, declined: 1, sent: 1, completed: 1 });
    assert.deepEqual(sorted(s.byUrgency, 'urgency'), { emergency: 1, normal: 2, high: 1 });
    assert.deepEqual(sorted(s.byGovernorate, 'governorate'), { 'IQ-AR': 2, 'IQ-BA': 1, 'IQ-NA': 1 });
    assert.deepEqual(sorted(s.byCategory, 'category'), { shelter: 2, medical: 1, 'legal-aid': 1, 'law-enforcement': 1 });
    assert.equal(s.medianHoursToAcknowledge, 6); // 2, 6, 10
    assert.equal(s.medianHoursToAccept, 8); // 4, 12
    const rates = Object.fromEntries(s.acceptanceByReceiver.map((r: { organizationId: string; decided: number; accepted: number; rate: number }) => [r.organizationId, [r.decided, r.accepted, r.rate]]));
    assert.deepEqual(rates, { [n.receiverOrg]: [2, 1, 0.5], [n.governmentOrg]: [1, 1, 1] });
    assert.ok(!JSON.stringify(s).includes('ERB-'), 'no case codes in statistics');
  });

  it('scopes statistics: all for platform admins and government liaisons, own organisation for everybody else', async () => {
    const stats = async (who: Network['admin'], query = '') => (await who.get(`/api/v1/referrals/stats${query}`).expect(200)).body;
    const total = async (who: Network['admin'], query = '') => (await stats(who, query)).total;
    assert.equal(await total(n.sender), 4);
    assert.equal(await total(n.receiver), 3);
    assert.equal(await total(n.outsider), 0);
    // Everybody's figures, or another organisation's, are counted in whole completed months only.
    const thisMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)).toISOString();
    const everybody = await stats(n.liaison);
    assert.deepEqual([everybody.scope.organizationId, everybody.aggregatedPeriod.to], [null, thisMonth]);
    const government = await stats(n.admin, `?organizationId=${n.governmentOrg}`);
    assert.deepEqual([government.scope.organizationId, government.aggregatedPeriod.to], [n.governmentOrg, thisMonth]);
    await n.outsider.get(`/api/v1/referrals/stats?organizationId=${n.senderOrg}`).expect(403);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    assert.equal(await total(n.sender, `?from=${tomorrow}`), 0);
    await request(t.app).get('/api/v1/referrals/stats').expect(401);
  });

  it('runs an agreement from proposal to acceptance to its end, each move by the right party', async () => {
    const body = { partnerOrganizationId: n.receiverOrg, categories: ['shelter', 'mhpss'], startsOn: '2026-01-01', endsOn: '2027-12-31' };
    await n.sender.post('/api/v1/agreements', body).expect(403); // caseworkers do not sign agreements
    await n.senderAdmin.post('/api/v1/agreements', { ...body, endsOn: '2025-01-01' }).expect(400);
    const proposed = await n.senderAdmin.post('/api/v1/agreements', body).expect(201);
    const id = proposed.body.id as string;
    assert.equal(proposed.body.status, 'proposed');
    assert.deepEqual(proposed.body.allowedMoves, ['withdrawn']);

    // A proposal is the parties' business.
    await n.outsider.get(`/api/v1/agreements/${id}`).expect(404);
    assert.equal((await request(t.app).get(`/api/v1/organizations/${n.receiverOrg}/agreements`).expect(200)).body.items.length, 0);
    const partnerView = await n.receiverAdmin.get(`/api/v1/organizations/${n.receiverOrg}/agreements`).expect(200);
    assert.deepEqual(partnerView.body.items[0].allowedMoves.sort(), ['active', 'declined']);

    await n.senderAdmin.post(`/api/v1/agreements/${id}/transitions`, { to: 'active' }).expect(403);
    await n.receiver.post(`/api/v1/agreements/${id}/transitions`, { to: 'active' }).expect(403);
    const [first, second] = await Promise.all([
      n.receiverAdmin.post(`/api/v1/agreements/${id}/transitions`, { to: 'active' }),
      n.receiverAdmin.post(`/api/v1/agreements/${id}/transitions`, { to: 'declined' }),
    ]);
    assert.deepEqual([first.status, second.status].sort(), [200, 409]);
    const accepted = first.status === 200 ? first : second;
    if (accepted.body.status !== 'active') {
      // The decline won the race; propose again and accept.
      const again = await n.senderAdmin.post('/api/v1/agreements', body).expect(201);
      await n.receiverAdmin.post(`/api/v1/agreements/${again.body.id}/transitions`, { to: 'active' }).expect(200);
    }

    const onPage = await request(t.app).get(`/api/v1/organizations/${n.senderOrg}/agreements`).expect(200);
    const active = onPage.body.items.filter((a: { status: string }) => a.status === 'active');
    assert.equal(active.length, 1);
    assert.equal(active[0].inForce, true);
    assert.deepEqual(active[0].categories, ['shelter', 'mhpss']);
    assert.equal(active[0].partner.id, n.receiverOrg);
  });

  it('draws the network: organisations, agreements and referral counts between them', async () => {
    await request(t.app).get('/api/v1/network').expect(401);
    // Their own organisation's pairs in full; nothing between two others (referrals-network-scope.test.ts).
    assert.deepEqual((await n.outsider.get('/api/v1/network').expect(200)).body.edges, []);
    const res = await n.sender.get('/api/v1/network').expect(200);
    const ids = res.body.nodes.map((o: { id: string }) => o.id).sort();
    assert.deepEqual(ids, [n.senderOrg, n.receiverOrg, n.governmentOrg].sort());
    const government = res.body.nodes.find((o: { id: string }) => o.id === n.governmentOrg);
    assert.equal(government.type, 'government');
    const edge = (a: string, b: string) =>
      res.body.edges.find((e: { source: string; target: string }) => [e.source, e.target].sort().join() === [a, b].sort().join());
    assert.equal(edge(n.senderOrg, n.receiverOrg).agreements, 1);
    assert.equal(edge(n.senderOrg, n.receiverOrg).referrals, 3);
    assert.equal(edge(n.senderOrg, n.governmentOrg).referrals, 1);
    assert.equal(edge(n.senderOrg, n.governmentOrg).agreements, 0);

    const future = await n.sender.get('/api/v1/network?from=2099-01-01').expect(200);
    assert.deepEqual(future.body.edges, []);
  });
});
