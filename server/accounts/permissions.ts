import type { Request } from 'express';
import type {} from 'passport';
import { forbidden, unauthorized } from '../platform/http/problem.js';
import { actorOf, type Actor } from './actor.js';
import { can, canEverywhere, type Action, type SessionUser } from '../contract/accounts/permission-matrix.js';

/** The matrix itself has no server dependencies, so the web app imports it too (to show only allowed actions). */
export * from '../contract/accounts/permission-matrix.js';

export type { Actor } from './actor.js';
export { actorOf } from './actor.js';

/** The request's user, for middleware; use cases read `actor.user`. */
export function currentUser(req: Request): SessionUser | undefined {
  return actorOf(req).user;
}

export function requireUser(actor: Actor): SessionUser {
  const user = actor.user;
  if (!user) throw unauthorized();
  return user;
}

/** 401 without a session, 403 when the matrix says no; returns the user when allowed. */
export function authorize(actor: Actor, action: Action, targetOrganizationId?: string | null): SessionUser {
  const user = requireUser(actor);
  if (!can(user, action, targetOrganizationId)) throw forbidden();
  return user;
}

/** 401 without a session, 403 unless the role may do the action for every organisation. */
export function authorizeEverywhere(actor: Actor, action: Action): SessionUser {
  const user = requireUser(actor);
  if (!canEverywhere(user, action)) throw forbidden();
  return user;
}
