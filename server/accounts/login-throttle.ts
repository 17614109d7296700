import { createHash } from 'node:crypto';
import type { Config } from '../platform/config.js';
import { HttpProblem } from '../platform/http/problem.js';
import { LoginThrottleModel, type LoginThrottleDoc } from './login-throttle.model.js';

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
const accountKey = (email: string) => `account:${createHash('sha256').update(email).digest('hex').slice(0, 40)}`;

const tooManyAttempts = (until: number, now: number, detail: string) =>
  new HttpProblem(429, detail, {
    type: '/problems/too-many-sign-in-attempts',
    headers: { 'Retry-After': String(Math.max(1, Math.ceil((until - now) / 1000))) },
  });

/** The wait before the next attempt after `failures` failures in a row: 0, 0, 0, 1 s, 2 s, 4 s … 60 s. */
export const delayAfter = (failures: number): number =>
  failures < FREE_FAILURES ? 0 : Math.min(1000 * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);

/** Adds one failure to a counter inside its window, or starts a new window; atomic per document. */
async function countFailure(key: string, windowMs: number, now: Date): Promise<LoginThrottleDoc> {
  const counted = await LoginThrottleModel.findOneAndUpdate(
    { _id: key, windowEndsAt: { $gt: now } },
    { $inc: { failures: 1 }, $set: { lastFailureAt: now } },
    { new: true },
  ).lean();
  if (counted) return counted;
  try {
    const started = await LoginThrottleModel.findOneAndUpdate(
      { _id: key, windowEndsAt: { $lte: now } },
      { $set: { failures: 1, windowEndsAt: new Date(now.getTime() + windowMs), lastFailureAt: now } },
      { new: true, upsert: true },
    ).lean();
    return started!;
  } catch (err) {
    // Another instance started the window first: count inside it.
    if ((err as { code?: number }).code === 11000) return countFailure(key, windowMs, now);
    throw err;
  }
}

/**
 * Brute-force protection for sign-in: per IP address (many accounts from one place) and per account
 * (one account from many places), a growing wait after failures and a lock after LOGIN_LOCK_AFTER.
 */
export function loginThrottle(policy: ThrottlePolicy) {
  return {
    /** Throws 429 with Retry-After when this attempt must not even be checked. */
    async assertAllowed(attempt: LoginAttempt, now = new Date()): Promise<void> {
      const t = now.getTime();
      const [ip, account] = await Promise.all([
        LoginThrottleModel.findById(ipKey(attempt.ip)).lean(),
        LoginThrottleModel.findById(accountKey(attempt.email)).lean(),
      ]);
      if (ip && ip.windowEndsAt.getTime() > t && ip.failures >= policy.LOGIN_IP_LIMIT) {
        throw tooManyAttempts(ip.windowEndsAt.getTime(), t, 'Too many failed sign-ins from this network. Try again later.');
      }
      if (!account) return;
      if (account.lockedUntil && account.lockedUntil.getTime() > t) {
        throw tooManyAttempts(
          account.lockedUntil.getTime(),
          t,
          'This account is locked for a while after too many failed sign-ins. Try again later or reset the password.',
        );
      }
      const nextAllowed = account.lastFailureAt.getTime() + delayAfter(account.failures);
      if (account.windowEndsAt.getTime() > t && nextAllowed > t) {
        throw tooManyAttempts(nextAllowed, t, 'Too many failed sign-ins. Wait a moment before trying again.');
      }
    },

    async recordFailure(attempt: LoginAttempt, now = new Date()): Promise<void> {
      const [, account] = await Promise.all([
        countFailure(ipKey(attempt.ip), IP_WINDOW_MS, now),
        countFailure(accountKey(attempt.email), ACCOUNT_WINDOW_MS, now),
      ]);
      if (account.failures >= policy.LOGIN_LOCK_AFTER) {
        await LoginThrottleModel.updateOne(
          { _id: account._id, failures: { $gte: policy.LOGIN_LOCK_AFTER } },
          { $set: { failures: 0, lockedUntil: new Date(now.getTime() + policy.LOGIN_LOCK_MINUTES * 60_000) } },
        );
      }
    },

    /** A successful sign-in (or a password reset) clears the account's counter, not the IP's. */
    async clearAccount(email: string): Promise<void> {
      await LoginThrottleModel.deleteOne({ _id: accountKey(email) });
    },
  };
}

export type LoginThrottle = ReturnType<typeof loginThrottle>;

/** Removes counters whose window and lock are both over. */
export async function removeExpiredThrottles(now = new Date()): Promise<number> {
  const { deletedCount } = await LoginThrottleModel.deleteMany({
    windowEndsAt: { $lte: now },
    $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }],
  });
  return deletedCount;
}
