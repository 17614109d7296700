import type { Request } from 'express';
import type {} from 'passport';
import { forbidden, unauthorized } from '../platform/http/problem.js';
import { can, canEverywhere, type Action, type SessionUser } from './permission-matrix.js';

/** The matrix itself has no server dependencies, so the web app imports it too (to show only allowed actions). */
export * from './permission-matrix.js';

export function currentUser(req: Request): SessionUser | undefined {
  return (req.user as SessionUser | undefined) ?? undefined;
}

export function requireUser(req: Request): SessionUser {
  const user = currentUser(req);
  if (!user) throw unauthorized();
  return user;
}

/** 401 without a session, 403 when the matrix says no; returns the user when allowed. */
export function authorize(req: Request, action: Action, targetOrganizationId?: string | null): SessionUser {
  const user = requireUser(req);
  if (!can(user, action, targetOrganizationId)) throw forbidden();
  return user;
}

/** 401 without a session, 403 unless the role may do the action for every organisation. */
export function authorizeEverywhere(req: Request, action: Action): SessionUser {
  const user = requireUser(req);
  if (!canEverywhere(user, action)) throw forbidden();
  return user;
}
