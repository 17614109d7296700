import { Schema } from 'mongoose';
import { z } from 'zod';
import { toObjectId, type StoredRecord } from './record.js';
import { AuditEntryModel } from '../../audit/audit.model.js';
import { changedFields } from '../../audit/audit.js';
import { conflict } from '../../platform/http/problem.js';
import { multiValue } from '../../contract/query-params.js';
import { VERIFICATION_STATES, type VerificationStatus } from '../../contract/directory/vocabulary.js';
import type { RecordAction } from './record.use-cases.js';
import { iso, type VerificationView } from '../../contract/directory/records/view-schemas.js';
import { can, type Action, type SessionUser } from '../../accounts/permissions.js';
import type { Translated } from '../../platform/text/translated.js';
import { mailRejection } from './rejection-mail.js';

/**
 * Verification by a platform admin, shared by organisations and services: new records start
 * "pending", an organisation's content change is published at once and sends the record back to
 * "pending" (a platform admin's own edit is verified as saved), and the `verify` action marks it "verified" while `reject` puts back the values last verified. What
 * changed since is derived when asked from the audit log and the record (changesSinceVerified); the
 * record keeps the verified values of the fields changed since whole, where the audit log cuts them.
 */
export { VERIFICATION_STATES, type VerificationStatus } from '../../contract/directory/vocabulary.js';

/** The stored `verification` sub-document (Mongoose field definition). */
export const verificationMongoose = {
  status: { type: String, enum: VERIFICATION_STATES, default: 'pending' },
  verifiedBy: { type: Schema.Types.ObjectId, default: null },
  note: { type: String, default: null },
  /** When a platform admin last verified it (lastVerifiedAt is also renewed by the organisation's "still accurate"). */
  verifiedAt: { type: Date, default: null },
  /** When a content change last sent it to "pending". */
  changedAt: { type: Date, default: null },
  /**
   * The verified value of each field changed since the last verification, whole (the audit log cuts
   * long values), for a rejection to put back: {} once verified, null when not followed (older records).
   */
  previous: { type: Schema.Types.Mixed, default: null },
  /** The last change a platform admin turned down, and why: for the organisation, until the next verification. */
  rejection: {
    type: new Schema({ reason: { type: String, required: true }, at: { type: Date, required: true }, by: { type: Schema.Types.ObjectId, default: null } }, { _id: false }),
    default: null,
  },
};

export interface StoredVerification {
  verification?: {
    status?: string | null;
    verifiedAt?: Date | null;
    changedAt?: Date | null;
    rejection?: { reason: string; at: Date } | null;
    previous?: Record<string, unknown> | null;
  } | null;
  lastVerifiedAt?: Date | null;
  createdAt?: Date | null;
  updatedAt?: Date | null;
}

/** Who verifies records: platform admins. */
const VERIFY: Action = 'organization:verify';

/** `?verification=pending,unverified` on a list. */
export const VerificationFilterParam = multiValue(z.enum(VERIFICATION_STATES)).optional();


/** Records stored before verification existed (e.g. older services) were never verified. */
export function verificationView(record: StoredVerification): VerificationView {
  const status = record.verification?.status;
  return { status: (VERIFICATION_STATES as readonly string[]).includes(status ?? '') ? (status as VerificationStatus) : 'unverified' };
}

/** "Updated by the organisation on <date>, not yet verified": public while a change waits. */
export function unverifiedChangeView(record: StoredVerification): { at: string } | null {
  if (verificationView(record).status !== 'pending') return null;
  const at = record.verification?.changedAt ?? record.updatedAt ?? record.createdAt;
  return at ? { at: iso(at)! } : null;
}

/** Why the last change was turned down, for those who may edit the record. */
export function rejectionView(record: StoredVerification): { reason: string; at: string } | null {
  const rejection = record.verification?.rejection;
  return rejection ? { reason: rejection.reason, at: iso(rejection.at)! } : null;
}

/** The `$set` that marks a record verified by this platform admin, now. */
function verifiedBy(user: SessionUser): Record<string, unknown> {
  const now = new Date();
  return {
    'verification.status': 'verified',
    'verification.verifiedBy': toObjectId(user.id) ?? null,
    'verification.verifiedAt': now,
    'verification.rejection': null,
    'verification.previous': {},
    lastVerifiedAt: now,
  };
}

/** What a change of a record is measured in: its kind in the audit log and the fields its organisation edits. */
export interface WaitingChange {
  entity: 'organization' | 'service';
  fields: readonly string[];
}

/** The verification of a record created by this user: a platform admin's record is checked as made. */
export const verificationOnCreate = (user: SessionUser, owner: string | null): Record<string, unknown> => (can(user, VERIFY, owner) ? verifiedBy(user) : {});

