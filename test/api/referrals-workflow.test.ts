import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { OutboxMessageModel } from '../../server/platform/mail/outbox.model.js';
import { ReferralModel } from '../../server/referrals/referral.model.js';
import { REFERRAL_STATUSES } from '../../server/contract/referrals/vocabulary.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { SUMMARY, moverFor, referralBody, referralIn, referralNetwork, type Network } from './referrals-fixtures.js';

/** The pathway of the issue, written out independently of the server's table. */
const LEGAL = new Set([
  'draft>sent',
  'draft>withdrawn',
  'sent>acknowledged',
  'sent>withdrawn',
  'acknowledged>accepted',
  'acknowledged>declined',
  'acknowledged>withdrawn',
  'accepted>completed',
  'accepted>not-completed',
  'accepted>withdrawn',
]);

const REASON: Record<string, string> = {
  declined: 'no-capacity',
  completed: 'services-provided',
  'not-completed': 'person-relocated',
  withdrawn: 'needs-met-elsewhere',
};

describe('referral workflow', () => {
  let t: TestApp;
  let n: Network;
  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);
  });
  after(() => t.close());

  it('creates a draft with a history line, and sends at once with send: true', async () => {
    const draft = await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg, { toServiceId: n.serviceId })).expect(201);
    assert.equal(draft.body.status, 'draft');
    assert.match(draft.headers.etag!, /^"1\./);
    assert.equal(draft.body.summary, SUMMARY);
    assert.equal(draft.body.to.serviceId, n.serviceId);
    assert.deepEqual(draft.body.history.map((h: { from: string | null; to: string }) => [h.from, h.to]), [[null, 'draft']]);
    assert.deepEqual(draft.body.allowedMoves.sort(), ['sent', 'withdrawn']);

    const sent = await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg, { send: true, urgency: 'emergency' })).expect(201);
    assert.equal(sent.body.status, 'sent');
    assert.ok(sent.body.sentAt);
    assert.equal(new Date(sent.body.acknowledgeBy).getTime() - new Date(sent.body.sentAt).getTime(), 4 * 3_600_000);
    assert.equal(sent.body.history.length, 2);
    assert.equal(sent.body.history[1].by.userId, n.sender.user.id);
  });

  it('refuses a service of another organisation, an inactive one, and referring to oneself', async () => {
    const other = await n.sender.post('/api/v1/referrals', referralBody(n.otherOrg, { toServiceId: n.serviceId })).expect(400);
    assert.equal(other.body.errors[0].field, 'body.toServiceId');
    await ServiceModel.updateOne({ _id: n.serviceId }, { status: 'inactive' });
    await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg, { toServiceId: n.serviceId })).expect(400);
    await ServiceModel.updateOne({ _id: n.serviceId }, { status: 'active' });
    await n.sender.post('/api/v1/referrals', referralBody(n.senderOrg)).expect(400);
    await n.admin.post('/api/v1/referrals', referralBody(n.receiverOrg)).expect(403);
  });

  it('allows every move of the pathway and refuses every other one with 409, changing nothing', async () => {
    const attempt = async (from: string, to: string) => {
      const id = await referralIn(n, from);
      const before = await ReferralModel.findById(id).lean();
      // Drafts exist only for the sender, so the sender tries every move on them.
      const mover = from === 'draft' ? n.sender : moverFor(n, to);
      const res = await mover.post(`/api/v1/referrals/${id}/transitions`, { to, ...(REASON[to] ? { reason: REASON[to] } : {}) });
      const afterMove = await ReferralModel.findById(id).lean();
      if (LEGAL.has(`${from}>${to}`)) {
        assert.equal(res.status, 200, `${from} → ${to}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.status, to);
        assert.equal(afterMove!.version, before!.version + 1);
        assert.equal(afterMove!.history.at(-1)!.from, from);
        assert.equal(afterMove!.history.at(-1)!.reason, REASON[to] ?? null);
      } else {
        assert.equal(res.status, 409, `${from} → ${to} should be refused, got ${res.status}`);
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
        // The problem's status is the HTTP one; the referral's own state travels under its own name.
        assert.equal(res.body.status, 409);
        if (res.body.referralStatus !== undefined) assert.equal(res.body.referralStatus, from);
        assert.deepEqual(afterMove, before, `${from} → ${to} changed the record`);
      }
    };
    // 8 × 8 pairs; each starting state's targets run side by side on separate referrals.
    for (const from of REFERRAL_STATUSES) {
      await Promise.all(REFERRAL_STATUSES.map((to) => attempt(from, to)));
    }
  });

  it('lets only the right side make each move (403 for the other side)', async () => {
    const sent = await referralIn(n, 'sent');
    await n.receiver.post(`/api/v1/referrals/${sent}/transitions`, { to: 'withdrawn', reason: 'sent-in-error' }).expect(403);
    await n.sender.post(`/api/v1/referrals/${sent}/transitions`, { to: 'acknowledged' }).expect(403);
    const draft = await referralIn(n, 'draft');
    await n.receiver.post(`/api/v1/referrals/${draft}/transitions`, { to: 'sent' }).expect(404);
  });

  it('needs a reason code for declining, completing and withdrawing, and a note with "other"', async () => {
    const id = await referralIn(n, 'acknowledged');
    const url = `/api/v1/referrals/${id}/transitions`;
    await n.receiver.post(url, { to: 'declined' }).expect(400);
    await n.receiver.post(url, { to: 'declined', reason: 'too-busy' }).expect(400);
    await n.receiver.post(url, { to: 'declined', reason: 'other' }).expect(400);
    await n.receiver.post(url, { to: 'accepted', reason: 'no-capacity' }).expect(400);
    const declined = await n.receiver.post(url, { to: 'declined', reason: 'other', note: 'Shelter closed for repairs until March.' }).expect(200);
    assert.equal(declined.body.closeReason, 'other');
    assert.ok(declined.body.closedAt);
    const comments = await n.sender.get(`/api/v1/referrals/${id}/comments`).expect(200);
    assert.deepEqual(
      comments.body.items.map((c: { body: string; withStatus: string }) => [c.withStatus, c.body]),
      [['declined', 'Shelter closed for repairs until March.']],
    );

    const accepted = await referralIn(n, 'accepted');
    const done = await n.receiver.post(`/api/v1/referrals/${accepted}/transitions`, { to: 'completed', reason: 'services-partially-provided' }).expect(200);
    assert.equal(done.body.closeReason, 'services-partially-provided');
  });

  it('of two people accepting and declining at the same moment, exactly one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await referralIn(n, 'acknowledged');
      const url = `/api/v1/referrals/${id}/transitions`;
      const [accept, decline] = await Promise.all([
        n.receiver.post(url, { to: 'accepted' }),
        n.receiverAdmin.post(url, { to: 'declined', reason: 'no-capacity' }),
      ]);
      assert.deepEqual([accept.status, decline.status].sort(), [200, 409], `round ${round}`);
      const stored = await ReferralModel.findById(id).lean();
      const decisions = stored!.history.filter((h) => h.from === 'acknowledged');
      assert.equal(decisions.length, 1);
      assert.equal(stored!.status, decisions[0]!.to);
      assert.equal(stored!.version, 4);
    }
  });

  it('edits a draft with If-Match only, re-checking the whole record', async () => {
    const created = await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg)).expect(201);
    const url = `/api/v1/referrals/${created.body.id}`;
    await n.sender.patch(url, { urgency: 'emergency' }).expect(428);
    await n.sender.patch(url, { urgency: 'emergency' }, 7).expect(412);
    await n.sender.patch(url, { ageBand: '12-17' }, 1).expect(400); // still ageStatus: adult
    await n.receiver.patch(url, { urgency: 'emergency' }, 1).expect(404);
    const edited = await n.sender.patch(url, { urgency: 'emergency', summary: 'Updated summary.' }, 1).expect(200);
    assert.match(edited.headers.etag!, /^"2\./);
    assert.equal(edited.body.urgency, 'emergency');
    assert.equal(edited.body.summary, 'Updated summary.');
    assert.equal(edited.body.notes, referralBody('x').notes);
    assert.equal(edited.body.consent.by, 'person');
    await n.sender.post(`${url}/transitions`, { to: 'sent' }).expect(200);
    await n.sender.patch(url, { urgency: 'normal' }, 3).expect(409);
  });

  it('flags overdue referrals in lists and counts, and filters the boxes', async () => {
    const fresh = await referralIn(n, 'sent', { urgency: 'emergency', governorate: 'IQ-BA' });
    const late = await referralIn(n, 'sent', { urgency: 'emergency', governorate: 'IQ-BA' });
    const lateNormal = await referralIn(n, 'sent', { urgency: 'normal', governorate: 'IQ-BA' });
    const sixHoursAgo = new Date(Date.now() - 6 * 3_600_000);
    const fourDaysAgo = new Date(Date.now() - 4 * 86_400_000);
    await ReferralModel.updateOne({ _id: late }, { acknowledgeBy: new Date(sixHoursAgo.getTime() + 4 * 3_600_000), sentAt: sixHoursAgo });
    await ReferralModel.updateOne({ _id: lateNormal }, { acknowledgeBy: new Date(fourDaysAgo.getTime() + 3 * 86_400_000), sentAt: fourDaysAgo });

    const inbox = await n.receiver.get('/api/v1/referrals?box=inbox&governorate=IQ-BA').expect(200);
    const flags = Object.fromEntries(inbox.body.items.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue]));
    assert.deepEqual(flags, { [fresh]: false, [late]: true, [lateNormal]: true });
    assert.equal(inbox.body.items[0].summary, undefined, 'lists carry no case text');

    const overdue = await n.receiver.get('/api/v1/referrals?box=inbox&overdue=true').expect(200);
    assert.deepEqual(overdue.body.items.map((r: { id: string }) => r.id).sort(), [late, lateNormal].sort());
    const emergencies = await n.receiver.get('/api/v1/referrals?box=inbox&urgency=emergency&governorate=IQ-BA&overdue=false').expect(200);
    assert.deepEqual(emergencies.body.items.map((r: { id: string }) => r.id), [fresh]);

    const counts = await n.receiver.get('/api/v1/referrals/counts').expect(200);
    const inboxSent = await ReferralModel.countDocuments({ toOrganizationId: n.receiverOrg, status: 'sent' });
    assert.equal(counts.body.inbox.awaitingAcknowledgement, inboxSent);
    assert.equal(counts.body.inbox.overdue, 2);
    const outboxCounts = await n.sender.get('/api/v1/referrals/counts').expect(200);
    assert.equal(outboxCounts.body.outbox.overdue, 2);
    assert.equal(outboxCounts.body.outbox.drafts, await ReferralModel.countDocuments({ fromOrganizationId: n.senderOrg, status: 'draft' }));

    const drafts = await n.sender.get('/api/v1/referrals?box=outbox&status=draft').expect(200);
    assert.ok(drafts.body.items.length > 0 && drafts.body.items.every((r: { status: string }) => r.status === 'draft'));
    const inboxDrafts = await n.receiver.get('/api/v1/referrals?box=inbox&status=draft').expect(200);
    assert.equal(inboxDrafts.body.total, 0, 'drafts never reach the inbox');
    await n.sender.get('/api/v1/referrals?box=all').expect(403);
    const all = await n.admin.get('/api/v1/referrals?box=all&pageSize=5').expect(200);
    assert.equal(all.body.items.length, 5);
    await n.admin.get('/api/v1/referrals?box=inbox').expect(403);
  });

  it('tells the receiving focal points and members by mail, with a link and no case details', async () => {
    await OutboxMessageModel.deleteMany({});
    const caseCode = 'MSL-77-2026';
    const id = await referralIn(n, 'sent', { caseCode });
    const mails = await OutboxMessageModel.find().lean();
    const recipients = mails.map((m) => m.to).sort();
    assert.deepEqual(recipients, ['referral-desk@receiver.example.test', n.receiver.user.email, n.receiverAdmin.user.email].sort());
    for (const m of mails) {
      assert.equal(m.link, `${t.config.publicUrl}/referrals/${id}`);
      for (const secret of [caseCode, SUMMARY, 'shelter', 'IQ-AR', 'high']) {
        assert.ok(!`${m.subject} ${m.text}`.includes(secret), `mail mentions ${secret}`);
      }
    }
  });

  it('documents every referral route in the OpenAPI document', async () => {
    const doc = await request(t.app).get('/api/v1/openapi.json').expect(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of ['/api/v1/referrals', '/api/v1/referrals/{id}', '/api/v1/referrals/{id}/transitions', '/api/v1/referrals/{id}/comments', '/api/v1/referrals/counts', '/api/v1/referrals/stats', '/api/v1/agreements', '/api/v1/agreements/{id}/transitions', '/api/v1/organizations/{id}/agreements', '/api/v1/network']) {
      assert.ok(paths.includes(p), p);
    }
  });
});
