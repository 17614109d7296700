import { z } from 'zod';
import { ObjectIdSchema } from '../directory/records/object-id.js';
import { TranslatedSchema } from '../text/translated-input.js';
import { ACTIVITY_KINDS, AUDIENCES } from './vocabulary.js';

/**
 * What a client writes into an activity, free of server runtime code so the web app checks its
 * forms with the same rules. Only governorates differ: the server resolves ISO codes and P-codes
 * against its bundled file and passes that schema in; the web app offers the ISO codes themselves.
 */

/** A calendar day, YYYY-MM-DD; stored as its first moment in UTC. */
export const DaySchema = z.iso.date();

const unique = <T>(items: T[]) => [...new Set(items)];
const headcount = z.number().int().min(0).max(10_000_000);

const ReachSchema = z.strictObject({
  women: headcount.default(0),
  men: headcount.default(0),
  girls: headcount.default(0),
  boys: headcount.default(0),
});

const endNotBeforeStart = (a: { startDate?: string; endDate?: string }) => !a.startDate || !a.endDate || a.endDate >= a.startDate;
const endDateMessage = { message: 'endNotBeforeStart', path: ['endDate'] };

export function activityInputWith(governorate: z.ZodType<string, string>) {
  /** The editable fields, without defaults: creation adds them, a patch must not. */
  const fields = {
    title: TranslatedSchema,
    kind: z.enum(ACTIVITY_KINDS),
    topic: z.string().trim().min(1).max(200).nullable(),
    governorates: z.array(governorate).min(1).max(19).transform(unique),
    districts: z.array(z.string().trim().min(1).max(100)).max(30).transform(unique),
    startDate: DaySchema,
    endDate: DaySchema,
    audience: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length).transform(unique),
    reached: ReachSchema,
    partners: z.array(ObjectIdSchema).max(50).transform(unique),
  };
  return {
    ActivityCreateSchema: z
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
      .refine(endNotBeforeStart, endDateMessage),
    /** Any subset of the editable fields; the organisation of an activity does not change. */
    ActivityPatchSchema: z
      .strictObject(fields)
      .partial()
      .refine((p) => Object.keys(p).length > 0, 'nothingToChange')
      .refine(endNotBeforeStart, endDateMessage),
  };
}