/**
 * The verification `$set` of an update whose content really changed (`set` is what it stores,
 * compared field by field with the record before): an organisation's change is published and waits
 * as "pending"; a platform admin's own edit is a verified edit, so the record is verified as saved
 * (what changed is then measured from it, and a later rejection never undoes the admin's values) —
 * unless an organisation's change still waits, which the admin's edit does not approve.
 */
export async function verificationAfterChange(
  before: Record<string, unknown> & StoredVerification,
  input: object,
  set: Record<string, unknown>,
  user: SessionUser,
  owner: string | null,
  waiting: WaitingChange,
): Promise<Record<string, unknown>> {
  const keys = Object.keys(input);
  const pick = (source: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, source[k]]));
  const changed = changedFields(pick(before), pick(set)).map((c) => c.field);
  if (!changed.length) return {};
  if (can(user, VERIFY, owner)) return verificationView(before).status === 'pending' ? adminEditWhileWaiting(before, changed, set, waiting) : verifiedBy(user);
  const pending = { 'verification.status': 'pending', 'verification.changedAt': new Date() };
  // From a verified state, the values before this change are the verified ones; the first change of a field since keeps its value.
  const kept = verificationView(before).status === 'verified' ? {} : before.verification?.previous;
  if (!kept) return pending;
  const previous = { ...kept };
  for (const field of changed) if (!(field in previous)) previous[field] = JSON.parse(JSON.stringify(before[field] ?? null)) as unknown;
  return { ...pending, 'verification.previous': previous };
}

/**
 * A platform admin's edit of a record whose organisation change still waits: saving a form is not
 * approving what it happened to show, so the record stays pending with the organisation's other
 * changes, and the admin's fields count as verified with the admin's values (kept whole in
 * `verification.previous`, which outranks the audit log: they drop out of the diff, and a rejection
 * keeps them). An older record whose verified values were not followed gets them from the audit log.
 */
async function adminEditWhileWaiting(
  before: Record<string, unknown> & StoredVerification,
  changed: string[],
  set: Record<string, unknown>,
  waiting: WaitingChange,
): Promise<Record<string, unknown>> {
  let verified = before.verification?.previous;
  if (!verified) {
    const record = before as unknown as Verifiable;
    const since = (await changesSinceVerified(waiting.entity, [record], waiting.fields)).get(record._id.toHexString()) ?? [];
    verified = Object.fromEntries(since.filter((c) => c.before !== undefined).map((c) => [c.field, c.before]));
  }
  const previous = { ...verified };
  for (const field of changed) previous[field] = JSON.parse(JSON.stringify(set[field] ?? null)) as unknown;
  return { 'verification.previous': previous };
}

/** One field's value at the last verification and now (null: empty). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The verification the changes are measured from: a platform admin's, else (sample and imported data) lastVerifiedAt. */
const verifiedAt = (record: StoredVerification): Date | null => record.verification?.verifiedAt ?? record.lastVerifiedAt ?? null;

const NOT_RECORDED = Symbol('not recorded');

/** An audit value back as a value: empty is null; a redacted or shortened one cannot be read back. */
function auditValue(text: string): unknown {
  if (text === '') return null;
  try {
    const value: unknown = JSON.parse(text);
    return JSON.stringify(value).includes('"[redacted]"') ? NOT_RECORDED : value;
  } catch {
    return NOT_RECORDED;
  }
}

/** Empty values (null, "", [], {}) are one thing: a form that clears a field sends any of them. */
function normalised(value: unknown): unknown {
  const plain: unknown = value === undefined ? null : JSON.parse(JSON.stringify(value));
  const empty = plain === null || plain === '' || (Array.isArray(plain) && !plain.length) || (typeof plain === 'object' && plain !== null && !Object.keys(plain).length);
  return empty ? null : plain;
}

type Verifiable = StoredRecord<unknown> & StoredVerification;

/**
 * What changed in each record since it was last verified, among `fields` (what the organisation
 * edits), derived when asked: a field's value then is the `before` of the first audit entry after
 * the verification that changed it, its value now is the record's. A field changed and changed back
 * is no change; a record never verified shows every filled field as new. Where the audit log could
 * not keep a value whole (too long), the record's own copy (`verification.previous`) stands in.
 * `before` is the value as stored then (what a rejection puts back), or undefined when neither has
 * it (redacted, or cut in an older record); `after` is null when empty.
 */
