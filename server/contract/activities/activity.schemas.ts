import { z } from 'zod';
import { OptionalTranslatedSchema } from '../text/translated-input.js';
import { DaySchema, type activityInputWith } from './activity.input.js';
import { ACTIVITY_KINDS, AUDIENCES } from './vocabulary.js';

export { DaySchema };
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** For queries with a `from`–`to` period of days: the period must not run backwards. */
export const periodInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
export const periodOutOfOrder = { message: 'periodInOrder', path: ['from'] };

/** The request bodies, as the server binds them to its list of governorates (ISO codes out). */
type ActivityInput = ReturnType<typeof activityInputWith>;
export type ActivityCreate = z.infer<ActivityInput['ActivityCreateSchema']>;
export type ActivityPatch = z.infer<ActivityInput['ActivityPatchSchema']>;

const OrganizationRef = z.object({ id: z.string(), name: OptionalTranslatedSchema });

export const ActivityViewSchema = z.object({
  id: z.string(),
  organization: OrganizationRef,
  title: OptionalTranslatedSchema,
  kind: z.enum(ACTIVITY_KINDS),
  topic: z.string().nullable(),
  governorates: z.array(z.string()),
  districts: z.array(z.string()),
  startDate: DaySchema,
  endDate: DaySchema,
  audience: z.array(z.enum(AUDIENCES)),
  reached: z.object({ women: z.number(), men: z.number(), girls: z.number(), boys: z.number(), total: z.number() }),
  partners: z.array(OrganizationRef),
  sample: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityView = z.infer<typeof ActivityViewSchema>;

export const ActivityPageSchema = z.object({
  items: z.array(ActivityViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
});
