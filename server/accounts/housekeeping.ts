import { removeClaimsOlderThan } from '../platform/db/claims.js';
import { removeOldRateLimitBlocks } from '../platform/http/rate-limit.js';
import type { Logger } from '../platform/logging.js';
import { removeExpiredInvitations } from './invitations.js';
import { removeExpiredThrottles } from './login-throttle.js';
import { removeStaleResets } from './password-reset.js';

/**
 * The database has no TTL indexes: old sign-in failures, used or expired reset tokens, long-expired
 * invitations, old claims and spent rate-limit blocks are removed here (sessions by the session store's
 * own interval). Safe to run on several instances at once.
 */
export async function removeExpiredAccountData(rateLimitWindowSeconds: number, now = new Date()): Promise<Record<string, number>> {
  return {
    throttles: await removeExpiredThrottles(now.getTime()),
    resets: await removeStaleResets(now),
    invitations: await removeExpiredInvitations(now),
    // Claims guard invitations (7 days), reset links (1 hour) and mail attempts (hours).
    claims: await removeClaimsOlderThan(new Date(now.getTime() - 8 * 24 * 3_600_000)),
    rateLimitBlocks: await removeOldRateLimitBlocks(now.getTime(), rateLimitWindowSeconds),
  };
}

export function startAccountHousekeeping(config: { RATE_LIMIT_WINDOW_SECONDS: number }, logger: Logger, intervalMs = 10 * 60_000): { stop(): void } {
  const timer = setInterval(() => {
    removeExpiredAccountData(config.RATE_LIMIT_WINDOW_SECONDS).then(
      (removed) => logger.debug({ removed }, 'expired account data removed'),
      (err: unknown) => logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'account housekeeping failed'),
    );
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
