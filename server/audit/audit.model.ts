import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/**
 * Append-only record of every write: who, for which organisation, when, what, and the before/after
 * of the changed fields (as JSON text, secrets and case text removed). Nothing updates or deletes it.
 */
const AuditEntrySchema = new Schema(
  {
    at: { type: Date, required: true, default: () => new Date() },
    actorId: { type: Schema.Types.ObjectId, default: null },
    actorEmail: { type: String, default: null },
    actorRole: { type: String, default: null },
    /** The organisation whose record changed; organisation admins see their organisation's entries. */
    organizationId: { type: Schema.Types.ObjectId, default: null },
    action: { type: String, required: true },
    entity: { type: String, required: true },
    entityId: { type: String, default: null },
    changes: {
      type: [{ field: String, before: String, after: String, _id: false }],
      default: [],
    },
    requestId: { type: String, default: null },
  },
  { collection: 'audit_log', versionKey: false },
);
AuditEntrySchema.index({ at: -1 });
AuditEntrySchema.index({ organizationId: 1, at: -1 });
AuditEntrySchema.index({ entity: 1, entityId: 1, at: -1 });

for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'deleteOne', 'deleteMany', 'findOneAndDelete', 'replaceOne'] as const) {
  AuditEntrySchema.pre(op, () => {
    throw new Error('The audit log is append-only.');
  });
}

export type AuditEntryDoc = InferSchemaType<typeof AuditEntrySchema> & { _id: Types.ObjectId };
export const AuditEntryModel = model('AuditEntry', AuditEntrySchema);
