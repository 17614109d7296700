import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import mongoose from 'mongoose';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import type { Logger } from '../../server/platform/logging.js';
import { completeLegacyReferrals } from '../../server/referrals/legacy-fields.js';
import { recordUuid } from '../../server/standards/hsds/ids.js';
import { importHsdsPackage } from '../../server/standards/hsds/import.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { assertValid, profileValidators } from './hsds-support.js';
import { referralBody, referralNetwork, type Actor, type Network } from './referrals-fixtures.js';

const JUDGE = { status: 'formally-identified', authority: 'investigative-judge', decidedOn: '2026-11-30' };

describe('referrals: identification status apart from the referral’s state', () => {
  let t: TestApp;
  let n: Network;

  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);
  });
  after(() => t.close());

  const identify = (who: Actor, id: string, body: object) => who.post(`/api/v1/referrals/${id}/identification`, body);
  const sent = async (overrides: Record<string, unknown> = {}) =>
    (await n.sender.post('/api/v1/referrals', { ...referralBody(n.receiverOrg, overrides), send: true }).expect(201)).body;
  const requireOfService = async (required: string) => {
    const { version } = (await n.receiverAdmin.get(`/api/v1/services/${n.serviceId}`).expect(200)).body;
    const changed = await n.receiverAdmin.patch(`/api/v1/services/${n.serviceId}`, { requiredIdentification: required }, version).expect(200);
    assert.equal(changed.body.requiredIdentification, required);
  };

  it('starts as screened by the sender and records the judge’s decision by role and day, audited', async () => {
    const referral = await sent();
    assert.equal(referral.identification.status, 'screened');
    assert.equal(referral.identification.authority, null);
    assert.equal(referral.identification.recordedByOrganizationId, n.senderOrg);
    assert.equal(referral.status, 'sent');

    const identified = await identify(n.receiver, referral.id, JUDGE).expect(200);
    assert.deepEqual(
      [identified.body.identification.status, identified.body.identification.authority, identified.body.identification.decidedOn],
      ['formally-identified', 'investigative-judge', '2026-11-30'],
    );
    assert.equal(identified.body.identification.recordedByOrganizationId, n.receiverOrg);
    assert.equal(identified.body.status, 'sent', 'the referral’s state does not move');
    assert.equal(identified.body.version, referral.version + 1);

    const audit = await AuditEntryModel.find({ entityId: referral.id, action: 'referral.identification' }).lean();
    assert.equal(audit.length, 1);
    assert.deepEqual(
      audit[0]!.changes.map((c) => [c.field, c.before, c.after]),
      [
        ['status', '"screened"', '"formally-identified"'],
        ['authority', 'null', '"investigative-judge"'],
        ['decidedOn', 'null', '"2026-11-30"'],
      ],
    );

    // The sender may record the opposite decision too; both sides see the same status.
    await identify(n.sender, referral.id, { status: 'not-identified', authority: 'court', decidedOn: '2026-12-01' }).expect(200);
    const seen = await n.receiver.get(`/api/v1/referrals/${referral.id}`).expect(200);
    assert.equal(seen.body.identification.status, 'not-identified');
    assert.equal(await AuditEntryModel.countDocuments({ entityId: referral.id, action: 'referral.identification' }), 2);
  });

  it('lets only the sender record a screening; platform admins and outsiders record nothing', async () => {
    const referral = await sent({ identification: JUDGE });
    assert.equal(referral.identification.status, 'formally-identified');
    const receiverScreening = await identify(n.receiver, referral.id, { status: 'screened' }).set('Accept-Language', 'ar').expect(403);
    assert.equal(receiverScreening.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(receiverScreening.body.status, 403);
    assert.match(receiverScreening.body.detail, /المنظمة المرسِلة/);
    const byAdmin = await identify(n.admin, referral.id, JUDGE).set('Accept-Language', 'ckb').expect(403);
    assert.match(byAdmin.body.detail, /کارمەندانی کەیس/);
    await identify(n.outsider, referral.id, JUDGE).expect(404);
    await identify(n.sender, referral.id, { status: 'screened' }).expect(200);
    assert.equal(await AuditEntryModel.countDocuments({ entityId: referral.id, action: 'referral.identification' }), 1);
  });

  it('needs the authority and the day for a decision, never a name, in the reader’s language', async () => {
    const referral = await sent();
    const bare = await identify(n.receiver, referral.id, { status: 'formally-identified' }).set('Accept-Language', 'ar').expect(400);
    assert.equal(bare.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(
      bare.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      [['body.authority', 'اختر أحد الخيارات.'], ['body.decidedOn', 'هذا الحقل مطلوب.']],
    );
    const named = await identify(n.receiver, referral.id, { ...JUDGE, judgeName: 'Sample Judge' }).expect(400);
    assert.ok(named.body.errors.length > 0);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await identify(n.receiver, referral.id, { ...JUDGE, decidedOn: tomorrow }).set('Accept-Language', 'ckb').expect(400);
    assert.deepEqual(future.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]), [['body.decidedOn', 'ناکرێت لە داهاتوودا بێت.']]);
    const stale = await identify(n.receiver, referral.id, JUDGE).set('If-Match', `"${referral.version + 5}"`).expect(412);
    assert.equal(stale.body.status, 412);
    assert.equal((await n.sender.get(`/api/v1/referrals/${referral.id}`).expect(200)).body.identification.status, 'screened');
  });

  it('warns, without refusing, when the service requires a formal identification the person lacks', async () => {
    await requireOfService('formally-identified');
    try {
      const draft = await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg, { toServiceId: n.serviceId })).expect(201);
      assert.deepEqual(draft.body.identificationWarning, { required: 'formally-identified', current: 'screened' });
      const sentNow = await n.sender.post(`/api/v1/referrals/${draft.body.id}/transitions`, { to: 'sent' }).expect(200);
      assert.deepEqual(sentNow.body.identificationWarning, { required: 'formally-identified', current: 'screened' });
      const identified = await identify(n.receiver, draft.body.id, JUDGE).expect(200);
      assert.equal(identified.body.identificationWarning, null);

      const atOnce = await sent({ toServiceId: n.serviceId, identification: JUDGE });
      assert.equal(atOnce.identificationWarning, null);
      const noService = await sent();
      assert.equal(noService.identificationWarning, null);

      await requireOfService('screened');
      const screened = await sent({ toServiceId: n.serviceId });
      assert.equal(screened.identificationWarning, null);
      await identify(n.sender, screened.id, { status: 'not-identified', authority: 'investigative-judge', decidedOn: '2026-12-01' }).expect(200);
      const seen = await n.receiver.get(`/api/v1/referrals/${screened.id}`).expect(200);
      assert.deepEqual(seen.body.identificationWarning, { required: 'screened', current: 'not-identified' });
    } finally {
      await requireOfService('none');
    }
  });

  it('completes referrals stored before the status at start as screened, with no recorder', async () => {
    const referral = await sent();
    const raw = mongoose.connection.collection('referrals');
    const _id = new mongoose.Types.ObjectId(referral.id as string);
    await raw.updateOne({ _id }, { $unset: { identification: '' } });
    const logged: Record<string, number>[] = [];
    await completeLegacyReferrals({ info: (fields: Record<string, number>) => logged.push(fields) } as unknown as Logger);
    assert.equal(logged[0]!.identification, 1);
    const seen = await n.receiver.get(`/api/v1/referrals/${referral.id}`).expect(200);
    assert.deepEqual(seen.body.identification, { status: 'screened', authority: null, decidedOn: null, recordedAt: null, recordedByOrganizationId: null });
  });

  it('publishes the service’s required identification in HSDS and reads it back from the tabular package', async () => {
    await requireOfService('formally-identified');
    try {
      const uuid = recordUuid(n.serviceId);
      const hsds = await request(t.app).get(`/hsds/services/${uuid}`).expect(200);
      assert.equal(hsds.body.required_identification_status, 'formally-identified');
      assertValid((await profileValidators(t.app))('service'), hsds.body, 'service');

      const zip = new Uint8Array((await request(t.app).get('/hsds/export.zip').responseType('blob').expect(200)).body as Buffer);
      const services = parse(strFromU8(unzipSync(zip)['services.csv']!), { bom: true, columns: true }) as Record<string, string>[];
      assert.equal(services.find((s) => s.id === uuid)!.required_identification_status, 'formally-identified');

      await ServiceModel.updateOne({ _id: n.serviceId }, { $set: { requiredIdentification: 'none' } });
      const report = await importHsdsPackage(zip);
      assert.deepEqual(report.errors, []);
      const stored = await ServiceModel.findById(n.serviceId).lean();
      assert.equal(stored!.requiredIdentification, 'formally-identified');
    } finally {
      await requireOfService('none');
    }
  });
});
