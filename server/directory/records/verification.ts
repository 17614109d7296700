import { Schema } from 'mongoose';
import { z } from 'zod';
import { toObjectId } from './record.js';
import { changedFields } from '../../audit/audit.js';
import { multiValue } from '../../platform/http/validate.js';
import { VERIFICATION_STATES, type VerificationStatus } from '../vocabulary.js';
import type { RecordAction } from './record-routes.js';

/**
 * Verification by a platform admin, shared by organisations and services: new records start
 * "pending", a content change sends a record back to "pending", and the `verify` action marks it
 * "verified". What changed since is in the audit log (see admin/verification-queue.ts).
 */
export { VERIFICATION_STATES, type VerificationStatus } from '../vocabulary.js';

/** The stored `verification` sub-document (Mongoose field definition). */
export const verificationMongoose = {
  status: { type: String, enum: VERIFICATION_STATES, default: 'pending' },
  verifiedBy: { type: Schema.Types.ObjectId, default: null },
  note: { type: String, default: null },
};

export interface StoredVerification {
  verification?: { status?: string | null } | null;
}

/** `?verification=pending,unverified` on a list. */
export const VerificationFilterParam = multiValue(z.enum(VERIFICATION_STATES)).optional();

export const VerificationView = z.object({ status: z.enum(VERIFICATION_STATES) });
export type VerificationView = z.infer<typeof VerificationView>;

/** Records stored before verification existed (e.g. older services) were never verified. */
export function verificationView(record: StoredVerification): VerificationView {
  const status = record.verification?.status;
  return { status: (VERIFICATION_STATES as readonly string[]).includes(status ?? '') ? (status as VerificationStatus) : 'unverified' };
}

/**
 * The `$set` that sends an updated record back to "pending" when its content really changed:
 * `set` is what the update stores, compared field by field with the record before.
 */
export function pendingAfterChange(before: Record<string, unknown>, input: object, set: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(input);
  const pick = (source: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, source[k]]));
  return changedFields(pick(before), pick(set)).length ? { 'verification.status': 'pending' } : {};
}

/** POST /:id/verify for platform admins (`organization:verify`). */
export function verifyAction<R>(label: string): RecordAction<R> {
  return {
    name: 'verify',
    summary: `Mark the ${label} verified (platform admins)`,
    permission: 'organization:verify',
    changes: (_record, user) => ({
      'verification.status': 'verified',
      'verification.verifiedBy': toObjectId(user.id) ?? null,
      lastVerifiedAt: new Date(),
    }),
  };
}
