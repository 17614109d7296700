import { z } from 'zod';
import { Timestamp, TranslatedView } from '../directory/records/view-schemas.js';

export const QueueQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});

export const QueueEntry = z.object({
  kind: z.enum(['organization', 'service']),
  id: z.string(),
  name: TranslatedView,
  /** The service's organisation; null for organisations. */
  organization: z.object({ id: z.string(), name: TranslatedView }).nullable(),
  /** True when the record was never verified. */
  isNew: z.boolean(),
  /** Fields changed since the last verification (new records: every filled field). */
  changedFields: z.array(z.string()),
  /**
   * Each of those fields as last verified and now, as stored (translated texts, codes, phones…): derived
   * from the audit log and the record when read. `before` is null for a new record and absent when the
   * log could not keep it whole; `after` is null when the field is now empty.
   */
  changes: z.array(z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown() })),
  updatedAt: Timestamp.nullable(),
  /** For If-Match on POST …/reject: the admin turns down the change they saw. */
  version: z.number().int(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const QueuePage = z.object({ items: z.array(QueueEntry), total: z.number().int(), page: z.number().int(), perPage: z.number().int() });
export type QueuePage = z.infer<typeof QueuePage>;
