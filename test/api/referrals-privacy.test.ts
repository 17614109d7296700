import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { SUMMARY, referralBody, referralIn, referralNetwork, type Network } from './referrals-fixtures.js';

describe('referral confidentiality', () => {
  let t: TestApp;
  let n: Network;
  let id: string;
  const raw = (collection: string) => mongoose.connection.db!.collection(collection);

  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);
    id = await referralIn(n, 'sent');
  });
  after(() => t.close());

  it('shows the record and its text to both organisations', async () => {
    for (const member of [n.sender, n.senderAdmin, n.receiver, n.receiverAdmin]) {
      const res = await member.get(`/api/v1/referrals/${id}`).expect(200);
      assert.equal(res.body.summary, SUMMARY);
      assert.equal(res.body.textVisible, true);
      assert.equal(res.headers['cache-control'], 'no-store');
    }
  });

  it('answers 404 to everybody else: another NGO, a government liaison of another body (reads, moves, comments)', async () => {
    for (const outsider of [n.outsider, n.liaison]) {
      await outsider.get(`/api/v1/referrals/${id}`).expect(404);
      await outsider.post(`/api/v1/referrals/${id}/transitions`, { to: 'acknowledged' }).expect(404);
      await outsider.get(`/api/v1/referrals/${id}/comments`).expect(404);
      await outsider.post(`/api/v1/referrals/${id}/comments`, { body: 'hello' }).expect(404);
      const inbox = await outsider.get('/api/v1/referrals?box=inbox').expect(200);
      const outbox = await outsider.get('/api/v1/referrals?box=outbox').expect(200);
      assert.equal(inbox.body.total + outbox.body.total, 0);
    }
    const missing = await n.sender.get('/api/v1/referrals/0123456789abcdef01234567').expect(404);
    await n.sender.get('/api/v1/referrals/not-an-id').expect(404);
    const hidden = await n.outsider.get(`/api/v1/referrals/${id}`).expect(404);
    assert.equal(hidden.body.detail, missing.body.detail, 'a hidden referral looks exactly like a missing one');
    await request(t.app).get(`/api/v1/referrals/${id}`).expect(401);
  });

  it('shows platform administrators the record without any encrypted text', async () => {
    const res = await n.admin.get(`/api/v1/referrals/${id}`).expect(200);
    assert.equal(res.body.textVisible, false);
    assert.ok(!('summary' in res.body) && !('notes' in res.body));
    assert.ok(!JSON.stringify(res.body).includes('shelter tonight'));
    assert.equal(res.body.caseCode.length > 0, true);
    assert.deepEqual(res.body.allowedMoves, []);
    await n.admin.get(`/api/v1/referrals/${id}/comments`).expect(403);
    await n.admin.post(`/api/v1/referrals/${id}/comments`, { body: 'x' }).expect(403);
    await n.admin.post(`/api/v1/referrals/${id}/transitions`, { to: 'acknowledged' }).expect(403);
  });

  it('keeps drafts to the sending organisation', async () => {
    const draft = await referralIn(n, 'draft');
    await n.senderAdmin.get(`/api/v1/referrals/${draft}`).expect(200);
    await n.receiver.get(`/api/v1/referrals/${draft}`).expect(404);
    await n.admin.get(`/api/v1/referrals/${draft}`).expect(404);
  });

  it('lets a government body receive a referral, and its liaison read it', async () => {
    const toGovernment = await n.sender
      .post('/api/v1/referrals', referralBody(n.governmentOrg, { send: true, needs: ['law-enforcement'] }))
      .expect(201);
    const res = await n.liaison.get(`/api/v1/referrals/${toGovernment.body.id}`).expect(200);
    assert.equal(res.body.summary, SUMMARY);
    assert.deepEqual(res.body.allowedMoves, ['acknowledged']);
    await n.receiver.get(`/api/v1/referrals/${toGovernment.body.id}`).expect(404);
  });

  it('refuses a referral without consent unless overridden with a reason, and shows the override', async () => {
    const { consent: _consent, ...noConsent } = referralBody(n.receiverOrg);
    const missing = await n.sender.post('/api/v1/referrals', noConsent).expect(400);
    assert.ok(missing.body.errors.some((e: { field: string }) => e.field === 'body.consent'));
    await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg, { consent: { given: false } })).expect(400);
    await n.sender
      .post('/api/v1/referrals', referralBody(n.receiverOrg, { consent: { given: false, overrideReason: 'child-at-risk' } }))
      .expect(400); // an adult

    const child = referralBody(n.receiverOrg, {
      ageBand: '12-17',
      ageStatus: 'child',
      guardianRole: 'state-social-worker',
      bestInterestsNote: 'The father is suspected; the state social worker acts for the child.',
      consent: { given: false, overrideReason: 'child-at-risk' },
      send: true,
    });
    const created = await n.sender.post('/api/v1/referrals', child).expect(201);
    assert.equal(created.body.consent.given, false);
    assert.equal(created.body.consentOverride.reason, 'child-at-risk');
    assert.equal(created.body.consentOverride.byUserId, n.sender.user.id);
    for (const viewer of [n.receiver, n.admin]) {
      const seen = await viewer.get(`/api/v1/referrals/${created.body.id}`).expect(200);
      assert.equal(seen.body.consentOverride.reason, 'child-at-risk');
    }
  });

  it('does not share text that consent does not cover', async () => {
    const narrow = referralBody(n.receiverOrg, {
      consent: { given: true, by: 'guardian', at: new Date().toISOString(), scope: ['referral', 'contact-by-receiver'] },
    });
    await n.sender.post('/api/v1/referrals', narrow).expect(400);
    const created = await n.sender.post('/api/v1/referrals', { ...narrow, summary: null, notes: null }).expect(201);
    assert.deepEqual(created.body.consent.scope, ['referral', 'contact-by-receiver']);
    assert.equal(created.body.summary, null);
  });

  it('stores summary, notes, comments and move notes only as AES-256-GCM ciphertext', async () => {
    const comment = 'Her brother called the hotline from Duhok asking where she is.';
    const note = 'Could not reach her on the number given, tried three times.';
    await n.receiver.post(`/api/v1/referrals/${id}/comments`, { body: comment }).expect(201);
    const acknowledged = await referralIn(n, 'acknowledged');
    await n.receiver.post(`/api/v1/referrals/${acknowledged}/transitions`, { to: 'declined', reason: 'other', note }).expect(200);

    const stored = await raw('referrals').findOne({ _id: new mongoose.Types.ObjectId(id) });
    const text = JSON.stringify(stored);
    for (const plain of [SUMMARY, 'shelter tonight', 'former employer', 'Avoid contact']) assert.ok(!text.includes(plain), plain);
    assert.deepEqual(Object.keys(stored!.summary).sort(), ['authTag', 'ciphertext', 'iv', 'keyId']);
    assert.notEqual(stored!.summary.iv, stored!.notes.iv);

    const everything = JSON.stringify([
      await raw('referrals').find().toArray(),
      await raw('referral_comments').find().toArray(),
      await raw('audit_log').find().toArray(),
      await raw('mail_outbox').find().toArray(),
    ]);
    for (const plain of [SUMMARY, comment, note, 'hotline from Duhok', 'three times']) assert.ok(!everything.includes(plain), plain);

    const thread = await n.sender.get(`/api/v1/referrals/${id}/comments`).expect(200);
    assert.deepEqual(thread.body.items.map((c: { body: string }) => c.body), [comment]);
    assert.equal(thread.body.items[0].author.organizationId, n.receiverOrg);
  });

  it('writes an audit entry for each write, with no case text', async () => {
    const entries = await raw('audit_log').find({ entity: 'referral', entityId: id }).toArray();
    assert.deepEqual(entries.map((e) => e.action).sort(), ['referral.comment', 'referral.create', 'referral.sent']);
  });
});
