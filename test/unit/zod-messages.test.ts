/**
 * The contract's zod error map writes every issue it handles in English, Arabic and Sorani: an Arabic
 * or Sorani form never shows zod's English, and every message of the catalogue exists in each language.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { LANGUAGES } from '../../server/contract/text/languages.js';
import { MESSAGE_KEYS, say, type MessageKey } from '../../server/contract/text/messages.js';
import { errorMap, issueMessage, PARSE_OPTIONS } from '../../server/contract/text/zod-messages.js';

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
/** Two or more English words in a row: a sentence, not a code such as "ISO" or "JSON". */
const ENGLISH_WORDS = /[A-Za-z]{2,} [A-Za-z]{2,}/;

/** One input per issue the map handles, and the message it must give. */
const CASES: [string, z.ZodType, unknown, MessageKey][] = [
  ['a missing field', z.object({ a: z.string() }), {}, 'required'],
  ['an empty text', z.string().min(1), '', 'required'],
  ['text for a number', z.number(), 'x', 'expectedNumber'],
  ['a fraction for a whole number', z.number().int(), 1.5, 'expectedWholeNumber'],
  ['a number for text', z.string(), 5, 'expectedText'],
  ['text for a date', z.date(), 'x', 'expectedDate'],
  ['a yes/no of the wrong type', z.boolean(), 'yes', 'invalidValue'],
  ['too short a text', z.string().min(3), 'ab', 'textTooShort'],
  ['too long a text', z.string().max(2), 'abc', 'textTooLong'],
  ['a number below the minimum', z.number().min(2), 1, 'numberTooSmall'],
  ['a number not above the bound', z.number().gt(2), 2, 'numberNotAbove'],
  ['a number above the maximum', z.number().max(2), 3, 'numberTooBig'],
  ['a number not below the bound', z.number().lt(2), 2, 'numberNotBelow'],
  ['a number off its step', z.number().multipleOf(5), 3, 'notMultipleOf'],
  ['too few items', z.array(z.string()).min(2), [], 'tooFewItems'],
  ['too many items', z.array(z.string()).max(1), ['a', 'b'], 'tooManyItems'],
  ['too early a date', z.date().min(new Date('2020-01-01')), new Date('2019-01-01'), 'dateTooEarly'],
  ['too late a date', z.date().max(new Date('2020-01-01')), new Date('2021-01-01'), 'dateTooLate'],
  ['a value not in the list', z.enum(['a', 'b']), 'c', 'chooseOption'],
  ['a malformed email', z.email(), 'x', 'invalidEmail'],
  ['a malformed web address', z.url(), 'x', 'invalidUrl'],
  ['a malformed date-time', z.iso.datetime(), 'x', 'expectedDate'],
  ['text not in a pattern', z.string().regex(/^a$/), 'b', 'invalidFormat'],
  ['an unknown field', z.strictObject({}), { x: 1 }, 'unknownFields'],
  ['none of the alternatives', z.union([z.string(), z.number()]), true, 'invalidValue'],
  ['a keyed rule of the contract', z.string().refine(() => false, 'eachNeedOnce'), 'x', 'eachNeedOnce'],
];

describe('the zod error map of each language', () => {
  for (const [what, schema, input, key] of CASES) {
    it(`gives ${key} for ${what}, in each language`, () => {
      const result = schema.safeParse(input, PARSE_OPTIONS);
      assert.equal(result.success, false);
      const issue = result.error!.issues[0]!;
      const message = issueMessage(issue);
      assert.equal(typeof message === 'string' ? message : message.key, key);
      const texts = Object.fromEntries(LANGUAGES.map((lang) => [lang, errorMap(lang)(issue)]));
      assert.notEqual(texts.en, issue.message, 'not zod’s own English');
      for (const lang of LANGUAGES) assert.doesNotMatch(texts[lang]!, /\{\w+\}/, `${lang}: every placeholder filled`);
      for (const lang of ['ar', 'ckb'] as const) {
        assert.match(texts[lang]!, ARABIC_SCRIPT, `${lang}: ${texts[lang]}`);
        assert.doesNotMatch(texts[lang]!, ENGLISH_WORDS, `${lang}: ${texts[lang]}`);
      }
    });
  }

  it('fills the bounds into the message', () => {
    const issue = z.string().min(3).safeParse('ab', PARSE_OPTIONS).error!.issues[0]!;
    assert.equal(errorMap('ar')(issue), 'يجب ألا يقل عدد الأحرف عن 3.');
    assert.equal(errorMap('ckb')(issue), 'لانیکەم 3 پیت بنووسە.');
    assert.equal(errorMap('en')(issue), 'At least 3 characters.');
  });

  it('has every message of the catalogue in Arabic and Sorani script', () => {
    for (const key of MESSAGE_KEYS) {
      for (const lang of ['ar', 'ckb'] as const) {
        const text = say({ key }, lang);
        assert.match(text, ARABIC_SCRIPT, `${lang} ${key}`);
        assert.notEqual(text, say({ key }, 'en'), `${lang} ${key}`);
      }
    }
  });
});
