import type { LoginThrottle } from './login-throttle.js';
import type { SessionUser } from './permissions.js';
import { verifyPassword } from './passwords.js';
import { UserModel, normalizeEmail } from './user.model.js';
import { actingUser, findUserByEmail } from './users.js';

export interface Credentials {
  email: string;
  password: string;
  ip: string;
}

/**
 * Checks an email and password. The attempt is counted against the IP address and the account before
 * the check and refused while throttled (429); a failure stays counted, a success clears the
 * account's counter. Unknown emails and deactivated accounts fail exactly like a wrong password.
 */
export async function signIn(credentials: Credentials, throttle: LoginThrottle): Promise<SessionUser | null> {
  const attempt = { ip: credentials.ip, email: normalizeEmail(credentials.email) };
  const reserved = await throttle.reserve(attempt);
  const user = await findUserByEmail(attempt.email);
  const valid = await verifyPassword(user?.passwordHash ?? null, credentials.password);
  if (!user || !valid || user.status !== 'active') {
    await reserved.failed();
    return null;
  }
  await reserved.succeeded();
  await throttle.clearAccount(attempt.email);
  await UserModel.updateOne({ _id: user._id }, { $set: { lastLoginAt: new Date() } });
  return actingUser(user);
}
