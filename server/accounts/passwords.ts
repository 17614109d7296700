import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { badRequest } from '../platform/http/problem.js';
import { COMMON_BASE_WORDS, COMMON_LONG_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing stays cheap. */
export const PASSWORD_MAX_LENGTH = 256;

/** argon2id with the library's defaults (64 MiB, 3 passes), which follow the OWASP minimum. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** A hash of a random password: verifying against it costs what a real check costs, for unknown emails. */
let decoyHash: Promise<string> | undefined;

/** Constant-work check: an unknown account costs the same argon2 verification as a known one. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  const target = hash ?? (await (decoyHash ??= hashPassword(randomBytes(32).toString('base64url'))));
  try {
    return (await argon2.verify(target, password)) && hash !== null;
  } catch {
    return false;
  }
}

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

/** Why a new password is refused, in words a person can act on; undefined when it is acceptable. */
export function passwordWeakness(password: string, context: PasswordContext = {}): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const compact = lower.replace(/\s+/g, '');
  if (new Set(compact).size < 4) return 'Use more different characters.';
  const unit = repeatedUnit(compact);
  if (
    commonPasswords.has(compact) ||
    commonPasswords.has(deLeet(compact)) ||
    isSequence(unit) ||
    isDecoratedCommonWord(compact) ||
    isDecoratedCommonWord(unit)
  ) {
    return 'This password is too common; choose a longer phrase of unrelated words.';
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  const name = context.name?.toLowerCase().replace(/\s+/g, '');
  if ((localPart && localPart.length >= 4 && compact.includes(localPart)) || (name && name.length >= 4 && compact.includes(name))) {
    return 'Do not use your name or email address in the password.';
  }
  return undefined;
}

/** Throws a 400 problem naming `field` when the password is not acceptable. */
export function assertAcceptablePassword(password: string, context: PasswordContext, field = 'password'): void {
  const weakness = passwordWeakness(password, context);
  if (weakness) throw badRequest('The new password is not acceptable.', [{ field: `body.${field}`, message: weakness }]);
}
