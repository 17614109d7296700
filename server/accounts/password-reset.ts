import { claimOnce } from '../platform/db/claims.js';
import { enqueueMail } from '../platform/mail/outbox.js';
import { badRequest } from '../platform/http/problem.js';
import { mailText } from '../platform/mail/catalogue.js';
import { linkWithToken } from './account-mail.js';
import { setPassword } from './accounts.js';
import { assertAcceptablePassword } from './passwords.js';
import type { LoginThrottle } from './login-throttle.js';
import { PasswordResetModel } from './password-reset.model.js';
import { endSessionsOf } from './session-record.model.js';
import { hashToken, newOneTimeToken } from './tokens.js';
import { findActiveUserById, findUserByEmail, toSessionUser } from './users.js';
import { accountLanguage } from './user.model.js';
import type { Actor } from './permissions.js';

const RESET_VALID_MS = 60 * 60_000;
/** At most one reset mail per account in this time, so the form cannot be used to flood a mailbox. */
const RESEND_AFTER_MS = 5 * 60_000;

/**
 * Mails a one-time reset link when the email belongs to an active account. The caller answers the
 * same either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(email: string, publicUrl: string): Promise<void> {
  const user = await findUserByEmail(email);
  if (!user || user.status !== 'active') return;
  const now = Date.now();
  const recent = await PasswordResetModel.exists({ userId: user._id, usedAt: null, createdAt: { $gt: new Date(now - RESEND_AFTER_MS) } });
  if (recent) return;
  const { token, tokenHash } = newOneTimeToken();
  const expiresAt = new Date(now + RESET_VALID_MS);
  await PasswordResetModel.create({ userId: user._id, tokenHash, expiresAt });
  const link = linkWithToken(publicUrl, 'reset-password', token);
  // In the account's language, not the request's: whoever asked, the mail goes to the account's owner.
  await enqueueMail({ to: user.email, ...mailText('passwordReset', accountLanguage(user), { name: user.name, link, expiresAt }), link });
}

/**
 * Uses a reset token (once: it is claimed with an atomic unique insert), sets the new password, ends
 * every session of the account and lifts a sign-in lock.
 */
export async function completePasswordReset(token: string, password: string, actor: Actor, throttle: LoginThrottle): Promise<void> {
  const now = new Date();
  const invalid = () => badRequest('resetLinkInvalid', [{ field: 'body.token', message: 'linkUsedOrExpired' }]);
  const reset = await PasswordResetModel.findOne({ tokenHash: hashToken(token), usedAt: null, expiresAt: { $gt: now } }).lean();
  const user = reset && (await findActiveUserById(reset.userId.toString()));
  if (!reset || !user) throw invalid();
  const account = toSessionUser(user);
  assertAcceptablePassword(password, account);
  if (!(await claimOnce(`password-reset:${reset._id.toString()}`))) throw invalid();
  // Every reset link of the account ends with this one.
  await PasswordResetModel.updateMany({ userId: user._id, usedAt: null }, { $set: { usedAt: now } });
  await setPassword(account, password, actor, 'password-reset');
  await endSessionsOf(account.id);
  await throttle.clearAccount(user.emailNormalized);
}

/** Removes reset tokens that are used or expired. */
export async function removeStaleResets(now = new Date()): Promise<number> {
  const { deletedCount } = await PasswordResetModel.deleteMany({ $or: [{ usedAt: { $ne: null } }, { expiresAt: { $lte: now } }] });
  return deletedCount;
}
