/**
 * The workspace's record rules, shared by the forms and the API: Iraqi phone numbers are checked and
 * stored in E.164, opening hours name a day and close after they open, and each refusal reads in the
 * form's language.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { normaliseIraqiPhone, phoneForReading, PhoneSchema } from '../../server/contract/directory/phone-input.js';
import { serviceInputWith } from '../../server/contract/directory/services/service.input.js';
import { errorMap, PARSE_OPTIONS } from '../../server/contract/text/zod-messages.js';

const PHONES: [string, string | undefined][] = [
  ['+964 770 123 4567', '+9647701234567'],
  ['07701234567', '+9647701234567'],
  ['0770 123 4567', '+9647701234567'],
  ['0750-111-2222', '+9647501112222'],
  ['00964 780 000 1111', '+9647800001111'],
  ['+964 (0)790 000 1111', '+9647900001111'],
  ['٠٧٧٠ ١٢٣ ٤٥٦٧', '+9647701234567'],
  ['+964 1 234 5678', '+96412345678'],
  ['01 234 5678', '+96412345678'],
  ['+964 66 222 1234', '+964662221234'],
  ['066 222 1234', '+964662221234'],
  ['+964 40 612 345', '+96440612345'],
  ['533', '533'],
  // Not Iraqi numbers, or not whole ones.
  ['7701234567', undefined],
  ['0770 123 456', undefined],
  ['0770 123 45678', undefined],
  ['+98 21 1234 5678', undefined],
  ['+964 870 123 4567', undefined],
  ['+964 0', undefined],
  ['12', undefined],
  ['call 0770 123 4567', undefined],
];

describe('Iraqi phone numbers', () => {
  for (const [typed, stored] of PHONES) {
    it(`${JSON.stringify(typed)} → ${stored ?? 'refused'}`, () => assert.equal(normaliseIraqiPhone(typed), stored));
  }

  it('read in groups as dialled from abroad', () => {
    const read = ['+9647701234567', '+96412345678', '+964662221234', '+96440612345', '533'].map(phoneForReading);
    assert.deepEqual(read, ['+964 770 123 4567', '+964 1 234 5678', '+964 66 222 1234', '+964 40 612 345', '533']);
  });

  it('are refused in the form’s language', () => {
    const result = PhoneSchema.safeParse({ number: '0770 123' }, PARSE_OPTIONS);
    assert.equal(result.success, false);
    const [issue] = result.error!.issues;
    assert.deepEqual(issue!.path, ['number']);
    assert.match(errorMap('en')(issue!), /^Enter an Iraqi phone number/);
    assert.match(errorMap('ar')(issue!), /^أدخل رقم هاتف عراقيًا/);
    assert.match(errorMap('ckb')(issue!), /^ژمارە تەلەفۆنێکی عێراقی بنووسە/);
  });
});

describe('opening hours', () => {
  const { ServiceUpdate } = serviceInputWith(z.string());
  const problems = (schedules: unknown[]) => {
    const result = ServiceUpdate.safeParse({ schedules }, PARSE_OPTIONS);
    return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), errorMap('ar')(i)]);
  };

  it('take a row with days and an opening before the closing time', () => {
    assert.deepEqual(problems([{ byDay: ['SU', 'MO'], opensAt: '08:00', closesAt: '14:00' }]), []);
    assert.deepEqual(problems([{ byDay: ['SU'], opensAt: '08:00', closesAt: null }]), []);
  });

  it('refuse a row without a day', () => {
    assert.deepEqual(problems([{ byDay: [], opensAt: '08:00', closesAt: '14:00' }]), [['schedules.0.byDay', 'اختر يومًا واحدًا على الأقل.']]);
  });

  it('refuse a closing time at or before the opening time, next to the closing time', () => {
    const after = 'يجب أن يكون وقت الإغلاق بعد وقت الفتح.';
    assert.deepEqual(problems([{ byDay: ['SU'], opensAt: '14:00', closesAt: '08:00' }]), [['schedules.0.closesAt', after]]);
    assert.deepEqual(problems([{ byDay: ['SU'], opensAt: '09:00', closesAt: '09:00' }]), [['schedules.0.closesAt', after]]);
  });
});
