import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { issueMessage, PARSE_OPTIONS } from '../../contract/text/zod-messages.js';
import { badRequest, type FieldProblem } from './problem.js';

export type InputSource = 'body' | 'query' | 'params' | 'headers';

/** Parses untrusted input with a zod schema; failures become one 400 problem listing every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, source: InputSource): z.infer<S> {
  const result = schema.safeParse(input, PARSE_OPTIONS);
  if (result.success) return result.data;
  throw badRequest({ key: 'requestPartInvalid', params: { source } }, toFieldProblems(result.error, source));
}

export function toFieldProblems(error: z.ZodError, source?: InputSource): FieldProblem[] {
  return error.issues.map((issue) => {
    const message = issueMessage(issue);
    return {
      field: [source, ...issue.path.map(String)].filter(Boolean).join('.'),
      // Every request schema names its messages by key; unkeyed English (the HSDS import's rows) is never a request's.
      message: typeof message === 'string' ? 'invalidValue' : message,
    };
  });
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
      throw badRequest('unsafeKeys', [{ field: `${source}.${hit}`, message: 'unsafeKey' }]);
    }
  }
  next();
};
