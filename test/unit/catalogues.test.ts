/**
 * The three interface languages are equal: every key of the client catalogues has a message in
 * English, Arabic and Sorani, each plural has the forms its language needs, every placeholder of the
 * English message is filled in the others, and an Arabic or Sorani message is written in Arabic script
 * (an English sentence pasted in is a missing translation).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar } from '../../client/src/i18n/ar.js';
import { ckb } from '../../client/src/i18n/ckb.js';
import { en } from '../../client/src/i18n/en.js';
import type { Lang, Message } from '../../client/src/i18n/types.js';

const CATALOGUES: Record<Lang, Readonly<Record<string, Message>>> = { en, ar, ckb };
const PLURAL_FORMS: Record<Lang, string[]> = { en: ['one', 'other'], ar: ['zero', 'one', 'two', 'few', 'many', 'other'], ckb: ['one', 'other'] };
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
/** Two or more English words in a row: a sentence, not a code such as "CSV" or "HXL". */
const ENGLISH_WORDS = /[A-Za-z]{2,} [A-Za-z]{2,}/;

const allKeys = [...new Set(Object.values(CATALOGUES).flatMap((catalogue) => Object.keys(catalogue)))].sort();
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
/** A message's texts by plural form ('text' for a plain message). */
const forms = (message: Message): Array<[string, string]> =>
  typeof message === 'string' ? [['text', message]] : Object.entries(message).filter((e): e is [string, string] => e[1] !== undefined);

/** What is wrong with `lang`'s message for `key`, if anything. */
function problemsOf(lang: Lang, key: string): string[] {
  const message = CATALOGUES[lang][key];
  if (message === undefined) return [`${lang} lacks ${key}`];
  const english = new Map(forms(en[key as keyof typeof en] as Message));
  const problems: string[] = [];
  // An empty zero form is a choice (say nothing when there is nothing); any other empty text is a gap.
  if (forms(message).some(([form, text]) => form !== 'zero' && !text.trim())) problems.push(`${lang} ${key} is empty`);
  if (typeof message !== 'string') {
    const missing = PLURAL_FORMS[lang].filter((form) => !(form in message));
    if (missing.length) problems.push(`${lang} ${key} lacks the plural forms ${missing.join(', ')}`);
  }
  if (lang === 'en') return problems;
  for (const [form, text] of forms(message)) {
    const source = english.get(form) ?? english.get('other') ?? '';
    // Arabic spells small counts out ("نشاطان"), so {count} may be left out; other placeholders carry facts.
    const missing = placeholders(source).filter((p) => p !== '{count}' && !text.includes(p));
    if (missing.length) problems.push(`${lang} ${key} (${form}) does not use ${missing.join(', ')}`);
    if (ENGLISH_WORDS.test(text) && !ARABIC_SCRIPT.test(text)) problems.push(`${lang} ${key} (${form}) is not translated`);
  }
  return problems;
}

describe('client catalogues', () => {
  it('have the same keys in English, Arabic and Sorani', () => {
    assert.ok(allKeys.length > 100, 'the catalogues were read');
    assert.deepEqual(
      allKeys.flatMap((key) => (['en', 'ar', 'ckb'] as const).filter((lang) => !(key in CATALOGUES[lang])).map((lang) => `${lang} lacks ${key}`)),
      [],
    );
  });

  it('give every message in each language, with its plural forms and placeholders, in its own script', () => {
    assert.deepEqual(
      allKeys.flatMap((key) => (['en', 'ar', 'ckb'] as const).flatMap((lang) => problemsOf(lang, key))),
      [],
    );
  });
});
