import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Schema, model } from 'mongoose';
import type { Logger } from '../logging.js';
import { isDatabaseUnavailable } from './errors.js';
import { HttpProblem } from './problem.js';
import { isDuplicateKey } from '../db/duplicate-key.js';

/**
 * Per-client request budgets for the public API, shared by every app instance.
 *
 * A budget is `limit` requests per fixed window per client (the signed-in account, else the IP
 * address as Express sees it under TRUST_PROXY). It is split into CHUNKS blocks; an instance takes
 * a block by inserting its key (`policy:client:window:block`) and then spends it from memory. An
 * insert under a unique key is the one write the embedded database makes atomic, so all instances
 * together never let a client exceed its limit, and a busy client costs one database write per block
 * rather than per request. The price: with several instances a client may be refused up to a block
 * per other instance early (a block taken there and not spent).
 *
 * Answers carry `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers); a client
 * over budget gets 429 problem+json with Retry-After. While the process drains, heavy requests get 503.
 */

export interface Budget {
  anonymous: number;
  signedIn: number;
}

export interface RateLimitOptions {
  windowSeconds: number;
  /** Ordinary reads and writes. */
  reads: Budget;
  /** Whole-directory exports and CSV files: minutes of work or megabytes each. */
  heavy: Budget;
  isHeavy(req: Request): boolean;
  isDraining(): boolean;
  logger: Logger;
}

/** Blocks per budget: enough that an unspent block is a small share, few enough that writes are rare. */
const CHUNKS = 10;

const RateLimitBlockSchema = new Schema(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'rate_limits', versionKey: false },
);
RateLimitBlockSchema.index({ at: 1 });
export const RateLimitBlockModel = model('RateLimitBlock', RateLimitBlockSchema);

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

interface Allowance {
  window: number;
  /** Requests this instance may still answer from the blocks it holds. */
  tokens: number;
  /** The first block this instance has not seen taken. */
  nextBlock: number;
  claiming?: Promise<void>;
}

class SharedBudget {
  private readonly allowances = new Map<string, Allowance>();
  private sweptWindow = 0;

  constructor(
    readonly name: string,
    readonly limit: number,
    private readonly windowMs: number,
    private readonly logger: Logger,
  ) {}

  private get blockSize() {
    return Math.max(1, Math.floor(this.limit / CHUNKS));
  }
  private get blocks() {
    return Math.ceil(this.limit / this.blockSize);
  }
  private sizeOf(block: number) {
    return Math.min(this.blockSize, this.limit - block * this.blockSize);
  }

  /** Spends one request of `client`'s budget; false when it is used up. */
  async take(client: string, now: number): Promise<{ allowed: boolean; remaining: number; resetSeconds: number }> {
    const window = Math.floor(now / this.windowMs) * this.windowMs;
    const key = digest(`${this.name}:${client}`);
    this.forgetOldWindows(window);
    let allowance = this.allowances.get(key);
    if (!allowance || allowance.window !== window) {
      allowance = { window, tokens: 0, nextBlock: 0 };
      this.allowances.set(key, allowance);
    }
    // Parallel requests wait for one claim, then compete for its tokens (single-threaded: no overdraw).
    while (allowance.tokens === 0 && allowance.nextBlock < this.blocks) {
      allowance.claiming ??= this.claim(key, allowance).finally(() => (allowance.claiming = undefined));
      await allowance.claiming;
    }
    const allowed = allowance.tokens > 0;
    if (allowed) allowance.tokens--;
    let unseen = 0;
    for (let b = allowance.nextBlock; b < this.blocks; b++) unseen += this.sizeOf(b);
    return { allowed, remaining: allowance.tokens + unseen, resetSeconds: Math.max(1, Math.ceil((window + this.windowMs - now) / 1000)) };
  }

  /** Takes the next free block of this window, or learns that none is left. */
  private async claim(key: string, allowance: Allowance): Promise<void> {
    for (; allowance.nextBlock < this.blocks; allowance.nextBlock++) {
      try {
        await RateLimitBlockModel.create({ _id: `${key}:${allowance.window}:${allowance.nextBlock}`, at: new Date(allowance.window) });
        allowance.tokens += this.sizeOf(allowance.nextBlock++);
        return;
      } catch (err) {
        if (isDuplicateKey(err)) continue;
        // Without the database the budget cannot be shared: this block is granted rather than the API refused.
        if (!isDatabaseUnavailable(err)) throw err;
        this.logger.warn({ err }, 'rate limit: database unreachable, granting a block');
        allowance.tokens += this.sizeOf(allowance.nextBlock++);
        return;
      }
    }
  }

  /**
   * At each new window: forget the last one's allowances here. Its blocks in the database are removed by
   * housekeeping, off the request path: the embedded database scans for any filter but `_id`.
   */
  private forgetOldWindows(window: number) {
    if (window === this.sweptWindow) return;
    this.sweptWindow = window;
    for (const [key, a] of this.allowances) if (a.window < window && !a.claiming) this.allowances.delete(key);
  }
}

/** Removes the blocks of windows that ended before the last one: no instance spends from them any more. */
export async function removeOldRateLimitBlocks(now: number, windowSeconds: number): Promise<number> {
  const windowMs = windowSeconds * 1000;
  const current = Math.floor(now / windowMs) * windowMs;
  const removed = await RateLimitBlockModel.deleteMany({ at: { $lt: new Date(current - windowMs) } });
  return removed.deletedCount;
}

/** The one middleware that bounds what a client may ask of the API. */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const windowMs = options.windowSeconds * 1000;
  const budgets = {
    read: { anonymous: new SharedBudget('read', options.reads.anonymous, windowMs, options.logger), signedIn: new SharedBudget('read-user', options.reads.signedIn, windowMs, options.logger) },
    heavy: { anonymous: new SharedBudget('heavy', options.heavy.anonymous, windowMs, options.logger), signedIn: new SharedBudget('heavy-user', options.heavy.signedIn, windowMs, options.logger) },
  };

  return (req: Request, res: Response, next: NextFunction) => {
    const heavy = options.isHeavy(req);
    if (heavy && options.isDraining()) {
      next(new HttpProblem(503, 'restarting', { headers: { 'Retry-After': '5' } }));
      return;
    }
    const userId = (req.user as { id?: string } | undefined)?.id;
    const policy = heavy ? 'heavy' : 'read';
    const budget = budgets[policy][userId ? 'signedIn' : 'anonymous'];
    budget.take(userId ? `user:${userId}` : `ip:${req.ip ?? ''}`, Date.now()).then(
      ({ allowed, remaining, resetSeconds }) => {
        res.setHeader('RateLimit-Policy', `"${policy}";q=${budget.limit};w=${options.windowSeconds}`);
        res.setHeader('RateLimit', `"${policy}";r=${remaining};t=${resetSeconds}`);
        if (allowed) return next();
        const what = heavy ? 'exports and downloads' : 'requests';
        next(
          new HttpProblem(429, { key: 'tooManyRequests', params: { what, limit: budget.limit, window: options.windowSeconds, reset: resetSeconds } }, {
            type: '/problems/rate-limited',
            headers: { 'Retry-After': String(resetSeconds) },
          }),
        );
      },
      next,
    );
  };
}
