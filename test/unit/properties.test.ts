/** Property tests (fast-check): rules that must hold for every input, not only the examples. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ACTIONS, PERMISSIONS, ROLES, can, type SessionUser } from '../../server/accounts/permissions.js';
import { REFERRAL_TRANSITIONS } from '../../server/contract/referrals/referral-workflow.js';
import { availableMoves, findTransition } from '../../server/referrals/state-machine.js';
import { CLOSED_STATUSES, REFERRAL_STATUSES, type ReferralStatus } from '../../server/contract/referrals/vocabulary.js';
import { normalizeText, queryTerms, searchWords, tokenize } from '../../server/platform/text/normalize.js';

const arabicLetters = fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةؤئء'.split(''));
const diacritics = fc.constantFrom('\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0640');
const arabicWord = fc.array(arabicLetters, { minLength: 2, maxLength: 9 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string(), fc.array(arabicWord, { maxLength: 5 }).map((w) => w.join(' ')));

describe('search normaliser properties', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (s) => normalizeText(normalizeText(s)) === normalizeText(s)));
  });

  it('ignores diacritics and tatweel wherever they are put', () => {
    fc.assert(
      fc.property(arabicWord, fc.array(fc.tuple(fc.nat(), diacritics), { maxLength: 4 }), (word, marks) => {
        const chars = word.split('');
        for (const [at, mark] of marks) chars.splice(1 + (at % chars.length), 0, mark);
        return normalizeText(chars.join('')) === normalizeText(word);
      }),
    );
  });

  it('folds alef, ya, ta marbuta and hamza carriers, so variant spellings meet', () => {
    const variants: [string, string][] = [['أ', 'ا'], ['إ', 'ا'], ['آ', 'ا'], ['ى', 'ي'], ['ة', 'ه'], ['ؤ', 'و'], ['ی', 'ي'], ['ک', 'ك']];
    fc.assert(
      fc.property(arabicWord, fc.constantFrom(...variants), (word, [from, to]) => normalizeText(word + from) === normalizeText(word + to)),
    );
  });

  it('every query made of a stored word prefix finds the stored text', () => {
    fc.assert(
      fc.property(fc.array(arabicWord, { minLength: 1, maxLength: 6 }), fc.nat(), fc.integer({ min: 2, max: 12 }), (words, pick, length) => {
        const stored = searchWords(tokenize(words.join(' ')));
        const word = normalizeText(words[pick % words.length]!);
        const terms = queryTerms(word.slice(0, length));
        return terms.every((t) => stored.some((w) => w.startsWith(t)));
      }),
    );
  });

  it('maps Arabic-Indic digits to ASCII', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const eastern = String(n).replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)));
        return normalizeText(eastern) === String(n);
      }),
    );
  });
});

describe('permission matrix properties', () => {
  const user = fc.record({
    role: fc.constantFrom(...ROLES),
    org: fc.constantFrom('a', 'b', null),
  });

  it('nobody signed out may do anything', () => {
    fc.assert(fc.property(fc.constantFrom(...ACTIONS), fc.constantFrom('a', 'b', null, undefined), (action, target) => !can(undefined, action, target)));
  });

  it('"other" implies "own", and a member of no organisation gets only what "other" grants', () => {
    fc.assert(
      fc.property(user, fc.constantFrom(...ACTIONS), fc.constantFrom('a', 'b'), ({ role, org }, action, target) => {
        const u: SessionUser = { id: 'u', email: 'u@example.org', name: 'U', role, organizationId: org };
        const cell = PERMISSIONS[role][action];
        if (cell.other) assert.ok(cell.own, `${role} ${action}: other without own`);
        const allowed = can(u, action, target);
        const expected = cell.other || (cell.own && org === target);
        return allowed === expected;
      }),
    );
  });
});

describe('referral state machine properties', () => {
  const status = fc.constantFrom(...REFERRAL_STATUSES);
  const side = fc.constantFrom('sender' as const, 'receiver' as const);

  it('closed referrals never move again', () => {
    fc.assert(fc.property(fc.constantFrom(...CLOSED_STATUSES), status, (from, to) => findTransition(REFERRAL_TRANSITIONS, from, to) === undefined));
  });

  it('a side may make a move exactly when the table lists it for that side', () => {
    fc.assert(
      fc.property(status, status, side, (from, to, who) => {
        const move = findTransition(REFERRAL_TRANSITIONS, from, to);
        const offered = availableMoves(REFERRAL_TRANSITIONS, from, [who]).includes(to);
        return offered === Boolean(move && move.by.includes(who));
      }),
    );
  });

  it('any walk of allowed moves from a draft ends closed within six moves and never revisits a state', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (choices) => {
        let current: ReferralStatus = 'draft';
        const seen = new Set<ReferralStatus>([current]);
        for (const choice of choices) {
          const moves: ReferralStatus[] = availableMoves(REFERRAL_TRANSITIONS, current, ['sender', 'receiver']);
          if (!moves.length) break;
          current = moves[choice % moves.length]!;
          if (seen.has(current)) return false;
          seen.add(current);
        }
        return CLOSED_STATUSES.includes(current);
      }),
    );
  });
});
