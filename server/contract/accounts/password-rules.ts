import type { Message } from '../text/messages.js';
import { COMMON_BASE_WORDS, COMMON_LONG_PASSWORDS } from './common-passwords.js';

/**
 * The password policy, free of server runtime: the server enforces it (passwords.ts) and the web app
 * checks new passwords with the same rules before sending them.
 */

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing stays cheap. */
export const PASSWORD_MAX_LENGTH = 256;

const commonWords = new Set(COMMON_BASE_WORDS);
const commonPasswords = new Set(COMMON_LONG_PASSWORDS);
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };

const deLeet = (s: string) => s.replace(/[@4310!$57]/g, (c) => LEET[c] ?? c);

/** A run along the alphabet, the digits or a keyboard row, forwards or backwards, possibly wrapping. */
function isSequence(s: string): boolean {
  return SEQUENCES.some((seq) => {
    const ring = seq.repeat(Math.ceil(s.length / seq.length) + 1);
    const reversed = [...ring].reverse().join('');
    return ring.includes(s) || reversed.includes(s);
  });
}

/** The shortest unit the whole string repeats, e.g. "abcabcabc" → "abc". */
function repeatedUnit(s: string): string {
  for (let n = 1; n <= s.length / 2; n++) {
    if (s.length % n === 0 && s.slice(0, n).repeat(s.length / n) === s) return s.slice(0, n);
  }
  return s;
}

/** A known word with only digits and symbols around it, e.g. "Password2024!" or "!!baghdad123456". */
function isDecoratedCommonWord(s: string): boolean {
  const core = s.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length === 0) return true;
  return [core, deLeet(core)].some((w) => commonWords.has(w) || commonWords.has(repeatedUnit(w)));
}

export interface PasswordContext {
  email?: string;
  name?: string;
}

type PasswordProblem = 'too-short' | 'too-long' | 'too-few-characters' | 'too-common' | 'personal';

/** Why a new password is refused, as a code; undefined when acceptable. */
function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too-long';
  const lower = password.toLowerCase();
  const compact = lower.replace(/\s+/g, '');
  if (new Set(compact).size < 4) return 'too-few-characters';
  const unit = repeatedUnit(compact);
  if (
    commonPasswords.has(compact) ||
    commonPasswords.has(deLeet(compact)) ||
    isSequence(unit) ||
    isDecoratedCommonWord(compact) ||
    isDecoratedCommonWord(unit)
  ) {
    return 'too-common';
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  const name = context.name?.toLowerCase().replace(/\s+/g, '');
  if ((localPart && localPart.length >= 4 && compact.includes(localPart)) || (name && name.length >= 4 && compact.includes(name))) {
    return 'personal';
  }
  return undefined;
}

const MESSAGES: Record<PasswordProblem, Message> = {
  'too-short': { key: 'passwordTooShort', params: { min: PASSWORD_MIN_LENGTH } },
  'too-long': { key: 'passwordTooLong', params: { max: PASSWORD_MAX_LENGTH } },
  'too-few-characters': { key: 'passwordFewCharacters' },
  'too-common': { key: 'passwordTooCommon' },
  personal: { key: 'passwordPersonal' },
};

/** Why a new password is refused, as a message a person can act on (in any language); undefined when it is acceptable. */
export function passwordWeakness(password: string, context: PasswordContext = {}): Message | undefined {
  const problem = passwordProblem(password, context);
  return problem && MESSAGES[problem];
}

