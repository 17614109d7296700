import type { Request, Response } from 'express';
import { Router } from 'express';
import type passport from 'passport';
import { apiRoute } from '../platform/http/api-route.js';
import { unauthorized } from '../platform/http/problem.js';
import { changePassword } from './password-change.js';
import { assertCsrfForSignIn, issueCsrfToken } from './csrf.js';
import type { LoginThrottle } from './login-throttle.js';
import { LanguageBody, LoginBody, PasswordChangeBody, ResetCompleteBody, ResetRequestBody } from '../contract/accounts/auth.schemas.js';
import { setOwnLanguage } from './accounts.js';
import { completePasswordReset, requestPasswordReset } from './password-reset.js';
import { currentUser, type SessionUser, actorOf } from './permissions.js';
import { CSRF_PATH, SESSION_COOKIE } from './session.js';
import { CsrfView, LoginView, SessionView } from '../contract/accounts/account.schemas.js';
import { describeUser } from './users.js';

/** Runs the local strategy; resolves with the user, or false for wrong credentials. */
function authenticateLocal(authenticator: passport.Authenticator, req: Request, res: Response): Promise<SessionUser | false> {
  return new Promise((resolve, reject) => {
    authenticator.authenticate('local', (err: unknown, user: SessionUser | false) => (err ? reject(err) : resolve(user)))(req, res, reject);
  });
}

/** Starts the signed-in session: Passport regenerates the session id, then a fresh CSRF token is issued. */
async function startSession(req: Request, user: SessionUser): Promise<string> {
  await new Promise<void>((resolve, reject) => req.logIn(user, (err: unknown) => (err ? reject(err) : resolve())));
  req.session.authenticatedAt = Date.now();
  return issueCsrfToken(req);
}

function endSession(req: Request, res: Response): Promise<void> {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  return new Promise((resolve, reject) => req.session.destroy((err: unknown) => (err ? reject(err) : resolve())));
}

export function authRoutes(deps: { authenticator: passport.Authenticator; throttle: LoginThrottle; publicUrl: string }): Router {
  const router = Router();
  const tags = ['auth'];

  apiRoute(
    router,
    {
      method: 'get',
      path: CSRF_PATH,
      summary: 'The CSRF token of this session (creates the session when needed); send it as X-CSRF-Token',
      tags,
      response: CsrfView,
    },
    ({ req, res }) => {
      res.set('Cache-Control', 'no-store');
      return { token: req.session.csrfToken ?? issueCsrfToken(req) };
    },
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in by email (case-insensitive) and password; needs X-CSRF-Token from GET /auth/csrf',
      description: 'The session id changes and a new CSRF token is returned (`csrfToken`). Repeated failures are throttled (429 with Retry-After) and lock the account for a while.',
      tags,
      body: LoginBody,
      response: LoginView,
      errors: { 401: 'Email or password is wrong.', 403: 'CSRF token missing or invalid.', 429: 'Too many failed sign-ins; see Retry-After.' },
    },
    async ({ req, res }) => {
      assertCsrfForSignIn(req);
      const user = await authenticateLocal(deps.authenticator, req, res);
      if (!user) throw unauthorized('wrongCredentials');
      const csrfToken = await startSession(req, user);
      return { user: await describeUser(user), csrfToken };
    },
  );

  apiRoute(
    router,
    { method: 'post', path: '/auth/logout', summary: 'Sign out: the session is destroyed', tags, status: 204 },
    async ({ req, res }) => {
      await endSession(req, res);
    },
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/auth/me',
      summary: 'The signed-in user and their organisation; `user` is null for an anonymous session',
      // Every page load asks; being anonymous is an answer, not an error (no 401 in the console).
      tags,
      response: SessionView,
    },
    async ({ req, res }) => {
      res.set('Cache-Control', 'no-store');
      const user = currentUser(req);
      return { user: user ? await describeUser(user) : null };
    },
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/auth/password',
      summary: 'Change the password (current password needed); other sessions of the account end',
      tags,
      auth: 'session',
      body: PasswordChangeBody,
      status: 204,
      errors: { 400: 'The current password is wrong or the new one is not acceptable.' },
    },
    async ({ req, body }) => {
      await changePassword(actorOf(req), body, deps.throttle);
    },
  );

  apiRoute(
    router,
    {
      method: 'put',
      path: '/auth/me/language',
      summary: 'Remember the interface language of the signed-in user (en, ar or ckb): the mails the app sends them are written in it',
      tags,
      auth: 'session',
      body: LanguageBody,
      status: 204,
    },
    async ({ req, body }) => {
      await setOwnLanguage(actorOf(req), body.language);
    },
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/auth/password-reset/request',
      summary: 'Mail a one-time password-reset link; answers 202 whether or not the address has an account',
      tags,
      body: ResetRequestBody,
      status: 202,
    },
    async ({ body }) => {
      await requestPasswordReset(body.email, deps.publicUrl);
    },
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/auth/password-reset/complete',
      summary: 'Set a new password with the token from the reset link (works once, for an hour)',
      tags,
      body: ResetCompleteBody,
      status: 204,
      errors: { 400: 'The token is invalid, used or expired, or the password is not acceptable.' },
    },
    async ({ req, body }) => {
      await completePasswordReset(body.token, body.password, actorOf(req), deps.throttle);
    },
  );

  return router;
}
