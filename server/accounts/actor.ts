import type { Request } from 'express';
import type { SessionUser } from '../contract/accounts/permission-matrix.js';
import type { Language } from '../contract/text/languages.js';
import { requestLanguage } from '../platform/http/errors.js';

/**
 * Who is asking, as the use cases see it: never the HTTP request itself, so a use case reads the same
 * called from a route, the CLI or a job, and its test needs no Express.
 */
export interface Actor {
  /** The signed-in user, or undefined for an anonymous visitor. */
  readonly user: SessionUser | undefined;
  /** The address the request came from: sign-in throttling counts per account and source. */
  readonly source: string;
  /** The session the request belongs to: the one a password change keeps. */
  readonly sessionId: string | undefined;
  /** The request's id, carried into the audit log. */
  readonly requestId: string | null;
  /** The language the request is made in (Accept-Language): what an account opened or an invitation sent by it is written in. */
  readonly language: Language;
}

export function actorOf(req: Request): Actor {
  return {
    user: (req.user as SessionUser | undefined) ?? undefined,
    source: req.ip ?? 'unknown',
    sessionId: req.sessionID,
    requestId: String((req as { id?: unknown }).id ?? '') || null,
    language: requestLanguage(req),
  };
}
