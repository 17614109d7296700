import { createHash } from 'node:crypto';
import type { MessageKey } from '../contract/text/messages.js';
import type { Config } from '../platform/config.js';
import { HttpProblem } from '../platform/http/problem.js';
import { LoginFailureModel } from './login-failure.model.js';
import { isDuplicateKey } from '../platform/db/duplicate-key.js';

const IP_WINDOW_MS = 15 * 60_000;
const ACCOUNT_WINDOW_MS = 60 * 60_000;
/** Failures of one address on one account before its next attempt has to wait; the wait doubles each time. */
const FREE_FAILURES = 3;
/** Attempts on one account read to decide its wait: enough to see every source of a large attack. */
const ACCOUNT_ROWS_READ = 500;

export type ThrottlePolicy = Pick<Config, 'LOGIN_ACCOUNT_SOURCES' | 'LOGIN_MAX_WAIT_MINUTES' | 'LOGIN_IP_LIMIT'>;

export interface LoginAttempt {
  ip: string;
  /** Normalised email as typed: unknown accounts are throttled exactly like known ones. */
  email: string;
}

/** Hashed, so the collection does not become a list of addresses and accounts people tried. */
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);
const ipKey = (ip: string) => `ip:${ip}`;
const accountKey = (email: string) => `account:${digest(email)}`;
const sourceOf = (ip: string) => digest(`source:${ip}`);

const tooManyAttempts = (until: number, now: number, detail: MessageKey) =>
  new HttpProblem(429, detail, {
    type: '/problems/too-many-sign-in-attempts',
    headers: { 'Retry-After': String(Math.max(1, Math.ceil((until - now) / 1000))) },
  });

/** The wait after `count` failures when `free` are allowed: 0 … 0, then 1 s, 2 s, 4 s … up to `maxMs`. */
export const backoff = (count: number, free: number, maxMs: number): number =>
  count < free ? 0 : Math.min(1000 * 2 ** (count - free), maxMs);

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
async function reserveSlot(key: string, at: Date, source?: string): Promise<Slot> {
  for (let tries = 0; tries < MAX_CONTENDERS; tries++) {
    const newest = await LoginFailureModel.findOne({ key }, { seq: 1 }).sort({ seq: -1 }).lean();
    const seq = (newest?.seq ?? 0) + 1;
    const id = `${key}#${seq}`;
    try {
      await LoginFailureModel.create({ _id: id, key, seq, at, source });
      return { id, seq };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  throw tooManyAttempts(at.getTime() + 1000, at.getTime(), 'signInBurst');
}

/**
 * The attempts under `key` reserved before `slot` since `since` that reached (or are reaching) the
 * password check, newest first, at most `limit`. Refused attempts stay stored, so sequence numbers are
 * never reused, but count for nothing.
 */
async function checkedBefore(key: string, slot: Slot, since: number, limit: number): Promise<{ at: number; source?: string }[]> {
  const filter = { key, seq: { $lt: slot.seq }, at: { $gt: new Date(since) }, refused: { $ne: true } };
  const rows = await LoginFailureModel.find(filter, { at: 1, source: 1 }).sort({ at: -1 }).limit(limit).lean();
  return rows.map((r) => ({ at: r.at.getTime(), source: r.source ?? undefined }));
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
 * Brute-force protection for sign-in that slows the attacker, not the owner. Only attempts that reach
 * the password check count. An address that keeps failing on an account waits longer and longer
 * (1 s, 2 s, 4 s … LOGIN_MAX_WAIT_MINUTES) while the owner signing in from elsewhere is not held up;
 * only when LOGIN_ACCOUNT_SOURCES addresses fail on one account (a distributed guess) do the others
 * wait too, again growing. An address is also limited across accounts (LOGIN_IP_LIMIT per 15 minutes).
 * Each attempt is counted before its password is checked, so parallel attempts cannot slip past.
 */
export function loginThrottle(policy: ThrottlePolicy) {
  const maxWaitMs = policy.LOGIN_MAX_WAIT_MINUTES * 60_000;

  function ipRefusal(ip: { at: number }[], now: number): HttpProblem | null {
    if (ip.length < policy.LOGIN_IP_LIMIT) return null;
    // Allowed again when the oldest of the last LOGIN_IP_LIMIT attempts leaves the window.
    return tooManyAttempts(ip[ip.length - 1]!.at + IP_WINDOW_MS, now, 'signInNetworkThrottled');
  }

  /** From the account's checked attempts (newest first): the wait for this source, or null. */
  function accountRefusal(account: { at: number; source?: string }[], source: string, now: number): HttpProblem | null {
    const mine = account.filter((a) => a.source === source);
    const others = account.filter((a) => a.source !== source);
    const ownWaitUntil = mine.length ? mine[0]!.at + backoff(mine.length, FREE_FAILURES, maxWaitMs) : 0;
    const otherSources = new Set(others.map((a) => a.source)).size;
    const sharedWaitUntil = others.length ? others[0]!.at + backoff(otherSources, policy.LOGIN_ACCOUNT_SOURCES, maxWaitMs) : 0;
    const until = Math.max(ownWaitUntil, sharedWaitUntil);
    return until > now ? tooManyAttempts(until, now, 'signInAccountThrottled') : null;
  }

  return {
    /** Counts the attempt, then throws 429 with Retry-After when it must not even be checked. */
    async reserve(attempt: LoginAttempt, now = Date.now()): Promise<ReservedAttempt> {
      const at = new Date(now);
      const source = sourceOf(attempt.ip);
      const ipSlot = await reserveSlot(ipKey(attempt.ip), at);
      const slots = [ipSlot];
      try {
        const accountSlot = await reserveSlot(accountKey(attempt.email), at, source);
        slots.push(accountSlot);
        const [ip, account] = await Promise.all([
          checkedBefore(ipKey(attempt.ip), ipSlot, now - IP_WINDOW_MS, policy.LOGIN_IP_LIMIT),
          checkedBefore(accountKey(attempt.email), accountSlot, now - ACCOUNT_WINDOW_MS, ACCOUNT_ROWS_READ),
        ]);
        const refusal = ipRefusal(ip, now) ?? accountRefusal(account, source, now);
        if (refusal) {
          // Refused before the check: kept (so numbers are not reused) but never counted.
          await mark(slots, { refused: true });
          throw refusal;
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
