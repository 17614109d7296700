import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { sendJson } from './http-cache.js';
import { unauthorized } from './problem.js';
import { parseInput } from './validate.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Request headers a route reads, named as HTTP spells them (e.g. `Idempotency-Key`). */
export type HeaderSchema = z.ZodObject<Record<string, z.ZodType<unknown, string | undefined>>>;

/** One API operation: validation at the edge and its OpenAPI description come from the same schemas. */
export interface RouteSpec<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType, H extends HeaderSchema = HeaderSchema> {
  method: Method;
  /** Express-style path relative to /api/v1, e.g. '/services/:id'. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  query?: Q;
  body?: B;
  params?: P;
  headers?: H;
  /** Schema of the success body, for the document only (responses are built by the server). */
  response?: z.ZodType;
  /** Success status (default 200; 201 for creations, 204 for no content). */
  status?: number;
  /** Other documented statuses and what they mean. */
  errors?: Record<number, string>;
  /** 'session' when a signed-in user is needed; state-changing calls then also need X-CSRF-Token. */
  auth?: 'public' | 'session';
  /** Non-JSON success media type, e.g. 'text/csv'. */
  produces?: string;
}

export interface RouteInput<Q, B, P, H = Record<string, never>> {
  query: Q;
  body: B;
  params: P;
  headers: H;
  req: Request;
  res: Response;
}

export const API_PREFIX = '/api/v1';
export const registeredRoutes: RouteSpec<z.ZodType, z.ZodType, z.ZodType>[] = [];

/** The declared headers of a request (absent ones undefined), for their schema. */
const headersOf = (schema: HeaderSchema, req: Request) =>
  Object.fromEntries(Object.keys(schema.shape).map((name) => [name, req.get(name)]));

/**
 * Registers a route on `router` (mounted under /api/v1) and in the document registry. The handler
 * receives parsed input; what it returns is sent as JSON with `spec.status` (unless it answered itself).
 */
export function apiRoute<
  Q extends z.ZodType = z.ZodType<unknown>,
  B extends z.ZodType = z.ZodType<unknown>,
  P extends z.ZodType = z.ZodType<unknown>,
  H extends HeaderSchema = z.ZodObject<Record<string, never>>,
>(
  router: Router,
  spec: RouteSpec<Q, B, P, H>,
  handler: (input: RouteInput<z.infer<Q>, z.infer<B>, z.infer<P>, z.infer<H>>) => Promise<unknown> | unknown,
): void {
  if (!registeredRoutes.some((r) => r.method === spec.method && r.path === spec.path)) {
    registeredRoutes.push(spec as unknown as RouteSpec<z.ZodType, z.ZodType, z.ZodType>);
  }
  router[spec.method](spec.path, async (req: Request, res: Response) => {
    // Who asks comes before what is asked: an anonymous call gets 401 whatever its body holds.
    if (spec.auth === 'session' && !req.user) throw unauthorized();
    const input = {
      query: (spec.query ? parseInput(spec.query, req.query, 'query') : req.query) as z.infer<Q>,
      body: (spec.body ? parseInput(spec.body, req.body ?? {}, 'body') : undefined) as z.infer<B>,
      params: (spec.params ? parseInput(spec.params, req.params, 'params') : req.params) as z.infer<P>,
      headers: (spec.headers ? parseInput(spec.headers, headersOf(spec.headers, req), 'headers') : {}) as z.infer<H>,
      req,
      res,
    };
    const result = await handler(input);
    if (res.headersSent) return;
    const status = spec.status ?? 200;
    if (status === 204 || result === undefined) res.status(status === 200 ? 204 : status).end();
    else sendJson(res, status, result);
  });
}
