import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { OutboxMessageModel } from '../../server/platform/mail/outbox.model.js';
import { remindEndedReflections } from '../../server/referrals/reflection.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { SUMMARY, referralIn, referralNetwork, type Actor, type Network } from './referrals-fixtures.js';

const DAY = 86_400_000;
const PUBLIC_URL = 'https://referrals.example.test';

describe('referrals: the recovery and reflection period', () => {
  let t: TestApp;
  let n: Network;

  before(async () => {
    // Not the default of 30, so the period is seen to come from the deployment's setting.
    t = await startTestApp({ REFLECTION_PERIOD_DAYS: '45' });
    n = await referralNetwork(t.app);
  });
  after(() => t.close());

  const reflect = (who: Actor, id: string) => who.post(`/api/v1/referrals/${id}/reflection`);

  it('is started by the receiver on an accepted referral, ends after the configured days, audited', async () => {
    const id = await referralIn(n, 'accepted');
    const before = await n.receiver.get(`/api/v1/referrals/${id}`).expect(200);
    assert.equal(before.body.reflection, null);

    const started = await reflect(n.receiver, id).set('If-Match', `"${before.body.version}"`).expect(200);
    const { startedAt, endsAt } = started.body.reflection;
    assert.equal(new Date(endsAt).getTime() - new Date(startedAt).getTime(), 45 * DAY);
    assert.ok(Math.abs(new Date(startedAt).getTime() - Date.now()) < 60_000);
    assert.equal(started.body.version, before.body.version + 1);
    const seen = await n.sender.get(`/api/v1/referrals/${id}`).expect(200);
    assert.deepEqual(seen.body.reflection, { startedAt, endsAt }, 'both sides see it');

    const audits = await AuditEntryModel.find({ entityId: id, action: 'referral.reflection' }).lean();
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.organizationId?.toString(), n.receiverOrg);
    assert.deepEqual(
      audits[0]!.changes.map((c) => [c.field, c.before]),
      [['reflection', 'null']],
    );
    assert.ok(audits[0]!.changes[0]!.after?.includes(endsAt));

    const again = await reflect(n.receiverAdmin, id).set('Accept-Language', 'ar').expect(409);
    assert.equal(again.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.match(again.body.detail, /من قبل/);
  });

  it('is refused to the sender, platform admins and outsiders, and before acceptance, in the reader’s language', async () => {
    const accepted = await referralIn(n, 'accepted');
    const bySender = await reflect(n.sender, accepted).set('Accept-Language', 'ar').expect(403);
    assert.equal(bySender.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.match(bySender.body.detail, /المنظمة المستقبِلة/);
    const byAdmin = await reflect(n.admin, accepted).set('Accept-Language', 'ckb').expect(403);
    assert.match(byAdmin.body.detail, /ڕێکخراوی وەرگر/);
    await reflect(n.outsider, accepted).expect(404);
    await reflect(n.receiver, accepted).set('If-Match', '"99"').expect(412);

    for (const state of ['sent', 'acknowledged', 'declined', 'completed']) {
      const id = await referralIn(n, state);
      const refused = await reflect(n.receiver, id).set('Accept-Language', 'ckb').expect(409);
      assert.equal(refused.body.status, 409);
      assert.equal(refused.body.referralStatus, state);
      assert.match(refused.body.detail, /پەسەندکراو/);
    }
    const after = await n.receiver.get(`/api/v1/referrals/${accepted}`).expect(200);
    assert.equal(after.body.reflection, null, 'nothing changed');
    assert.equal(await AuditEntryModel.countDocuments({ entityId: accepted, action: 'referral.reflection' }), 0);
  });

  it('reminds both organisations’ referral members once when it ends, with the case code and link only', async () => {
    const id = await referralIn(n, 'accepted');
    const { caseCode } = (await reflect(n.receiver, id).expect(200)).body;
    await OutboxMessageModel.deleteMany({});

    assert.equal(await remindEndedReflections(PUBLIC_URL, new Date(Date.now() + 44 * DAY)), 0, 'not ended yet');
    const ended = new Date(Date.now() + 46 * DAY);
    assert.ok((await remindEndedReflections(PUBLIC_URL, ended)) >= 1);
    assert.equal(await remindEndedReflections(PUBLIC_URL, new Date(ended.getTime() + DAY)), 0, 'once');

    const mails = await OutboxMessageModel.find({ subject: 'Reflection period ended', text: { $regex: caseCode } }).lean();
    assert.deepEqual(
      mails.map((m) => m.to).sort(),
      [n.sender, n.senderAdmin, n.receiver, n.receiverAdmin].map((a) => a.user.email).sort(),
      'the members of both sides; not outsiders, platform admins or directory contacts',
    );
    for (const mail of mails) {
      assert.ok(mail.text.includes(`${PUBLIC_URL}/referrals/${id}`));
      for (const secret of [SUMMARY, 'Avoid contact', 'shelter', 'medical', 'Erbil']) assert.ok(!mail.text.includes(secret), `no case text: ${secret}`);
    }
    assert.equal(await AuditEntryModel.countDocuments({ entityId: id, action: 'referral.reflection-ended' }), 1);
  });
});
