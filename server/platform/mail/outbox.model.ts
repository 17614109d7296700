import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

/**
 * Mail waiting to go out. Writers only insert; the delivery loop leases one message at a time
 * (`leaseUntil`) so several app instances never send the same message twice, and blanks the body
 * once sent, because bodies can hold one-time links.
 */
const OutboxMessageSchema = new Schema(
  {
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    /** The one link the message is about (invitation, password reset), logged in development. */
    link: { type: String, default: null },
    status: { type: String, enum: OUTBOX_STATUSES, default: 'pending' },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, default: () => new Date() },
    leaseUntil: { type: Date, default: null },
    leaseOwner: { type: String, default: null },
    sentAt: { type: Date, default: null },
    lastError: { type: String, default: null },
  },
  { collection: 'mail_outbox', timestamps: true, versionKey: false },
);
OutboxMessageSchema.index({ status: 1, nextAttemptAt: 1 });

export type OutboxMessageDoc = InferSchemaType<typeof OutboxMessageSchema> & { _id: Types.ObjectId };
export const OutboxMessageModel = model('OutboxMessage', OutboxMessageSchema);
