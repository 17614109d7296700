import { z } from 'zod';
import { TranslatedView } from '../directory/records/view-schemas.js';
import { objectId } from './account.schemas.js';

/** A record's name: translated for directory records, as written for people. */
const RecordName = z.union([TranslatedView, z.string()]).nullable();

/** One entry of the audit log, as an admin reads it. */
export const AuditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable(), role: z.string().nullable() }),
  organizationId: z.string().nullable(),
  organizationName: RecordName,
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The record's current name (null when it has none, is gone, or is a referral: case records are not named). */
  entityName: RecordName,
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  requestId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z.object({ items: z.array(AuditEntryView), page: z.number(), pageSize: z.number(), total: z.number() });
export type AuditPage = z.infer<typeof AuditPage>;

// Record actions read "service.verify": the dot is part of the word.
const word = z.string().trim().min(1).max(64).regex(/^[a-z0-9.:_-]+$/i, 'letters, digits, ".", ":", "_" and "-" only');

/** GET /audit: the log, filtered, a page at a time. */
export const AuditQuery = z.strictObject({
  organizationId: objectId.optional(),
  entity: word.optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  action: word.optional(),
  actor: objectId.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
