import { Schema, model } from 'mongoose';

/**
 * One document per failed sign-in, under two keys: the IP address and the account. Counting inserted
 * events, rather than incrementing a counter, stays exact with parallel attempts on several app
 * instances (the embedded database does not make `$inc` atomic). No TTL index: old events are
 * ignored by the queries and removed by the housekeeping job.
 */
const LoginFailureSchema = new Schema(
  {
    key: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'login_failures', versionKey: false },
);
LoginFailureSchema.index({ key: 1, at: -1 });
LoginFailureSchema.index({ at: 1 });

export const LoginFailureModel = model('LoginFailure', LoginFailureSchema);
