import { z } from 'zod';

/** One page of a list: its items, how many match in all, and which page of what size it is. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), perPage: z.number().int() });

export type Page<T> = z.infer<ReturnType<typeof pageSchema<z.ZodType<T>>>>;
