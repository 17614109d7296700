import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import type { Logger } from '../../server/platform/logging.js';
import { completeLegacyReferrals } from '../../server/referrals/legacy-fields.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { referralBody, referralNetwork, type Network } from './referrals-fixtures.js';

const NOTES = 'Sample note: her brother works at the checkpoint near the shelter.';
const RISKS = 'Sample risk: the recruiter still calls her mother every week.';
const WHY = 'Sample: she asked that the checkpoint stay unmentioned.';
const BEST_INTERESTS = 'Sample: a children’s shelter keeps him in school and away from the recruiter.';
const consent = (overrides: Record<string, unknown> = {}) => ({
  given: true,
  by: 'person',
  at: new Date(Date.now() - 3_600_000).toISOString(),
  scope: ['referral', 'share-case-information'],
  ...overrides,
});

/** Notes and safety risks withheld because the person asked. */
const withholding = { sharedParts: ['needs', 'urgency', 'contactPreference'], withheldReason: { code: 'other', note: WHY } };

describe('referrals: what the receiving organisation sees (minimum disclosure)', () => {
  let t: TestApp;
  let n: Network;

  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);
  });
  after(() => t.close());

  it('leaves withheld notes and safety risks out of the receiver’s referral and inbox, and says why', async () => {
    const created = await n.sender
      .post('/api/v1/referrals', { ...referralBody(n.receiverOrg, { notes: NOTES, safetyRisks: RISKS, consent: consent(withholding) }), send: true })
      .expect(201);
    const id = created.body.id as string;

    const seen = await n.receiver.get(`/api/v1/referrals/${id}`).expect(200);
    for (const text of [NOTES, RISKS, '"notes":', '"safetyRisks":']) assert.ok(!seen.text.includes(text), `the receiver’s referral has no ${text}`);
    assert.deepEqual(seen.body.withheld, ['safetyRisks', 'notes']);
    assert.deepEqual(seen.body.withheldReason, { code: 'other', note: WHY });
    assert.deepEqual(seen.body.needs, ['shelter', 'medical']);

    const inbox = await n.receiver.get('/api/v1/referrals?box=inbox').expect(200);
    const row = inbox.body.items.find((r: { id: string }) => r.id === id);
    assert.deepEqual(row.withheld, ['safetyRisks', 'notes']);
    for (const text of [NOTES, RISKS, '"notes":', '"safetyRisks":']) assert.ok(!inbox.text.includes(text));

    const own = await n.sender.get(`/api/v1/referrals/${id}`).expect(200);
    assert.equal(own.body.notes, NOTES);
    assert.equal(own.body.safetyRisks, RISKS);
    assert.deepEqual(own.body.withheld, ['safetyRisks', 'notes']);

    const stored = await mongoose.connection.db!.collection('referrals').findOne({ _id: new mongoose.Types.ObjectId(id) });
    assert.ok(![RISKS, WHY].some((text) => JSON.stringify(stored).includes(text)), 'safety risks and the note on withholding are encrypted');
    const seenByAdmin = await n.admin.get(`/api/v1/referrals/${id}`).expect(200);
    assert.ok(![NOTES, RISKS, WHY].some((text) => seenByAdmin.text.includes(text)), 'platform admins see no case text');
  });

  it('leaves a withheld urgency, needs and contact preference out of the inbox, and its urgency filter', async () => {
    const body = referralBody(n.receiverOrg, {
      urgency: 'emergency',
      consent: consent({ sharedParts: ['safetyRisks', 'notes'], withheldReason: { code: 'not-needed-for-service' } }),
    });
    const id = (await n.sender.post('/api/v1/referrals', { ...body, send: true }).expect(201)).body.id as string;
    const inbox = await n.receiver.get('/api/v1/referrals?box=inbox').expect(200);
    const row = inbox.body.items.find((r: { id: string }) => r.id === id);
    assert.equal('urgency' in row, false);
    assert.equal('needs' in row, false);
    assert.equal('contactPreference' in row, false);
    const emergencies = await n.receiver.get('/api/v1/referrals?box=inbox&urgency=emergency').expect(200);
    assert.ok(!emergencies.body.items.some((r: { id: string }) => r.id === id), 'a filter never tells a withheld urgency');
    const seen = await n.receiver.get(`/api/v1/referrals/${id}`).expect(200);
    assert.equal(seen.body.withheldReason.code, 'not-needed-for-service');
    assert.ok(!/"urgency":|"needs":|"contactPreference":/.test(seen.text));
    const outbox = await n.sender.get('/api/v1/referrals?box=outbox&urgency=emergency').expect(200);
    assert.equal(outbox.body.items.find((r: { id: string }) => r.id === id).urgency, 'emergency');
  });

  it('always shares a child’s best-interests note, even when consent does not cover case information', async () => {
    const body = referralBody(n.receiverOrg, {
      ageBand: '12-17',
      ageStatus: 'child',
      guardianRole: 'parent',
      bestInterestsNote: BEST_INTERESTS,
      summary: null,
      notes: null,
      consent: consent({ by: 'guardian', scope: ['referral'], sharedParts: ['needs', 'urgency'], withheldReason: { code: 'person-asked' } }),
    });
    const id = (await n.sender.post('/api/v1/referrals', { ...body, send: true }).expect(201)).body.id as string;
    const seen = await n.receiver.get(`/api/v1/referrals/${id}`).expect(200);
    assert.equal(seen.body.bestInterestsNote, BEST_INTERESTS);
    assert.equal(seen.body.guardianRole, 'parent');
    assert.deepEqual(seen.body.withheld, ['safetyRisks', 'contactPreference', 'notes']);
  });

  it('shares every part by default, and refuses a withheld part without a reason in the reader’s language', async () => {
    const created = await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg)).expect(201);
    assert.deepEqual(created.body.withheld, []);
    assert.equal(created.body.withheldReason, null);
    const refused = await n.sender
      .post('/api/v1/referrals', referralBody(n.receiverOrg, { consent: consent({ sharedParts: ['needs'] }) }))
      .set('Accept-Language', 'ar')
      .expect(400);
    assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(
      refused.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      [['body.consent.withheldReason', 'اذكر سبب حجب هذه الأجزاء عن الجهة المستقبِلة.']],
    );
    const noNote = await n.sender
      .post('/api/v1/referrals', referralBody(n.receiverOrg, { consent: consent({ sharedParts: ['needs'], withheldReason: { code: 'other' } }) }))
      .expect(400);
    assert.deepEqual(noNote.body.errors.map((e: { field: string }) => e.field), ['body.consent.withheldReason.note']);
  });

  it('completes referrals stored before shared parts as sharing everything', async () => {
    const id = (await n.sender.post('/api/v1/referrals', { ...referralBody(n.receiverOrg), send: true }).expect(201)).body.id as string;
    const referrals = mongoose.connection.db!.collection('referrals');
    const _id = new mongoose.Types.ObjectId(id);
    await referrals.updateOne({ _id }, { $unset: { sharedParts: '', withheldReason: '', withheldNote: '' } });
    await completeLegacyReferrals({ info: () => {} } as unknown as Logger);
    const stored = await referrals.findOne({ _id });
    assert.deepEqual(stored!.sharedParts, ['needs', 'urgency', 'safetyRisks', 'contactPreference', 'notes']);
    const seen = await n.receiver.get(`/api/v1/referrals/${id}`).expect(200);
    assert.deepEqual(seen.body.withheld, []);
    assert.equal(typeof seen.body.notes, 'string');
  });
});
