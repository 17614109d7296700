import { z } from 'zod';
import { governorateCode } from '../directory/governorates/governorate-data.js';
import { ObjectIdSchema } from '../directory/records/record.js';
import { multiValue } from '../platform/http/validate.js';
import { OptionalTranslatedSchema, TranslatedSchema } from '../platform/text/translated.js';
import { ACTIVITY_KINDS, AUDIENCES } from './vocabulary.js';

/** An ISO 3166-2 code or OCHA P-code of one of the 19 governorates, normalised to the ISO code. */
export const GovernorateCodeSchema = z.string().transform((value, ctx) => {
  const code = governorateCode(value);
  if (!code) ctx.addIssue({ code: 'custom', message: `unknown governorate "${value}"` });
  return code ?? value;
});

/** A calendar day, YYYY-MM-DD; stored as its first moment in UTC. */
export const DaySchema = z.iso.date();
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** For queries with a `from`–`to` period of days: the period must not run backwards. */
export const periodInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
export const periodOutOfOrder = { message: 'must not be after to', path: ['from'] };

const unique = <T>(items: T[]) => [...new Set(items)];
const headcount = z.number().int().min(0).max(10_000_000);

const ReachSchema = z.strictObject({
  women: headcount.default(0),
  men: headcount.default(0),
  girls: headcount.default(0),
  boys: headcount.default(0),
});

/** The editable fields, without defaults: creation adds them, a patch must not. */
const fields = {
  title: TranslatedSchema,
  kind: z.enum(ACTIVITY_KINDS),
  topic: z.string().trim().min(1).max(200).nullable(),
  governorates: z.array(GovernorateCodeSchema).min(1).max(19).transform(unique),
  districts: z.array(z.string().trim().min(1).max(100)).max(30).transform(unique),
  startDate: DaySchema,
  endDate: DaySchema,
  audience: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length).transform(unique),
  reached: ReachSchema,
  partners: z.array(ObjectIdSchema).max(50).transform(unique),
};

const endNotBeforeStart = (a: { startDate?: string; endDate?: string }) =>
  !a.startDate || !a.endDate || a.endDate >= a.startDate;
const endDateMessage = { message: 'must not be before startDate', path: ['endDate'] };

export const ActivityCreateSchema = z
  .strictObject({
    /** Defaults to the signed-in user's organisation. */
    organizationId: ObjectIdSchema.optional(),
    ...fields,
    topic: fields.topic.default(null),
    districts: fields.districts.default([]),
    /** Defaults to startDate: a one-day session. */
    endDate: DaySchema.optional(),
    audience: fields.audience.default([]),
    reached: ReachSchema.default({ women: 0, men: 0, girls: 0, boys: 0 }),
    partners: fields.partners.default([]),
  })
  .refine(endNotBeforeStart, endDateMessage);
export type ActivityCreate = z.infer<typeof ActivityCreateSchema>;

/** Any subset of the editable fields; the organisation of an activity does not change. */
export const ActivityPatchSchema = z
  .strictObject(fields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' })
  .refine(endNotBeforeStart, endDateMessage);
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
