import { badRequest } from '../platform/http/problem.js';
import { setPassword } from './accounts.js';
import type { LoginThrottle } from './login-throttle.js';
import { assertAcceptablePassword, verifyPassword } from './passwords.js';
import { requireUser, type Actor } from './permissions.js';
import { endSessionsOf } from './session-record.model.js';
import { UserModel, normalizeEmail } from './user.model.js';

/**
 * Changes the signed-in user's password after checking the current one. A wrong current password
 * counts like a failed sign-in, so a borrowed session cannot be used to guess it. Every other
 * session of the account ends; this one stays.
 */
export async function changePassword(
  actor: Actor,
  passwords: { currentPassword: string; newPassword: string },
  throttle: LoginThrottle,
): Promise<void> {
  const user = requireUser(actor);
  const attempt = { ip: actor.source ?? 'unknown', email: normalizeEmail(user.email) };
  const reserved = await throttle.reserve(attempt);
  const stored = await UserModel.findById(user.id, { passwordHash: 1 }).lean();
  if (!(await verifyPassword(stored?.passwordHash ?? null, passwords.currentPassword))) {
    await reserved.failed();
    throw badRequest('currentPasswordWrong', [{ field: 'body.currentPassword', message: 'doesNotMatch' }]);
  }
  await reserved.succeeded();
  assertAcceptablePassword(passwords.newPassword, user, 'newPassword');
  await setPassword(user, passwords.newPassword, actor, 'password-change');
  await endSessionsOf(user.id, actor.sessionId);
}
