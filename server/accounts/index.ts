import { Router, type RequestHandler } from 'express';
import type { Config } from '../platform/config.js';
import { auditLogRoutes } from './audit-log.routes.js';
import { authRoutes } from './auth.routes.js';
import { csrfProtection } from './csrf.js';
import { loginThrottle } from './login-throttle.js';
import { memberRoutes } from './members.routes.js';
import { createAuthenticator, sessionMiddleware } from './session.js';

/**
 * Accounts as the app mounts them: `session` goes in front of every /api and /hsds route (session,
 * Passport, CSRF check), `routes` under /api/v1.
 */
export function accounts(config: Config): { session: RequestHandler[]; routes: Router } {
  const throttle = loginThrottle(config);
  const authenticator = createAuthenticator(throttle);
  const routes = Router();
  routes.use(authRoutes({ authenticator, throttle, publicUrl: config.publicUrl }));
  routes.use(memberRoutes({ publicUrl: config.publicUrl }));
  routes.use(auditLogRoutes());
  return { session: [...sessionMiddleware(config, authenticator), csrfProtection], routes };
}
