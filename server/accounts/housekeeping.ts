import type { Logger } from '../platform/logging.js';
import { removeExpiredInvitations } from './invitations.js';
import { removeExpiredThrottles } from './login-throttle.js';
import { removeStaleResets } from './password-reset.js';

/**
 * The database has no TTL indexes: expired sign-in counters, used or expired reset tokens and
 * long-expired invitations are removed here (sessions by the session store's own interval).
 * Safe to run on several instances at once.
 */
export async function removeExpiredAccountData(now = new Date()): Promise<Record<string, number>> {
  return {
    throttles: await removeExpiredThrottles(now),
    resets: await removeStaleResets(now),
    invitations: await removeExpiredInvitations(now),
  };
}

export function startAccountHousekeeping(logger: Logger, intervalMs = 10 * 60_000): { stop(): void } {
  const timer = setInterval(() => {
    removeExpiredAccountData().then(
      (removed) => logger.debug({ removed }, 'expired account data removed'),
      (err: unknown) => logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'account housekeeping failed'),
    );
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
