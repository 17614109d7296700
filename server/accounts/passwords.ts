import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { badRequest } from '../platform/http/problem.js';
import { passwordWeakness, type PasswordContext } from '../contract/accounts/password-rules.js';

// The rules are pure (the web app checks new passwords with them too); hashing stays here.
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordWeakness, type PasswordContext } from '../contract/accounts/password-rules.js';

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

/** Throws a 400 problem naming `field` when the password is not acceptable. */
export function assertAcceptablePassword(password: string, context: PasswordContext, field = 'password'): void {
  const weakness = passwordWeakness(password, context);
  if (weakness) throw badRequest('passwordNotAcceptable', [{ field: `body.${field}`, message: weakness }]);
}
