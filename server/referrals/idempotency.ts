import { createHmac } from 'node:crypto';
import { Types } from 'mongoose';
import { z } from 'zod';

/**
 * The Idempotency-Key request header of draft-ietf-httpapi-idempotency-key-header: a Structured
 * Field string (`"…"`; the quotes may be left out), here 8 to 128 visible ASCII characters.
 */
export const IdempotencyKeyHeader = z
  .string()
  .trim()
  .transform((value) => /^"(.*)"$/.exec(value)?.[1] ?? value)
  .pipe(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]{8,128}$/, 'must be 8 to 128 visible ASCII characters (no quotes or backslashes)'))
  .optional()
  .describe(
    'A new random value (e.g. a UUID) per referral the user writes, sent again unchanged when retrying. ' +
      'The same key from the same user answers with the referral it created (201, same record) instead of a ' +
      'second one; the same key with a different body answers 422.',
  );

/**
 * Keyed hashes for idempotent creation. A sender's key names one record id, so "create at most
 * once" is the atomic uniqueness of `_id` (and a retry is one lookup by `_id`, which every backend
 * answers without a scan); the fingerprint tells a retry from a different request without keeping
 * the request, whose text is confidential. Keyed, so neither can be recomputed from guesses.
 */
export class IdempotencyKeys {
  readonly #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  #mac(purpose: string, ...parts: string[]): Buffer {
    return createHmac('sha256', this.#secret).update([purpose, ...parts].join('\0')).digest();
  }

  /** The id of the record that `senderId` creates with `key`: always the same for both. */
  recordId(senderId: string, key: string): Types.ObjectId {
    return new Types.ObjectId(this.#mac('referral-id', senderId, key).subarray(0, 12));
  }

  /** The fingerprint of a parsed request body (its fields in schema order). */
  fingerprint(body: unknown): string {
    return this.#mac('referral-request', JSON.stringify(body)).toString('base64url');
  }
}
