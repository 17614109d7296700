import { z } from 'zod';
import { governorateCode } from '../directory/governorates/governorate-data.js';
import { ObjectIdSchema } from '../directory/records/record.js';
import { multiValue } from '../platform/http/validate.js';
import { OptionalTranslatedSchema } from '../platform/text/translated-input.js';
import { activityInputWith, DaySchema } from './activity.input.js';
import { ACTIVITY_KINDS, AUDIENCES } from './vocabulary.js';

/** An ISO 3166-2 code or OCHA P-code of one of the 19 governorates, normalised to the ISO code. */
export const GovernorateCodeSchema = z.string().transform((value, ctx) => {
  const code = governorateCode(value);
  if (!code) ctx.addIssue({ code: 'custom', message: `unknown governorate "${value}"` });
  return code ?? value;
});

export { DaySchema };
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** For queries with a `from`–`to` period of days: the period must not run backwards. */
export const periodInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
export const periodOutOfOrder = { message: 'must not be after to', path: ['from'] };

export const { ActivityCreateSchema, ActivityPatchSchema } = activityInputWith(GovernorateCodeSchema);
export type ActivityCreate = z.infer<typeof ActivityCreateSchema>;
export type ActivityPatch = z.infer<typeof ActivityPatchSchema>;

export const ActivityQuerySchema = z.strictObject({
  governorate: multiValue(GovernorateCodeSchema).optional(),
  organization: multiValue(ObjectIdSchema).optional(),
  kind: multiValue(z.enum(ACTIVITY_KINDS)).optional(),
  /** Activities that ran on or after this day (by end date). */
  from: DaySchema.optional(),
  /** Activities that ran on or before this day (by start date). */
  to: DaySchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
})
  .refine(periodInOrder, periodOutOfOrder);
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

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
