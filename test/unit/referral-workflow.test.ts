import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CreateReferralBody } from '../../server/referrals/referral.requests.js';
import { ACKNOWLEDGE_WITHIN_MS, REFERRAL_TRANSITIONS, isOverdue, milestoneFields } from '../../server/contract/referrals/referral-workflow.js';
import { availableMoves, findTransition } from '../../server/referrals/state-machine.js';
import { median } from '../../server/referrals/stats.js';
import { CLOSED_STATUSES, REFERRAL_STATUSES } from '../../server/contract/referrals/vocabulary.js';

const HOUR = 3_600_000;

describe('the referral pathway as data', () => {
  it('has the pathway of the issue and nothing else', () => {
    const moves = REFERRAL_TRANSITIONS.flatMap((t) => t.from.map((f) => `${f}>${t.to}:${t.by.join('+')}`)).sort();
    assert.deepEqual(moves, [
      'accepted>completed:receiver',
      'accepted>not-completed:receiver',
      'accepted>withdrawn:sender',
      'acknowledged>accepted:receiver',
      'acknowledged>declined:receiver',
      'acknowledged>withdrawn:sender',
      'draft>sent:sender',
      'draft>withdrawn:sender',
      'sent>acknowledged:receiver',
      'sent>withdrawn:sender',
    ]);
  });

  it('closed states are final, and every closing move needs a reason', () => {
    for (const closed of CLOSED_STATUSES) {
      for (const to of REFERRAL_STATUSES) assert.equal(findTransition(REFERRAL_TRANSITIONS, closed, to), undefined);
      assert.ok(REFERRAL_TRANSITIONS.filter((t) => t.to === closed).every((t) => t.reasons?.length && t.stamps === 'closedAt'));
    }
  });

  it('offers each side only its own moves', () => {
    assert.deepEqual(availableMoves(REFERRAL_TRANSITIONS, 'acknowledged', ['receiver']).sort(), ['accepted', 'declined']);
    assert.deepEqual(availableMoves(REFERRAL_TRANSITIONS, 'acknowledged', ['sender']), ['withdrawn']);
    assert.deepEqual(availableMoves(REFERRAL_TRANSITIONS, 'completed', ['sender', 'receiver']), []);
    assert.deepEqual(availableMoves(REFERRAL_TRANSITIONS, 'sent', []), []);
  });

  it('sets the acknowledgement deadline on sending: 4 hours for emergencies, 3 days otherwise', () => {
    const send = findTransition(REFERRAL_TRANSITIONS, 'draft', 'sent')!;
    const at = new Date('2026-01-01T00:00:00Z');
    const emergency = milestoneFields(send, { urgency: 'emergency' }, at, null, null);
    const normal = milestoneFields(send, { urgency: 'normal' }, at, null, null);
    assert.equal((emergency.acknowledgeBy as Date).getTime() - at.getTime(), 4 * HOUR);
    assert.equal((normal.acknowledgeBy as Date).getTime() - at.getTime(), 72 * HOUR);
    assert.equal(ACKNOWLEDGE_WITHIN_MS.high, 72 * HOUR);
    const decline = findTransition(REFERRAL_TRANSITIONS, 'acknowledged', 'declined')!;
    assert.deepEqual(milestoneFields(decline, { urgency: 'normal' }, at, 'no-capacity', null), { closedAt: at, closeReason: 'no-capacity' });
  });

  it('flags a sent referral overdue only after its deadline and only until acknowledged', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const past = new Date(now.getTime() - 1);
    const future = new Date(now.getTime() + 1);
    assert.equal(isOverdue({ status: 'sent', acknowledgeBy: past }, now), true);
    assert.equal(isOverdue({ status: 'sent', acknowledgeBy: future }, now), false);
    assert.equal(isOverdue({ status: 'acknowledged', acknowledgeBy: past }, now), false);
  });
});

describe('the referral record', () => {
  const valid = {
    toOrganizationId: '0123456789abcdef01234567',
    caseCode: 'ERB-2026-014',
    ageBand: '25-59',
    sex: 'female',
    nationality: 'IQ',
    preferredLanguage: 'ar',
    governorate: 'IQ-AR',
    needs: ['shelter', 'mhpss'],
    urgency: 'high',
    ageStatus: 'adult',
    consent: { given: true, by: 'person', at: '2026-01-01T10:00:00Z', scope: ['referral', 'share-case-information'] },
    summary: 'Needs a safe place tonight.',
  };
  const issues = (input: unknown) => {
    const r = CreateReferralBody.safeParse(input);
    return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join('.')))];
  };

  it('accepts a complete record and accepts P-codes for the governorate', () => {
    assert.deepEqual(issues(valid), []);
    assert.equal(CreateReferralBody.parse({ ...valid, governorate: 'IQG04' }).governorate, 'IQ-NA');
  });

  it('refuses case codes that are names or free text', () => {
    for (const caseCode of ['Fatima Ali', 'Fatima', 'AB', 'x'.repeat(30) + '-12345', 'A--1', 'ERB_1']) {
      assert.deepEqual(issues({ ...valid, caseCode }), ['caseCode'], caseCode);
    }
  });

  it('refuses a referral without consent and without an override, and an override with no reason', () => {
    const { consent: _consent, ...withoutConsent } = valid;
    assert.deepEqual(issues(withoutConsent), ['consent']);
    assert.ok(issues({ ...valid, consent: { given: false } }).includes('consent.overrideReason'));
    assert.ok(issues({ ...valid, consent: { given: false, overrideReason: 'convenient' } }).includes('consent.overrideReason'));
    assert.deepEqual(issues({ ...valid, consent: { given: false, overrideReason: 'imminent-danger' } }), []);
  });

  it('keeps age status, age band, override reason, consent giver and shared text consistent with each other', () => {
    assert.deepEqual(issues({ ...valid, ageBand: '12-17' }), ['ageStatus']);
    assert.deepEqual(issues({ ...valid, ageBand: '12-17', ageStatus: 'uncertain', consent: { ...valid.consent, by: 'guardian' } }), []);
    assert.deepEqual(issues({ ...valid, ageStatus: 'child' }), ['ageStatus', 'consent.by']);
    assert.deepEqual(issues({ ...valid, guardianRole: 'parent', bestInterestsNote: 'x' }), ['guardianRole', 'bestInterestsNote']);
    assert.deepEqual(issues({ ...valid, consent: { given: false, overrideReason: 'child-at-risk' } }), ['consent.overrideReason']);
    assert.deepEqual(issues({ ...valid, ageBand: '12-17', ageStatus: 'child', consent: { given: false, overrideReason: 'child-at-risk' } }), []);
    assert.deepEqual(issues({ ...valid, contactPreference: 'phone' }), ['contactPreference']);
    assert.deepEqual(issues({ ...valid, consent: { ...valid.consent, scope: ['referral'] } }), ['summary']);
    assert.deepEqual(issues({ ...valid, consent: { ...valid.consent, scope: ['share-case-information'] } }), ['consent.scope']);
    assert.deepEqual(issues({ ...valid, consent: { ...valid.consent, at: '2999-01-01T00:00:00Z' } }), ['consent.at']);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    assert.equal(median([]), null);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 2, 3]), 2.5);
  });
});
