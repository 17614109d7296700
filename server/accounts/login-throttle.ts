import { createHash } from 'node:crypto';
import type { Config } from '../platform/config.js';
import { HttpProblem } from '../platform/http/problem.js';
import { LoginFailureModel } from './login-failure.model.js';

const IP_WINDOW_MS = 15 * 60_000;
const ACCOUNT_WINDOW_MS = 60 * 60_000;
/** Failures on an account before each further attempt has to wait; the wait doubles each time. */
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 60_000;

export type ThrottlePolicy = Pick<Config, 'LOGIN_LOCK_AFTER' | 'LOGIN_LOCK_MINUTES' | 'LOGIN_IP_LIMIT'>;

export interface LoginAttempt {
  ip: string;
  /** Normalised email as typed: unknown accounts are throttled exactly like known ones. */
  email: string;
}

const ipKey = (ip: string) => `ip:${ip}`;
/** Hashed, so the collection does not become a list of addresses people tried. */
const accountKey = (email: string) => `account:${createHash('sha256').update(email).digest('hex').slice(0, 40)}`;

const tooManyAttempts = (until: number, now: number, detail: string) =>
  new HttpProblem(429, detail, {
    type: '/problems/too-many-sign-in-attempts',
    headers: { 'Retry-After': String(Math.max(1, Math.ceil((until - now) / 1000))) },
  });

/** The wait before the next attempt after `failures` failures in a row: 0, 0, 0, 1 s, 2 s, 4 s … 60 s. */
export const delayAfter = (failures: number): number =>
  failures < FREE_FAILURES ? 0 : Math.min(1000 * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);

/** Times of the newest failures under `key` since `since`, newest first, at most `limit`. */
async function recentFailures(key: string, since: number, limit: number): Promise<number[]> {
  const rows = await LoginFailureModel.find({ key, at: { $gt: new Date(since) } }, { at: 1 }).sort({ at: -1 }).limit(limit).lean();
  return rows.map((r) => r.at.getTime());
}

/**
 * Brute-force protection for sign-in: per IP address (many accounts from one place) and per account
 * (one account from many places), a growing wait after failures and a lock after LOGIN_LOCK_AFTER.
 */
export function loginThrottle(policy: ThrottlePolicy) {
  const lockMs = policy.LOGIN_LOCK_MINUTES * 60_000;
  return {
    /** Throws 429 with Retry-After when this attempt must not even be checked. */
    async assertAllowed(attempt: LoginAttempt, now = Date.now()): Promise<void> {
      const [ip, account] = await Promise.all([
        recentFailures(ipKey(attempt.ip), now - IP_WINDOW_MS, policy.LOGIN_IP_LIMIT),
        recentFailures(accountKey(attempt.email), now - ACCOUNT_WINDOW_MS, policy.LOGIN_LOCK_AFTER),
      ]);
      if (ip.length >= policy.LOGIN_IP_LIMIT) {
        // Allowed again when the oldest of the last LOGIN_IP_LIMIT failures leaves the window.
        throw tooManyAttempts(ip[ip.length - 1]! + IP_WINDOW_MS, now, 'Too many failed sign-ins from this network. Try again later.');
      }
      const last = account[0];
      if (last === undefined) return;
      if (account.length >= policy.LOGIN_LOCK_AFTER) {
        if (last + lockMs > now) {
          throw tooManyAttempts(
            last + lockMs,
            now,
            'This account is locked for a while after too many failed sign-ins. Try again later or reset the password.',
          );
        }
        return;
      }
      const nextAllowed = last + delayAfter(account.length);
      if (nextAllowed > now) throw tooManyAttempts(nextAllowed, now, 'Too many failed sign-ins. Wait a moment before trying again.');
    },

    async recordFailure(attempt: LoginAttempt, now = Date.now()): Promise<void> {
      const at = new Date(now);
      await LoginFailureModel.insertMany([
        { key: ipKey(attempt.ip), at },
        { key: accountKey(attempt.email), at },
      ]);
    },

    /** A successful sign-in (or a password reset) clears the account's failures, not the IP's. */
    async clearAccount(email: string): Promise<void> {
      await LoginFailureModel.deleteMany({ key: accountKey(email) });
    },
  };
}

export type LoginThrottle = ReturnType<typeof loginThrottle>;

/** Removes failures older than every window. */
export async function removeExpiredThrottles(now = Date.now()): Promise<number> {
  const { deletedCount } = await LoginFailureModel.deleteMany({ at: { $lt: new Date(now - Math.max(IP_WINDOW_MS, ACCOUNT_WINDOW_MS)) } });
  return deletedCount;
}
