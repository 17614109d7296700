import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import type { Logger } from '../../server/platform/logging.js';
import { completeLegacyReferrals } from '../../server/referrals/legacy-fields.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { referralBody, referralIn, referralNetwork, type Actor, type Network } from './referrals-fixtures.js';

describe('referrals: transfer of responsibility or referral for a service', () => {
  let t: TestApp;
  let n: Network;

  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);
  });
  after(() => t.close());

  const move = (who: Actor, id: string, to: string, reason?: string) =>
    who.post(`/api/v1/referrals/${id}/transitions`, reason ? { to, reason } : { to });
  const comment = (who: Actor, id: string, body: string) => who.post(`/api/v1/referrals/${id}/comments`, { body });

  it('records the kind: a referral unless told, a transfer when chosen; shown to both sides', async () => {
    const plain = await n.sender.post('/api/v1/referrals', { ...referralBody(n.receiverOrg), send: true }).expect(201);
    assert.equal(plain.body.kind, 'referral');
    const transfer = await n.sender.post('/api/v1/referrals', { ...referralBody(n.receiverOrg), kind: 'transfer', send: true }).expect(201);
    assert.equal(transfer.body.kind, 'transfer');
    const seen = await n.receiver.get(`/api/v1/referrals/${transfer.body.id}`).expect(200);
    assert.equal(seen.body.kind, 'transfer');
    assert.equal(seen.body.readOnly, false);
    const bad = await n.sender.post('/api/v1/referrals', { ...referralBody(n.receiverOrg), kind: 'handover' }).expect(400);
    assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field), ['body.kind']);
    const audit = await AuditEntryModel.findOne({ entityId: transfer.body.id, action: 'referral.create' }).lean();
    assert.ok(audit!.changes.some((c) => c.field === 'kind' && c.after?.includes('transfer')));
  });

  it('an accepted transfer makes the receiver responsible: the sender reads only, in its language; the receiver closes it', async () => {
    const id = await referralIn(n, 'accepted', { kind: 'transfer' });
    const history = await n.sender.get(`/api/v1/referrals/${id}`).expect(200);
    assert.equal(history.body.readOnly, true);
    assert.deepEqual(history.body.allowedMoves, []);
    assert.equal(typeof history.body.summary, 'string', 'the sender keeps the history with its text');
    await n.sender.get(`/api/v1/referrals/${id}/comments`).expect(200);

    const refusedComment = await comment(n.sender, id, 'Any news?').set('Accept-Language', 'ar').expect(403);
    assert.equal(refusedComment.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.match(refusedComment.body.detail, /نُقلت هذه الحالة إلى المنظمة المستقبِلة/);
    const refusedMove = await move(n.sender, id, 'withdrawn', 'needs-met-elsewhere').set('Accept-Language', 'ckb').expect(403);
    assert.match(refusedMove.body.detail, /گوازراوەتەوە/);
    const refusedByAdmin = await move(n.senderAdmin, id, 'withdrawn', 'needs-met-elsewhere').expect(403);
    assert.match(refusedByAdmin.body.detail, /transferred to the receiving organisation/);
    await n.sender.post(`/api/v1/referrals/${id}/identification`, { status: 'screened' }).expect(403);

    const responsible = await n.receiver.get(`/api/v1/referrals/${id}`).expect(200);
    assert.deepEqual(responsible.body.allowedMoves.sort(), ['completed', 'not-completed', 'withdrawn']);
    await comment(n.receiver, id, 'We now hold the case.').expect(201);
    const closed = await move(n.receiver, id, 'completed', 'services-provided').expect(200);
    assert.equal(closed.body.status, 'completed');
    const after = await n.sender.get(`/api/v1/referrals/${id}`).expect(200);
    assert.equal(after.body.status, 'completed');
    assert.equal(after.body.readOnly, true);
    const audits = await AuditEntryModel.find({ entityId: id, action: { $in: ['referral.comment', 'referral.completed'] } }).lean();
    assert.deepEqual(audits.map((a) => a.action).sort(), ['referral.comment', 'referral.completed']);
    assert.ok(audits.every((a) => a.organizationId?.toString() === n.receiverOrg));
  });

  it('before acceptance a transfer keeps today’s rules: the sender comments and withdraws', async () => {
    const id = await referralIn(n, 'acknowledged', { kind: 'transfer' });
    await comment(n.sender, id, 'Please call before 5.').expect(201);
    const withdrawn = await move(n.sender, id, 'withdrawn', 'needs-met-elsewhere').expect(200);
    assert.equal(withdrawn.body.status, 'withdrawn');
  });

  it('an accepted referral keeps today’s rules: the sender comments and may withdraw; the receiver makes no sender move', async () => {
    const id = await referralIn(n, 'accepted');
    const seen = await n.sender.get(`/api/v1/referrals/${id}`).expect(200);
    assert.equal(seen.body.readOnly, false);
    assert.deepEqual(seen.body.allowedMoves, ['withdrawn']);
    const received = await n.receiver.get(`/api/v1/referrals/${id}`).expect(200);
    assert.deepEqual(received.body.allowedMoves.sort(), ['completed', 'not-completed']);
    await comment(n.sender, id, 'Still following up.').expect(201);
    await move(n.receiver, id, 'withdrawn', 'needs-met-elsewhere').expect(403);
    await move(n.sender, id, 'withdrawn', 'needs-met-elsewhere').expect(200);
  });

  it('filters the inbox and outbox by kind', async () => {
    const transfer = await referralIn(n, 'sent', { kind: 'transfer' });
    const referral = await referralIn(n, 'sent', { kind: 'referral' });
    const ids = async (who: Actor, url: string) => ((await who.get(url).expect(200)).body.items as { id: string; kind: string }[]);
    const transfers = await ids(n.receiver, '/api/v1/referrals?box=inbox&kind=transfer&pageSize=100');
    assert.ok(transfers.some((r) => r.id === transfer));
    assert.ok(transfers.every((r) => r.kind === 'transfer'));
    assert.ok(!transfers.some((r) => r.id === referral));
    const referrals = await ids(n.sender, '/api/v1/referrals?box=outbox&kind=referral&pageSize=100');
    assert.ok(referrals.some((r) => r.id === referral));
    assert.ok(referrals.every((r) => r.kind === 'referral'));
    const bad = await n.sender.get('/api/v1/referrals?box=outbox&kind=handover').set('Accept-Language', 'ar').expect(400);
    assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
  });

  it('completes referrals stored before the kind as referrals', async () => {
    const id = await referralIn(n, 'accepted');
    const referrals = mongoose.connection.db!.collection('referrals');
    const _id = new mongoose.Types.ObjectId(id);
    await referrals.updateOne({ _id }, { $unset: { kind: '' } });
    await completeLegacyReferrals({ info: () => {} } as unknown as Logger);
    assert.equal((await referrals.findOne({ _id }))!.kind, 'referral');
    await comment(n.sender, id, 'Still ours.').expect(201);
  });
});
