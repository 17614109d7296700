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

/** Parallel attempts on one key beyond which an attempt gives up finding a free sequence number. */
const MAX_CONTENDERS = 100;

interface Slot {
  id: string;
  seq: number;
}

/**
 * Reserves the next attempt under `key`: the insert of `key#seq` succeeds for exactly one caller per
 * number, so N parallel attempts take N numbers and each sees how many came before it.
 */
async function reserveSlot(key: string, at: Date): Promise<Slot> {
  for (let tries = 0; tries < MAX_CONTENDERS; tries++) {
    const newest = await LoginFailureModel.findOne({ key }, { seq: 1 }).sort({ seq: -1 }).lean();
    const seq = (newest?.seq ?? 0) + 1;
    const id = `${key}#${seq}`;
    try {
      await LoginFailureModel.create({ _id: id, key, seq, at });
      return { id, seq };
    } catch (err) {
      if ((err as { code?: unknown }).code !== 11000) throw err;
    }
  }
  throw tooManyAttempts(at.getTime() + 1000, at.getTime(), 'Too many sign-in attempts at once. Wait a moment before trying again.');
}

/**
 * Times of the newest attempts under `key` reserved before `slot` since `since`, newest first, at most
 * `limit`; only those whose password was checked when `checkedOnly`.
 */
async function attemptsBefore(key: string, slot: Slot, since: number, limit: number, checkedOnly = false): Promise<number[]> {
  const filter = { key, seq: { $lt: slot.seq }, at: { $gt: new Date(since) }, ...(checkedOnly ? { refused: { $ne: true } } : {}) };
  const rows = await LoginFailureModel.find(filter, { at: 1 }).sort({ at: -1 }).limit(limit).lean();
  return rows.map((r) => r.at.getTime());
}

const release = (slots: Slot[]) => Promise.all(slots.map((s) => LoginFailureModel.deleteOne({ _id: s.id })));
const mark = (slots: Slot[], set: { refused: true } | { at: Date }) => Promise.all(slots.map((s) => LoginFailureModel.updateOne({ _id: s.id }, { $set: set })));

/** An attempt let through to the password check. */
export interface ReservedAttempt {
  /** The password was right: this attempt no longer counts against the IP address or the account. */
  succeeded(): Promise<void>;
  /** The password was wrong: the attempt stays counted, and the wait runs from now. */
  failed(): Promise<void>;
}

/**
 * Brute-force protection for sign-in: per IP address (many accounts from one place) and per account
 * (one account from many places), a growing wait after failures and a lock after LOGIN_LOCK_AFTER.
 * Every attempt is counted before its password is checked, so parallel attempts cannot slip past.
 */
export function loginThrottle(policy: ThrottlePolicy) {
  const lockMs = policy.LOGIN_LOCK_MINUTES * 60_000;

  /**
   * Why an attempt must not even be checked, or null, from the earlier attempts (newest first): all of
   * them under the IP address or the account, and the account's checked failures.
   */
  function ipRefusal(ip: number[], now: number): HttpProblem | null {
    if (ip.length < policy.LOGIN_IP_LIMIT) return null;
    // Allowed again when the oldest of the last LOGIN_IP_LIMIT attempts leaves the window.
    return tooManyAttempts(ip[ip.length - 1]! + IP_WINDOW_MS, now, 'Too many failed sign-ins from this network. Try again later.');
  }

  function accountRefusal(account: number[], failures: number[], now: number): HttpProblem | null {
    // The lock and the wait run from the last checked failure: knocking while refused does not extend them.
    const last = failures[0] ?? account[0];
    if (last === undefined) return null;
    if (account.length >= policy.LOGIN_LOCK_AFTER) {
      if (last + lockMs <= now) return null;
      return tooManyAttempts(last + lockMs, now, 'This account is locked for a while after too many failed sign-ins. Try again later or reset the password.');
    }
    const nextAllowed = last + delayAfter(failures.length);
    return nextAllowed > now ? tooManyAttempts(nextAllowed, now, 'Too many failed sign-ins. Wait a moment before trying again.') : null;
  }

  return {
    /** Counts the attempt, then throws 429 with Retry-After when it must not even be checked. */
    async reserve(attempt: LoginAttempt, now = Date.now()): Promise<ReservedAttempt> {
      const at = new Date(now);
      const ipSlot = await reserveSlot(ipKey(attempt.ip), at);
      const slots = [ipSlot];
      try {
        const accountSlot = await reserveSlot(accountKey(attempt.email), at);
        slots.push(accountSlot);
        const accountSince = now - ACCOUNT_WINDOW_MS;
        const [ip, account, failures] = await Promise.all([
          attemptsBefore(ipKey(attempt.ip), ipSlot, now - IP_WINDOW_MS, policy.LOGIN_IP_LIMIT),
          attemptsBefore(accountKey(attempt.email), accountSlot, accountSince, policy.LOGIN_LOCK_AFTER),
          attemptsBefore(accountKey(attempt.email), accountSlot, accountSince, policy.LOGIN_LOCK_AFTER, true),
        ]);
        const byIp = ipRefusal(ip, now);
        if (byIp) {
          // Turned away for the address alone: the account is not charged, so one address cannot lock it.
          await Promise.all([mark([ipSlot], { refused: true }), release([accountSlot])]);
          throw byIp;
        }
        const byAccount = accountRefusal(account, failures, now);
        if (byAccount) {
          await mark(slots, { refused: true });
          throw byAccount;
        }
      } catch (err) {
        if (!(err instanceof HttpProblem)) await release(slots);
        throw err;
      }
      return {
        succeeded: async () => void (await release(slots)),
        failed: async () => void (await mark(slots, { at: new Date() })),
      };
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
