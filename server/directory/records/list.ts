import { z } from 'zod';
import { multiValue } from '../../platform/http/validate.js';

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;

/** `page` and `perPage` of every list. */
export const PageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), perPage: z.number().int() });

export const skipOf = (q: { page: number; perPage: number }) => (q.page - 1) * q.perPage;

/** `fields=a,b`: the keys of a list item a client may ask for; `id` always comes along. */
export const fieldsQuery = <K extends string>(keys: readonly [K, ...K[]]) => multiValue(z.enum(keys)).optional();

export function pickFields<T extends { id: string }>(item: T, fields: readonly string[] | undefined): Partial<T> {
  if (!fields?.length) return item;
  const out: Record<string, unknown> = { id: item.id };
  for (const field of fields) if (field in item) out[field] = item[field as keyof T];
  return out as Partial<T>;
}
