import type { Request } from 'express';
import { badRequest } from '../platform/http/problem.js';
import { setPassword } from './accounts.js';
import type { LoginThrottle } from './login-throttle.js';
import { assertAcceptablePassword, verifyPassword } from './passwords.js';
import type { SessionUser } from './permissions.js';
import { endSessionsOf } from './session-record.model.js';
import { UserModel, normalizeEmail } from './user.model.js';

/**
 * Changes the signed-in user's password after checking the current one. A wrong current password
 * counts like a failed sign-in, so a borrowed session cannot be used to guess it. Every other
 * session of the account ends; this one stays.
 */
export async function changePassword(
  user: SessionUser,
  passwords: { currentPassword: string; newPassword: string },
  req: Request,
  throttle: LoginThrottle,
): Promise<void> {
  const attempt = { ip: req.ip ?? 'unknown', email: normalizeEmail(user.email) };
  const reserved = await throttle.reserve(attempt);
  const stored = await UserModel.findById(user.id, { passwordHash: 1 }).lean();
  if (!(await verifyPassword(stored?.passwordHash ?? null, passwords.currentPassword))) {
    await reserved.failed();
    throw badRequest('The current password is wrong.', [{ field: 'body.currentPassword', message: 'does not match' }]);
  }
  await reserved.succeeded();
  assertAcceptablePassword(passwords.newPassword, user, 'newPassword');
  await setPassword(user, passwords.newPassword, req, 'password-change');
  await endSessionsOf(user.id, req.sessionID);
}
