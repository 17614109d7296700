import type { RequestHandler } from 'express';
import { z } from 'zod';
import { badRequest, type FieldProblem } from './problem.js';

export type InputSource = 'body' | 'query' | 'params' | 'headers';

/** Parses untrusted input with a zod schema; failures become one 400 problem listing every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, source: InputSource): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw badRequest(`The request ${source} is not valid.`, toFieldProblems(result.error, source));
}

export function toFieldProblems(error: z.ZodError, source?: InputSource): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [source, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

/** Key names that could smuggle query operators (NoSQL injection) or address nested paths. */
const UNSAFE_KEY = /[$.]/;

function findUnsafeKey(value: unknown, path: string[], depth = 0): string | undefined {
  if (depth > 32) return path.join('.') || '(root)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnsafeKey(value[i], [...path, String(i)], depth + 1);
      if (hit) return hit;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (UNSAFE_KEY.test(key)) return [...path, key].join('.');
      const hit = findUnsafeKey(child, [...path, key], depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Rejects keys containing `$` (operators, also in bracket syntax) or dots anywhere in the body or query before any handler sees them. */
export const rejectOperatorKeys: RequestHandler = (req, _res, next) => {
  for (const source of ['body', 'query'] as const) {
    const hit = findUnsafeKey(req[source], []);
    if (hit) {
      throw badRequest('Keys that contain "$" or "." are not allowed.', [
        { field: `${source}.${hit}`, message: 'not an allowed key' },
      ]);
    }
  }
  next();
};

/** Query values may come once, repeated (`a=1&a=2`) or comma-separated (`a=1,2`): always an array. */
export const multiValue = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50));

export const queryBoolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