export async function changesSinceVerified(entity: string, records: Verifiable[], fields: readonly string[]): Promise<Map<string, FieldChange[]>> {
  const since = new Map(records.map((r) => [r._id.toHexString(), verifiedAt(r)]));
  const verified = records.filter((r) => since.get(r._id.toHexString()));
  const oldest = Math.min(...verified.map((r) => since.get(r._id.toHexString())!.getTime()));
  const entries = verified.length
    ? await AuditEntryModel.find(
        { entity, entityId: { $in: verified.map((r) => r._id.toHexString()) }, at: { $gte: new Date(oldest) } },
        { entityId: 1, at: 1, changes: 1 },
      )
        .sort({ at: 1, _id: 1 })
        .lean<{ entityId: string; at: Date; changes: { field?: string | null; before?: string | null }[] }[]>()
    : [];
  const then = new Map<string, Map<string, unknown>>();
  for (const entry of entries) {
    if (entry.at.getTime() < since.get(entry.entityId)!.getTime()) continue;
    // The write that verified (verify, a platform admin's edit) is the boundary itself: its `before` predates the verified values.
    if (entry.changes.some((c) => c.field === 'lastVerifiedAt')) continue;
    const values = then.get(entry.entityId) ?? new Map<string, unknown>();
    then.set(entry.entityId, values);
    for (const { field, before } of entry.changes) if (field && fields.includes(field) && !values.has(field)) values.set(field, auditValue(before ?? ''));
  }
  return new Map(
    records.map((record) => {
      const id = record._id.toHexString();
      const now = record as unknown as Record<string, unknown>;
      const previous = since.get(id) ? (then.get(id) ?? new Map<string, unknown>()) : new Map(fields.map((f) => [f, null]));
      const kept = record.verification?.previous ?? {};
      const changes = [...previous]
        .map(([field, before]) => ({ field, before: field in kept ? kept[field] : before !== NOT_RECORDED ? before : undefined, after: normalised(now[field]) }))
        .filter((c) => c.before === undefined || JSON.stringify(normalised(c.before)) !== JSON.stringify(c.after))
        .sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field));
      return [id, changes];
    }),
  );
}

/** POST /:id/verify for platform admins (`organization:verify`). */
export function verifyAction<R>(label: string): RecordAction<R> {
  return {
    name: 'verify',
    summary: `Mark the ${label} verified (platform admins)`,
    permission: VERIFY,
    changes: (_record, user) => verifiedBy(user),
  };
}

/** Why a change is turned down: said to the organisation, so it must say something. */
export const RejectBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
export type RejectBody = z.infer<typeof RejectBody>;

/**
 * POST /:id/reject for platform admins: the fields changed since the last verification get their
 * verified values back (through `toStored`, as a PATCH would store them, so derived fields follow),
 * and the reason is kept on the record for its organisation. If-Match is required: the admin turns
 * down the change they saw, not one made since.
 */
export function rejectAction<R>(
  entity: 'organization' | 'service',
  label: string,
  verifiable: { fields: readonly string[]; publicUrl: string },
  resource: {
    toStored(input: Record<string, unknown>, existing: StoredRecord<R>, user: SessionUser): Promise<Record<string, unknown>>;
    ownerOf(record: StoredRecord<R>): string | null;
  },
): RecordAction<R, RejectBody> {
  const { fields } = verifiable;
  return {
    name: 'reject',
    summary: `Turn down the changes to the ${label} since it was last verified, putting back the verified values (platform admins); If-Match required`,
    permission: VERIFY,
    body: RejectBody,
    requireIfMatch: true,
    changes: async (record, user, body) => {
      const verifiable = record as Verifiable;
      if (verificationView(verifiable).status !== 'pending') throw conflict({ key: 'nothingToReject', params: { what: label } });
      if (!verifiedAt(verifiable)) throw conflict({ key: 'rejectNewRecord', params: { what: label } });
      const changes = (await changesSinceVerified(entity, [verifiable], fields)).get(record._id.toHexString()) ?? [];
      const unrecorded = changes.filter((c) => c.before === undefined).map((c) => c.field);
      if (unrecorded.length) throw conflict({ key: 'previousValueUnrecorded', params: { fields: unrecorded.join(', ') } });
      const restored = await resource.toStored(Object.fromEntries(changes.map((c) => [c.field, c.before])), record, user);
      return {
        ...restored,
        'verification.status': 'verified',
        'verification.previous': {},
        'verification.rejection': { reason: body.reason, at: new Date(), by: toObjectId(user.id) ?? null },
      };
    },
    after: async (record, body) => {
      const owner = resource.ownerOf(record);
      const name = (record as { name?: Translated | null }).name;
      if (owner) await mailRejection(owner, { kind: entity, id: record._id.toHexString(), name }, body.reason, verifiable.publicUrl);
    },
  };
}
