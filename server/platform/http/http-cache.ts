import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ANONYMOUS_ANSWER_HEADER } from '../../contract/site/offline.js';
import { HttpProblem, preconditionFailed } from './problem.js';

/**
 * HTTP caching of API answers, decided once for every route.
 *
 * What the API answers can depend on who asks (a member of a shelter's organisation sees its exact
 * place, the public does not), so by default an answer is private to the browser that asked, is
 * revalidated before each reuse, and varies with the session cookie. A route whose answer is the same
 * for everyone says so with `sameForEveryone`.
 *
 * A record's ETag is its version plus a short hash of the body as sent: If-Match needs only the
 * version, but a version alone would let one viewer's copy validate another viewer's body (a 304 to
 * an anonymous client for the member's answer, kept in the browser across sign-out).
 */

/**
 * For everything the session middleware sees: private, revalidated, varying with the cookie. An
 * answer computed with no one signed in says so: the service worker keeps only those for offline
 * use, never what a signed-in user read (client/src/sw.ts).
 */
export const privateToViewer: RequestHandler = (req, res, next) => {
  res.setHeader('Cache-Control', 'private, no-cache');
  res.vary('Cookie');
  if (!req.user) res.setHeader(ANONYMOUS_ANSWER_HEADER, '1');
  next();
};

/** The answer is identical whoever asks: shared caches may keep it (`cacheControl` says how long). */
export function sameForEveryone(res: Response, cacheControl: string): void {
  res.setHeader('Cache-Control', cacheControl);
  const vary = String(res.getHeader('Vary') ?? '')
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '' && field.toLowerCase() !== 'cookie');
  if (vary.length) res.setHeader('Vary', vary.join(', '));
  else res.removeHeader('Vary');
}

const VERSION = Symbol('record version');

/** The answer is a record at this version: `sendJson` gives it an ETag carrying the version. */
export function setVersion(res: Response, version: number): void {
  (res.locals as Record<symbol, number>)[VERSION] = version;
}

/** `view`, answered with its own version in the ETag (for the next If-Match). */
export function withVersion<T extends { version: number }>(res: Response, view: T): T {
  setVersion(res, view.version);
  return view;
}

/**
 * Sends `body` as JSON. A versioned answer gets the strong ETag `"<version>.<hash of the bytes>"`;
 * others keep Express's hash of the body. Either way a conditional GET is answered 304 only when the
 * client holds these very bytes (Express compares If-None-Match with the ETag in `res.send`).
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  const version = (res.locals as Record<symbol, number | undefined>)[VERSION];
  if (version !== undefined) {
    const digest = createHash('sha256').update(json).digest('base64url').slice(0, 12);
    res.setHeader('ETag', `"${version}.${digest}"`);
  }
  if (!res.get('Content-Type')) res.type('application/json');
  res.status(status).send(json);
}

// `"3.Ab_-…"` as sent, or `"3"`, `W/"3"` and a bare `3` as older clients and scripts send.
const IF_MATCH = /^(?:W\/)?("?)(\d{1,15})(?:\.[\w-]{1,64})?\1$/;

/**
 * The record version from an If-Match header value; undefined when the header is absent. Use cases
 * that must decide who may ask before whether the header is right take the value, not the request.
 */
export function versionOfIfMatch(header: string | undefined): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const match = IF_MATCH.exec(value);
  // A tag this API never sent matches no current version: the precondition fails (RFC 9110 §13.1.1).
  if (!match) throw preconditionFailed('ifMatchMalformed');
  return Number(match[2]);
}

/** Updates must say which version they change (RFC 6585 428 otherwise), so no edit is silently lost. */
export function requiredIfMatch(header: string | undefined): number {
  const version = versionOfIfMatch(header);
  if (version === undefined) {
    throw new HttpProblem(428, 'ifMatchRequired');
  }
  return version;
}

/** The record version from the request's If-Match; undefined when it is absent. */
export const ifMatchVersion = (req: Request): number | undefined => versionOfIfMatch(req.get('If-Match'));

/** The record version from the request's If-Match; 428 when it is absent. */
export const requireIfMatch = (req: Request): number => requiredIfMatch(req.get('If-Match'));
