import type { RequestHandler, Router } from 'express';
import { HttpProblem } from './problem.js';

/**
 * 405 Method Not Allowed, with `Allow` (RFC 9110 §15.5.6), for a path that a router answers with
 * other methods: put it just before the router's 404 handler. The methods come from the router's
 * own routes (and those of routers mounted in it), so every route added later is covered too.
 * OPTIONS is answered with 204 and the same `Allow`.
 */

type Match = (path: string) => false | { path: string };
interface LayerLike {
  route?: { methods: Record<string, boolean | undefined> };
  handle: unknown;
  slash?: boolean;
  matchers?: Match[];
}

const stackOf = (handle: unknown): LayerLike[] | undefined => (handle as { stack?: LayerLike[] } | null)?.stack;

/** The part of `path` a layer matches (the whole of it for a route), or undefined. */
function matched(layer: LayerLike, path: string): string | undefined {
  if (layer.slash) return '';
  for (const match of layer.matchers ?? []) {
    const m = match(path);
    if (m) return m.path;
  }
  return undefined;
}

/** Upper-case methods the routes of `stack` answer at `path`; '*' when one answers every method. */
export function allowedMethods(stack: readonly LayerLike[], path: string, into = new Set<string>()): Set<string> {
  for (const layer of stack) {
    const prefix = matched(layer, path);
    if (prefix === undefined) continue;
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) if (on) into.add(method === '_all' ? '*' : method.toUpperCase());
      continue;
    }
    const inner = stackOf(layer.handle);
    if (inner) allowedMethods(inner, path.slice(prefix.length) || '/', into);
  }
  return into;
}

export function methodNotAllowed(router: Router): RequestHandler {
  const stack = stackOf(router)!;
  return (req, res, next) => {
    const methods = allowedMethods(stack, req.path);
    if (!methods.size || methods.has('*') || methods.has(req.method)) {
      next();
      return;
    }
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    const allow = [...methods].sort().join(', ');
    if (req.method === 'OPTIONS') {
      res.setHeader('Allow', allow);
      res.status(204).end();
      return;
    }
    throw new HttpProblem(
      405,
      { key: 'methodNotAllowed', params: { method: req.method, path: `${req.baseUrl}${req.path}`, allow } },
      { headers: { Allow: allow } },
    );
  };
}
