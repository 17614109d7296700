import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { HttpProblem } from '../platform/http/problem.js';
import { sameSecret } from './tokens.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfRejected = () =>
  new HttpProblem(403, 'csrfRejected', {
    type: '/problems/csrf',
    title: 'titleCsrf',
  });

/** A fresh synchronizer token kept in the session (which is created by this if there was none). */
export function issueCsrfToken(req: Request): string {
  const token = randomBytes(32).toString('base64url');
  req.session.csrfToken = token;
  return token;
}

function headerMatches(req: Request, expected: string): boolean {
  const given = req.get(CSRF_HEADER);
  return typeof given === 'string' && sameSecret(given, expected);
}

/**
 * Every state-changing request made with a session must carry the session's token. Without a
 * session there is nothing to forge; routes that need a user then answer 401.
 */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  const expected = req.session?.csrfToken;
  if (SAFE_METHODS.has(req.method) || !expected) return next();
  if (!headerMatches(req, expected)) throw csrfRejected();
  next();
};

/** Sign-in needs a token even without a signed-in session, against login CSRF. */
export function assertCsrfForSignIn(req: Request): void {
  const expected = req.session?.csrfToken;
  if (!expected || !headerMatches(req, expected)) throw csrfRejected();
}
