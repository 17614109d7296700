import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * Failed sign-in counters, one document per IP address and per account, shared by every app
 * instance. The database has no TTL indexes: expired documents are ignored by the code and removed
 * by the housekeeping job.
 */
const LoginThrottleSchema = new Schema(
  {
    _id: { type: String, required: true },
    failures: { type: Number, required: true },
    windowEndsAt: { type: Date, required: true },
    lastFailureAt: { type: Date, required: true },
    lockedUntil: { type: Date, default: null },
  },
  { collection: 'login_throttle', versionKey: false },
);
LoginThrottleSchema.index({ windowEndsAt: 1 });

export type LoginThrottleDoc = InferSchemaType<typeof LoginThrottleSchema>;
export const LoginThrottleModel = model('LoginThrottle', LoginThrottleSchema);
