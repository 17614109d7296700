import { z } from 'zod';
import { activityInputWith, DaySchema } from '../contract/activities/activity.input.js';
import { periodInOrder, periodOutOfOrder } from '../contract/activities/activity.schemas.js';
import { ACTIVITY_KINDS } from '../contract/activities/vocabulary.js';
import { ObjectIdSchema } from '../contract/directory/records/object-id.js';
import { multiValue } from '../contract/query-params.js';
import { GovernorateInput } from '../directory/governorates/governorate-input.js';

// The contract's activity requests, bound to the server's list of governorates.
export const { ActivityCreateSchema, ActivityPatchSchema } = activityInputWith(GovernorateInput);

export const ActivityQuerySchema = z.strictObject({
  governorate: multiValue(GovernorateInput).optional(),
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
