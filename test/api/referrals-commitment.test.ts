import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { OutboxMessageModel } from '../../server/platform/mail/outbox.model.js';
import { escalateOverdueReferrals } from '../../server/referrals/escalation.js';
import { ReferralModel } from '../../server/referrals/referral.model.js';
import { recordUuid } from '../../server/standards/hsds/ids.js';
import { importHsdsPackage } from '../../server/standards/hsds/import.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { assertValid, profileValidators } from './hsds-support.js';
import { SUMMARY, referralBody, referralNetwork, type Network } from './referrals-fixtures.js';

const HOUR = 3_600_000;
const PUBLIC_URL = 'https://referrals.example.test';

describe('referrals: overdue from the service’s response commitment, and escalation', () => {
  let t: TestApp;
  let n: Network;

  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);
    // The liaison's government body works in Erbil, where the cases are.
    await OrganizationModel.updateOne({ _id: n.governmentOrg }, { $set: { governorates: ['IQ-AR'] } });
  });
  after(() => t.close());

  const commit = async (commitment: string | null) => {
    const { version } = (await n.receiverAdmin.get(`/api/v1/services/${n.serviceId}`).expect(200)).body;
    const changed = await n.receiverAdmin.patch(`/api/v1/services/${n.serviceId}`, { responseCommitment: commitment }, version).expect(200);
    assert.equal(changed.body.responseCommitment, commitment);
  };
  const send = async (overrides: Record<string, unknown> = {}) =>
    (await n.sender.post('/api/v1/referrals', { ...referralBody(n.receiverOrg, overrides), send: true }).expect(201)).body;
  /** Moves a referral's dates into the past, as if sent `hours` ago. */
  const age = async (id: string, hours: number) => {
    const referral = await ReferralModel.findById(id).lean();
    const back = (d: Date | null) => d && new Date(d.getTime() - hours * HOUR);
    // Through the model, so the change feed keeps the inbox index current.
    await ReferralModel.updateOne(
      { _id: id },
      { $set: { sentAt: back(referral!.sentAt), acknowledgeBy: back(referral!.acknowledgeBy), liaisonEscalationAt: back(referral!.liaisonEscalationAt) } },
    );
  };
  const overdue = async (id: string) => (await n.receiver.get(`/api/v1/referrals/${id}`).expect(200)).body.overdue as boolean;

  it('computes overdue from the target service’s commitment, and keeps the default without one', async () => {
    await commit('PT1H');
    try {
      const committed = await send({ toServiceId: n.serviceId, urgency: 'high' });
      const deadline = (r: { sentAt: string; acknowledgeBy: string }) => new Date(r.acknowledgeBy).getTime() - new Date(r.sentAt).getTime();
      assert.equal(deadline(committed), HOUR);
      const noService = await send({ urgency: 'high' });
      assert.equal(deadline(noService), 72 * HOUR, 'no service: the default for the urgency');

      await age(committed.id, 2);
      await age(noService.id, 2);
      assert.equal(await overdue(committed.id), true, 'two hours past a one-hour commitment');
      assert.equal(await overdue(noService.id), false, 'two hours within the three-day default');
      const listed = (await n.receiver.get('/api/v1/referrals?box=inbox&overdue=true').expect(200)).body;
      const ids = listed.items.map((r: { id: string }) => r.id);
      assert.ok(ids.includes(committed.id) && !ids.includes(noService.id));
    } finally {
      await commit(null);
      await ReferralModel.deleteMany({});
    }
  });

  it('mails the receiving organisation’s admins once about an overdue urgent referral, without case text', async () => {
    await commit('PT4H');
    try {
      const urgent = await send({ toServiceId: n.serviceId, urgency: 'emergency' });
      const normal = await send({ toServiceId: n.serviceId, urgency: 'normal' });
      await OutboxMessageModel.deleteMany({});

      assert.equal(await escalateOverdueReferrals(PUBLIC_URL, new Date(Date.now() + 3 * HOUR)), 0, 'not overdue yet');
      const later = new Date(Date.now() + 5 * HOUR);
      assert.equal(await escalateOverdueReferrals(PUBLIC_URL, later), 1, 'the urgent one only');
      assert.equal(await escalateOverdueReferrals(PUBLIC_URL, new Date(later.getTime() + HOUR)), 0, 'once');

      const mails = await OutboxMessageModel.find({ subject: 'Overdue urgent referral' }).lean();
      assert.deepEqual(mails.map((m) => m.to), [n.receiverAdmin.user.email], 'the admins, not caseworkers or focal points');
      const mail = mails[0]!;
      assert.ok(mail.text.includes(urgent.caseCode));
      assert.ok(mail.text.includes(`${PUBLIC_URL}/referrals/${urgent.id}`));
      for (const secret of [SUMMARY, 'Avoid contact', 'shelter', 'Erbil']) assert.ok(!mail.text.includes(secret), `no case text: ${secret}`);
      assert.ok(!mail.text.includes(normal.caseCode));
      assert.equal(await AuditEntryModel.countDocuments({ action: 'referral.escalated', entityId: urgent.id }), 1);

      // Acknowledged in time for nothing more: no escalation of a referral no longer waiting.
      const other = await send({ toServiceId: n.serviceId, urgency: 'high' });
      await n.receiver.post(`/api/v1/referrals/${other.id}/transitions`, { to: 'acknowledged' }).expect(200);
      assert.equal(await escalateOverdueReferrals(PUBLIC_URL, new Date(Date.now() + 10 * HOUR)), 0);
    } finally {
      await commit(null);
      await ReferralModel.deleteMany({});
    }
  });

  it('shows the governorate’s liaison a count of escalated referrals after a second period, fewer than 5 withheld', async () => {
    await commit('PT1H');
    try {
      const escalatedView = async (who: Network['liaison']) => (await who.get('/api/v1/coverage/referrals/escalated').expect(200)).body;
      const first = await send({ toServiceId: n.serviceId, urgency: 'emergency' });
      assert.equal(new Date(first.acknowledgeBy).getTime() - new Date(first.sentAt).getTime(), HOUR);
      await age(first.id, 1.5);
      let view = await escalatedView(n.liaison);
      assert.deepEqual(view.governorates.map((g: { code: string }) => g.code), ['IQ-AR'], 'the liaison’s governorates only');
      assert.deepEqual([view.governorates[0].count, view.governorates[0].fewerThanFive], [0, false], 'overdue, but not a second period yet');

      await age(first.id, 1);
      view = await escalatedView(n.liaison);
      assert.deepEqual([view.governorates[0].count, view.governorates[0].fewerThanFive], [null, true], 'one: fewer than 5');

      for (let i = 0; i < 4; i++) await age((await send({ toServiceId: n.serviceId, urgency: 'high' })).id, 3);
      await age((await send({ toServiceId: n.serviceId, urgency: 'normal' })).id, 3);
      view = await escalatedView(n.liaison);
      assert.deepEqual([view.governorates[0].count, view.governorates[0].fewerThanFive], [5, false], 'urgent ones only');
      assert.ok(!JSON.stringify(view).includes('ERB-'), 'no case codes');

      const all = await escalatedView(n.admin);
      assert.ok(all.governorates.length > 1, 'a platform admin sees every governorate');

      const denied = await n.receiver.get('/api/v1/coverage/referrals/escalated').set('Accept-Language', 'ar').expect(403);
      assert.equal(denied.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(denied.body.status, 403);
      const anonymous = await request(t.app).get('/api/v1/coverage/referrals/escalated').expect(401);
      assert.equal(anonymous.body.status, 401);
    } finally {
      await commit(null);
      await ReferralModel.deleteMany({});
    }
  });

  it('refuses a commitment outside the closed list', async () => {
    const { version } = (await n.receiverAdmin.get(`/api/v1/services/${n.serviceId}`).expect(200)).body;
    const bad = await n.receiverAdmin.patch(`/api/v1/services/${n.serviceId}`, { responseCommitment: 'PT2H' }, version).expect(400);
    assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field), ['body.responseCommitment']);
  });

  it('publishes the commitment in HSDS and reads it back from the tabular package', async () => {
    await commit('P1D');
    try {
      const uuid = recordUuid(n.serviceId);
      const hsds = await request(t.app).get(`/hsds/services/${uuid}`).expect(200);
      assert.equal(hsds.body.response_commitment, 'P1D');
      assertValid((await profileValidators(t.app))('service'), hsds.body, 'service');

      const zip = new Uint8Array((await request(t.app).get('/hsds/export.zip').responseType('blob').expect(200)).body as Buffer);
      const services = parse(strFromU8(unzipSync(zip)['services.csv']!), { bom: true, columns: true }) as Record<string, string>[];
      assert.equal(services.find((s) => s.id === uuid)!.response_commitment, 'P1D');

      await ServiceModel.updateOne({ _id: n.serviceId }, { $set: { responseCommitment: null } });
      const report = await importHsdsPackage(zip);
      assert.deepEqual(report.errors, []);
      assert.equal((await ServiceModel.findById(n.serviceId).lean())!.responseCommitment, 'P1D');
    } finally {
      await commit(null);
    }
  });
});
