import { AsyncLocalStorage } from 'node:async_hooks';
import { channel } from 'node:diagnostics_channel';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpProblem } from './problem.js';

/**
 * Short requests in flight: a record's page, a list, a sign-in — everything that is neither an export
 * nor a search. Heavy work that has not started yet waits until none is in flight (at most `maxDeferMs`),
 * so under a burst of searches and exports a service page competes with the few already running, not
 * with every one queued: the page keeps its idle latency within a small factor while the burst costs
 * the burst. A search that has its turn computes only once none is in flight (shortWorkFirst), a heavy
 * body being sent pauses between chunks while one is (sendHeavyBody), and no heavy request waits
 * longer than `maxDeferMs` at a time for short ones, so a steady stream of pages slows searches and
 * exports but never starves them.
 */
export class ShortWork {
  private inFlight = 0;
  private readonly whenIdle = new Set<() => void>();

  constructor(
    private readonly isShort: (req: Request) => boolean,
    /** Longest a heavy request that could start waits for short ones to finish. */
    readonly maxDeferMs: number,
  ) {}

  /** Counts short requests from arrival until their answer is sent or the client leaves. */
  readonly track: RequestHandler = (req, res, next) => {
    if (!this.isShort(req)) return next();
    this.inFlight++;
    res.once('close', () => {
      if (--this.inFlight > 0) return;
      const waiting = [...this.whenIdle];
      this.whenIdle.clear();
      for (const resume of waiting) resume();
    });
    next();
  };

  get busy(): boolean {
    return this.inFlight > 0;
  }

  /** Calls `resume` once no short request is in flight, or after `ms`; the returned function cancels that. */
  waitIdle(resume: () => void, ms: number): () => void {
    const cancel = () => {
      clearTimeout(timer);
      this.whenIdle.delete(done);
    };
    const done = () => {
      cancel();
      resume();
    };
    this.whenIdle.add(done);
    const timer = setTimeout(done, ms);
    return cancel;
  }
}

/** The short work that a heavy request yields to, for the rest of the request once it has its turn. */
const yieldsTo = new AsyncLocalStorage<ShortWork>();

/**
 * In heavy work that has its turn: waits while short requests are in flight (at most `maxDeferMs`),
 * so a search admitted just before a page arrived computes after the page, not ahead of it. Called
 * where the work starts computing, after its database reads; resolves at once outside heavy work.
 */
export function shortWorkFirst(): Promise<void> {
  const short = yieldsTo.getStore();
  if (!short?.busy) return Promise.resolve();
  return new Promise((resolve) => short.waitIdle(resolve, short.maxDeferMs));
}

/**
 * Sends a heavy answer's body (an export file), its turn held until the last byte is written or the
 * client leaves. Chunk by chunk, respecting backpressure, and pausing before each chunk while short
 * requests are in flight (at most `maxDeferMs` each time): a download that the client drains as fast
 * as it can would otherwise take the event loop and the cores from every record page. One listener
 * each for the whole body, not one per wait (Node warns past ten 'close' listeners on a response).
 */
export async function sendHeavyBody(res: Response, body: AsyncIterable<Buffer>): Promise<void> {
  const short = yieldsTo.getStore();
  let wake: (() => void) | undefined;
  let gone = false;
  const wakeUp = () => wake?.();
  const onClose = () => {
    gone = true;
    wakeUp();
  };
  /** Resolves on 'drain', 'close', or what `arm` waits for (it returns its cancel). */
  const until = (arm?: (go: () => void) => () => void) =>
    new Promise<void>((resolve) => {
      const cancel = arm?.(wakeUp);
      wake = () => {
        wake = undefined;
        cancel?.();
        resolve();
      };
    });
  res.on('drain', wakeUp);
  res.once('close', onClose);
  try {
    for await (const chunk of body) {
      if (short?.busy) await until((go) => short.waitIdle(go, short.maxDeferMs));
      if (gone) return;
      if (!res.write(chunk)) await until();
      if (gone) return;
    }
    res.end();
  } catch (err) {
    // Before the first byte the error handler can still answer; after it, only the connection can say.
    if (!res.headersSent) throw err;
    res.destroy();
  } finally {
    res.off('drain', wakeUp);
    res.off('close', onClose);
  }
}

export interface HeavyWorkOptions {
  /** What the requests are, for the refusal: "exports and downloads". */
  what: string;
  /** Heavy requests answered at a time, whoever sends them. */
  concurrent: number;
  /** Heavy requests that may wait for a turn; beyond them a request is refused at once. */
  queued: number;
  isHeavy(req: Request): boolean;
  /** Short requests that go first: a heavy request does not start while one is in flight (ShortWork). */
  yieldTo?: ShortWork;
}

/** Each turn taken or given back, as { what, running }: where a bound can be watched holding (tests, tools). */
export const heavyWorkTurns = channel('ct:heavy-work');

interface Waiting {
  start(): void;
}

/**
 * Bounds heavy work in flight for the whole process, beside the per-client budgets of rate-limit.ts
 * (many clients within their budgets can still pile up work). At most `concurrent` heavy requests are
 * answered at a time and `queued` more wait in order; a request beyond those gets 503 problem+json with
 * Retry-After, so a burst costs the burst, not the latency of everyone. Other requests never wait here;
 * with `yieldTo`, a waiting heavy request lets short requests in flight finish before it starts. That
 * wait counts from when a turn is free, not from arrival: under a standing queue every head has waited
 * long already, and would otherwise start beside the page at once.
 * Each kind of heavy work (exports, searches, whole-directory answers) has its own bound, so one never waits for the other.
 */
export function boundHeavyWork(options: HeavyWorkOptions): RequestHandler {
  const short = options.yieldTo;
  let running = 0;
  const waiting: Waiting[] = [];
  /** Set while the queue waits for short requests: cancels that wait. */
  let deferred: (() => void) | undefined;

  /** Since when a turn has been free while short requests were in flight: the queue defers to them from then. */
  let freeSince: number | undefined;

  const take = () => {
    running++;
    heavyWorkTurns.publish({ what: options.what, running });
  };

  const startNext = () => {
    while (running < options.concurrent && waiting.length) {
      if (short?.busy) {
        freeSince ??= Date.now();
        const wait = short.maxDeferMs - (Date.now() - freeSince);
        if (wait > 0) {
          deferred ??= short.waitIdle(() => {
            deferred = undefined;
            startNext();
          }, wait);
          return;
        }
      }
      take();
      waiting.shift()!.start();
    }
    freeSince = undefined;
  };

  const release = () => {
    running--;
    heavyWorkTurns.publish({ what: options.what, running });
    startNext();
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if (!options.isHeavy(req)) return next();
    const go = () => (short ? yieldsTo.run(short, next) : next());
    if (running < options.concurrent && !waiting.length && !short?.busy) {
      take();
      // 'close' comes once whether the answer was sent or the client went away.
      res.once('close', release);
      return go();
    }
    if (waiting.length >= options.queued) {
      next(
        new HttpProblem(503, { key: 'serverBusy', params: { what: options.what } }, {
          type: '/problems/busy',
          headers: { 'Retry-After': '5' },
        }),
      );
      return;
    }
    let started = false;
    const entry: Waiting = {
      start: () => {
        started = true;
        go();
      },
    };
    // One listener per answer (an export's stream has many already): a client that leaves while
    // waiting gives up its place, one that leaves after its turn came hands the turn on.
    res.once('close', () => {
      if (started) return release();
      const place = waiting.indexOf(entry);
      if (place >= 0) waiting.splice(place, 1);
    });
    waiting.push(entry);
    startNext();
  };
}
