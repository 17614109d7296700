import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import type { Logger } from '../../server/platform/logging.js';
import { completeLegacyReferrals } from '../../server/referrals/legacy-fields.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { referralBody, referralNetwork, type Actor, type Network } from './referrals-fixtures.js';

const BEST_INTERESTS = 'Sample: a shelter for children near her school keeps her in education and away from the recruiter.';

/** A child's referral as the sender writes it, consent given with the guardian; override any field. */
const childBody = (to: string, overrides: Record<string, unknown> = {}) =>
  referralBody(to, {
    ageBand: '12-17',
    ageStatus: 'child',
    guardianRole: 'parent',
    bestInterestsNote: BEST_INTERESTS,
    consent: { given: true, by: 'person-with-guardian', at: new Date(Date.now() - 3_600_000).toISOString(), scope: ['referral', 'share-case-information'] },
    ...overrides,
  });

describe('referrals in the national referral mechanism: children and contact preference', () => {
  let t: TestApp;
  let n: Network;

  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);
  });
  after(() => t.close());

  const move = (who: Actor, id: string, to: string) => who.post(`/api/v1/referrals/${id}/transitions`, { to });
  const sentAndAcknowledged = async (body: object) => {
    const created = await n.sender.post('/api/v1/referrals', { ...body, send: true }).expect(201);
    await move(n.receiver, created.body.id, 'acknowledged').expect(200);
    return created.body.id as string;
  };

  it('refuses to accept a child’s referral without a guardian and a best-interests note, in the reader’s language', async () => {
    const id = await sentAndAcknowledged(childBody(n.receiverOrg, { guardianRole: null, bestInterestsNote: null }));
    const refused = await move(n.receiver, id, 'accepted').set('Accept-Language', 'ar').expect(422);
    assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(refused.body.type, '/problems/child-safeguards-missing');
    assert.equal(refused.body.status, 422);
    assert.equal(refused.body.title, 'ضمانات الطفل ناقصة');
    assert.match(refused.body.detail, /وليّ الأمر/);
    assert.deepEqual(
      refused.body.errors.map((e: { field: string }) => e.field),
      ['body.guardianRole', 'body.bestInterestsNote'],
    );
    assert.match(refused.body.errors[1].message, /المصلحة الفضلى/);
    const inSorani = await move(n.receiver, id, 'accepted').set('Accept-Language', 'ckb').expect(422);
    assert.equal(inSorani.body.title, 'پاراستنەکانی منداڵ تەواو نین');
    assert.equal((await n.receiver.get(`/api/v1/referrals/${id}`).expect(200)).body.status, 'acknowledged');
  });

  it('accepts a child’s referral with the guardian’s role and an encrypted best-interests note, shown to the receiver', async () => {
    const id = await sentAndAcknowledged(childBody(n.receiverOrg));
    const accepted = await move(n.receiver, id, 'accepted').expect(200);
    assert.equal(accepted.body.status, 'accepted');
    assert.equal(accepted.body.guardianRole, 'parent');
    assert.equal(accepted.body.bestInterestsNote, BEST_INTERESTS);
    assert.equal(accepted.body.consent.by, 'person-with-guardian');
    const stored = await mongoose.connection.db!.collection('referrals').findOne({ _id: new mongoose.Types.ObjectId(id) });
    assert.equal(stored!.guardianRole, 'parent');
    assert.ok(!JSON.stringify(stored).includes('recruiter'), 'the note is stored encrypted');
    const seenByAdmin = await n.admin.get(`/api/v1/referrals/${id}`).expect(200);
    assert.equal(seenByAdmin.body.bestInterestsNote, undefined);
  });

  it('treats an uncertain age as a child: guardian consent, and no acceptance without the safeguards', async () => {
    const personAlone = await n.sender
      .post('/api/v1/referrals', referralBody(n.receiverOrg, { ageBand: '18-24', ageStatus: 'uncertain' }))
      .set('Accept-Language', 'en')
      .expect(400);
    assert.deepEqual(
      personAlone.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      [['body.consent.by', 'A child consents together with the guardian, or the guardian consents.']],
    );
    const id = await sentAndAcknowledged(
      childBody(n.receiverOrg, { ageBand: '18-24', ageStatus: 'uncertain', guardianRole: null, bestInterestsNote: null }),
    );
    const listed = await n.receiver.get('/api/v1/referrals?box=inbox').expect(200);
    const entry = listed.body.items.find((r: { id: string }) => r.id === id);
    assert.equal(entry.ageStatus, 'uncertain');
    assert.equal(entry.isChild, true);
    await move(n.receiver, id, 'accepted').expect(422);
  });

  it('never sends a child’s referral on an override alone', async () => {
    const override = { consent: { given: false, overrideReason: 'child-at-risk' }, guardianRole: null, bestInterestsNote: null };
    const atOnce = await n.sender.post('/api/v1/referrals', { ...childBody(n.receiverOrg, override), send: true }).expect(422);
    assert.equal(atOnce.body.type, '/problems/child-safeguards-missing');
    const draft = await n.sender.post('/api/v1/referrals', childBody(n.receiverOrg, override)).expect(201);
    const later = await move(n.sender, draft.body.id, 'sent').set('Accept-Language', 'ckb').expect(422);
    assert.match(later.body.errors[0].message, /سەرپەرشتیار/);
    assert.equal((await n.sender.get(`/api/v1/referrals/${draft.body.id}`).expect(200)).body.status, 'draft');
    // With a responsible adult and a best-interests note recorded, the override may go out.
    const withAdult = childBody(n.receiverOrg, { ...override, guardianRole: 'state-social-worker', bestInterestsNote: BEST_INTERESTS });
    await n.sender.post('/api/v1/referrals', { ...withAdult, send: true }).expect(201);
  });

  it('keeps adults on their own consent or a documented override, with no guardian fields', async () => {
    await n.sender.post('/api/v1/referrals', { ...referralBody(n.receiverOrg), send: true }).expect(201);
    await n.sender
      .post('/api/v1/referrals', { ...referralBody(n.receiverOrg, { consent: { given: false, overrideReason: 'imminent-danger' } }), send: true })
      .expect(201);
    const guardian = await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg, { guardianRole: 'parent' })).expect(400);
    assert.deepEqual(guardian.body.errors.map((e: { field: string }) => e.field), ['body.guardianRole']);
    const unknownRole = await n.sender.post('/api/v1/referrals', childBody(n.receiverOrg, { guardianRole: 'uncle' })).expect(400);
    assert.deepEqual(unknownRole.body.errors.map((e: { field: string }) => e.field), ['body.guardianRole']);
  });

  it('records contact through the caseworker by default and shows the preference to the receiver', async () => {
    const created = await n.sender.post('/api/v1/referrals', { ...referralBody(n.receiverOrg), send: true }).expect(201);
    assert.equal(created.body.contactPreference, 'through-caseworker');
    const seen = await n.receiver.get(`/api/v1/referrals/${created.body.id}`).expect(200);
    assert.equal(seen.body.contactPreference, 'through-caseworker');

    const noContact = await n.sender
      .post('/api/v1/referrals', { ...referralBody(n.receiverOrg, { contactPreference: 'no-contact' }), send: true })
      .expect(201);
    const inbox = await n.receiver.get('/api/v1/referrals?box=inbox').expect(200);
    assert.equal(inbox.body.items.find((r: { id: string }) => r.id === noContact.body.id).contactPreference, 'no-contact');

    // Phone contact needs consent to be contacted by the receiver.
    const phone = await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg, { contactPreference: 'phone' })).expect(400);
    assert.deepEqual(phone.body.errors.map((e: { field: string }) => e.field), ['body.contactPreference']);
    const scope = ['referral', 'share-case-information', 'contact-by-receiver'];
    const allowed = referralBody(n.receiverOrg, { contactPreference: 'phone', consent: { given: true, by: 'person', at: new Date().toISOString(), scope } });
    const draft = await n.sender.post('/api/v1/referrals', allowed).expect(201);
    assert.equal(draft.body.contactPreference, 'phone');
    // An edit that leaves the preference out keeps it.
    const edited = await n.sender.patch(`/api/v1/referrals/${draft.body.id}`, { urgency: 'emergency' }, draft.body.version).expect(200);
    assert.equal(edited.body.contactPreference, 'phone');
    const unknown = await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg, { contactPreference: 'email' })).expect(400);
    assert.equal(unknown.headers['content-type'], 'application/problem+json; charset=utf-8');
  });
  it('completes referrals stored before the NRM fields at start: a stored child stays a child', async () => {
    const child = await n.sender.post('/api/v1/referrals', childBody(n.receiverOrg)).expect(201);
    const adult = await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg)).expect(201);
    const raw = mongoose.connection.collection('referrals');
    const legacy = (isChild: boolean) => ({ $set: { isChild }, $unset: { ageStatus: '', contactPreference: '' } });
    await raw.updateOne({ _id: new mongoose.Types.ObjectId(child.body.id as string) }, legacy(true));
    await raw.updateOne({ _id: new mongoose.Types.ObjectId(adult.body.id as string) }, legacy(false));
    const logged: unknown[] = [];
    await completeLegacyReferrals({ info: (fields: unknown) => logged.push(fields) } as unknown as Logger);
    const stored = async (id: string) => raw.findOne({ _id: new mongoose.Types.ObjectId(id) });
    const [c, a] = [await stored(child.body.id as string), await stored(adult.body.id as string)];
    assert.deepEqual([c!.ageStatus, c!.isChild, c!.contactPreference], ['child', undefined, 'through-caseworker']);
    assert.deepEqual([a!.ageStatus, a!.isChild, a!.contactPreference], ['adult', undefined, 'through-caseworker']);
    assert.deepEqual(logged, [{ children: 1, adults: 1, contact: 2, identification: 0, shared: 0, kind: 0 }]);
  });
});
