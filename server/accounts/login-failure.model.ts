import { Schema, model } from 'mongoose';

/**
 * One document per sign-in attempt under each of two keys, the IP address and the account, written
 * BEFORE the password is checked; it stays as a failure unless the attempt succeeds, and as `refused`
 * when it was turned away (429) without a check: those count for nothing. An account's attempts carry
 * their `source` (a hash of the address), so one address's failures slow that address only. Its `_id` is
 * `key#seq`: an insert under a unique key is the one write the embedded FerretDB makes atomic (see
 * platform/db/claims.ts), so parallel attempts on several app instances each get a sequence number
 * of their own and are all counted. No TTL index: old attempts are ignored by the queries and removed
 * by the housekeeping job.
 */
const LoginFailureSchema = new Schema(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    refused: { type: Boolean, default: false },
    source: { type: String },
  },
  { collection: 'login_failures', versionKey: false },
);
LoginFailureSchema.index({ key: 1, at: -1 });
LoginFailureSchema.index({ at: 1 });

export const LoginFailureModel = model('LoginFailure', LoginFailureSchema);
