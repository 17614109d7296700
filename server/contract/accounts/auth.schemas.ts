import { z } from 'zod';
import { plainText } from '../text/plain-text.js';
import { LanguageSchema } from '../text/translated-input.js';
import { PASSWORD_MAX_LENGTH } from './password-rules.js';

/**
 * Bodies of the sign-in, password and invitation-acceptance routes. No server runtime in this
 * module's imports, so the web app checks its forms with these same schemas before sending them.
 */

const email = z.string().trim().min(3).max(320);
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const token = z.string().min(20).max(200);

export const LoginBody = z.strictObject({ email, password });
export const PasswordChangeBody = z.strictObject({ currentPassword: password, newPassword: password });
export const ResetRequestBody = z.strictObject({ email });
export const ResetCompleteBody = z.strictObject({ token, password });
export const AcceptBody = z.strictObject({ token, name: plainText(200), password });
/** The interface language the signed-in user switched to: the app's mails to them are written in it. */
export const LanguageBody = z.strictObject({ language: LanguageSchema });
