import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { acquireLease, releaseLease } from '../../server/referrals/lease.js';
import { ReferralCommentModel, ReferralModel } from '../../server/referrals/referral.model.js';
import { eraseExpiredReferralText } from '../../server/referrals/retention.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { referralIn, referralNetwork, type Network } from './referrals-fixtures.js';

const DAY = 86_400_000;

describe('referral retention', () => {
  let t: TestApp;
  let n: Network;
  before(async () => {
    t = await startTestApp({ REFERRAL_RETENTION_DAYS: '365' });
    n = await referralNetwork(t.app);
  });
  after(() => t.close());

  it('erases the text of referrals closed longer than the retention period, once, keeping their states', async () => {
    const [oldCompleted, oldDeclined, recentCompleted, open] = await Promise.all([
      referralIn(n, 'completed'),
      referralIn(n, 'declined'),
      referralIn(n, 'completed'),
      referralIn(n, 'accepted'),
    ]);
    for (const id of [oldCompleted, oldDeclined, recentCompleted, open]) {
      await n.receiver.post(`/api/v1/referrals/${id}/comments`, { body: 'Follow-up call done.' }).expect(201);
    }
    const longAgo = new Date(Date.now() - 400 * DAY);
    await ReferralModel.updateMany({ _id: { $in: [oldCompleted, oldDeclined] } }, { closedAt: longAgo });
    await ReferralModel.updateOne({ _id: open }, { closedAt: longAgo }); // not closed: the state decides, not the date
    const before = await ReferralModel.findById(oldCompleted).lean();

    // Another instance holds the lease: this one does nothing.
    assert.equal(await acquireLease('referral-retention', 'other-instance', 60_000), true);
    assert.deepEqual(await eraseExpiredReferralText({ retentionDays: t.config.REFERRAL_RETENTION_DAYS, owner: 'me' }), { ran: false, erased: 0 });
    assert.ok((await ReferralModel.findById(oldCompleted).lean())!.summary);
    await releaseLease('referral-retention', 'other-instance');

    const run = await eraseExpiredReferralText({ retentionDays: t.config.REFERRAL_RETENTION_DAYS, owner: 'me' });
    assert.deepEqual(run, { ran: true, erased: 2 });

    for (const id of [oldCompleted, oldDeclined]) {
      const raw = await mongoose.connection.db!.collection('referrals').findOne({ _id: new mongoose.Types.ObjectId(id) });
      assert.equal(raw!.summary, null);
      assert.equal(raw!.notes, null);
      assert.ok(raw!.textErasedAt instanceof Date);
      assert.equal(await ReferralCommentModel.countDocuments({ referralId: id }), 0);
    }
    const erased = await ReferralModel.findById(oldCompleted).lean();
    assert.equal(erased!.status, 'completed');
    assert.equal(erased!.closeReason, before!.closeReason);
    assert.deepEqual(erased!.history, before!.history);
    assert.deepEqual([erased!.sentAt, erased!.acknowledgedAt, erased!.acceptedAt], [before!.sentAt, before!.acknowledgedAt, before!.acceptedAt]);

    for (const id of [recentCompleted, open]) {
      assert.ok((await ReferralModel.findById(id).lean())!.summary);
      assert.equal(await ReferralCommentModel.countDocuments({ referralId: id }), 1);
    }

    const view = await n.sender.get(`/api/v1/referrals/${oldCompleted}`).expect(200);
    assert.equal(view.body.textErased, true);
    assert.equal(view.body.summary, null);
    assert.deepEqual((await n.sender.get(`/api/v1/referrals/${oldCompleted}/comments`).expect(200)).body, { items: [], textErased: true });
    await n.receiver.post(`/api/v1/referrals/${oldCompleted}/comments`, { body: 'late' }).expect(409);

    // The sender's own figures are exact (the small-count rule is for other organisations' figures).
    const stats = await n.sender.get('/api/v1/referrals/stats').expect(200);
    assert.equal(stats.body.total, 4, 'erased referrals still count');

    assert.deepEqual(await eraseExpiredReferralText({ retentionDays: 365, owner: 'me' }), { ran: true, erased: 0 });
    const audit = await mongoose.connection.db!.collection('audit_log').countDocuments({ action: 'referral.text-erased' });
    assert.equal(audit, 2);
  });

  it('gives a lease to exactly one of several instances asking at once, until it expires', async () => {
    const owners = Array.from({ length: 10 }, (_, i) => `instance-${i}`);
    for (const round of [1, 2, 3]) {
      const results = await Promise.all(owners.map((o) => acquireLease(`race-${round}`, o, 60_000)));
      assert.equal(results.filter(Boolean).length, 1, `round ${round}`);
    }
    assert.equal(await acquireLease('test-lease', 'e', 60_000), true);
    assert.equal(await acquireLease('test-lease', 'f', 60_000), false);
    assert.equal(await acquireLease('test-lease', 'f', 60_000, new Date(Date.now() + 61_000)), true, 'an expired lease is free');
  });
});
