import { z } from 'zod';
import { Timestamp } from './view-schemas.js';

/** `?archived=` on a list: archived records are left out unless someone who may restore them asks. */
export const ARCHIVED_CHOICES = ['exclude', 'include', 'only'] as const;
export type ArchivedChoice = (typeof ARCHIVED_CHOICES)[number];

export const ArchivedParam = z
  .enum(ARCHIVED_CHOICES)
  .default('exclude')
  .describe('Archived records: left out (default), included, or only them. `include` and `only` are for those who may restore them.');

/** The answers `archived=include|only` adds to a list's API document: who may ask for them. */
export const archivedListErrors = (mayAsk: string) => ({
  401: 'Archived records need a session.',
  403: `Only ${mayAsk} list archived ones.`,
});

/** The filter condition for a choice (the catalog and the database read it alike). */
export function archivedCondition(choice: ArchivedChoice): Record<string, unknown> {
  if (choice === 'only') return { archivedAt: { $ne: null } };
  return choice === 'include' ? {} : { archivedAt: null };
}

/** `archivedAt` on an archived record read by its editors, and on list items when archived ones were asked for. */
const ArchivedAtView = z.object({ archivedAt: Timestamp.nullable().optional() });
export type WithArchivedAt<T> = T & z.infer<typeof ArchivedAtView>;

/** The item schema when archived records may be in the answer. */
export const withArchivedAtSchema = <T extends z.ZodObject>(item: T) => item.extend(ArchivedAtView.shape);
