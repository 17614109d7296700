import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

/**
 * What one request knows of the catalog's freshness: the check it made (or is making), shared by
 * every read the request does. A request sees every write finished before it began (its first read
 * applies the change feed), and one check is enough for that; its own writes undo the check.
 */
interface RequestFreshness {
  check?: Promise<void>;
}

const scope = new AsyncLocalStorage<RequestFreshness>();

/** Gives each request its own freshness check; mounted before the routes that read the directory. */
export const freshnessPerRequest: RequestHandler = (_req, _res, next) => scope.run({}, next);

/** Runs `check` once per request (and every time outside one): later reads of the request share it. */
export function oncePerRequest(check: () => Promise<void>): Promise<void> {
  const request = scope.getStore();
  if (!request) return check();
  request.check ??= check().catch((err: unknown) => {
    // A failed check (still loading, database down) is not remembered: the next read tries again.
    request.check = undefined;
    throw err;
  });
  return request.check;
}

/** After a write, the request's next read checks again, so it sees what the request itself wrote. */
export function forgetFreshness(): void {
  const request = scope.getStore();
  if (request) request.check = undefined;
}
