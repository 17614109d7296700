import type { Types } from 'mongoose';
import { recordAudit } from '../audit/audit.js';
import { ConfigError, type Config } from '../platform/config.js';
import type { Logger } from '../platform/logging.js';
import { referralCipher, UnreadableTextError, type EncryptedText, type TextCipher } from './crypto.js';
import { ReferralCommentModel, ReferralModel } from './referral.model.js';
import { SEALED_FIELDS, textContext } from './referral.view.js';

/** Documents re-encrypted per batch, so the rotation never holds the database for long. */
const REKEY_BATCH = 100;
const REKEY_PAUSE_MS = 50;

/** Every key id that seals some stored referral text. */
async function keyIdsInUse(): Promise<Set<string>> {
  const ids = await Promise.all([
    ...SEALED_FIELDS.map((field) => ReferralModel.distinct(`${field}.keyId`)),
    ReferralCommentModel.distinct('body.keyId'),
  ]);
  return new Set(ids.flat().filter((id): id is string => typeof id === 'string'));
}

/** One line naming the keys that sealed stored text but are not in the ring; undefined when none is missing. */
export async function missingReferralKeyProblem(config: Pick<Config, 'referralKeys'>): Promise<string | undefined> {
  const cipher = referralCipher(config.referralKeys);
  const missing = [...(await keyIdsInUse())].filter((id) => !cipher.has(id));
  if (!missing.length) return undefined;
  return (
    `Referral text in the database is encrypted with key ${missing.join(', ')}, which is not configured: ` +
    'set REFERRAL_KEYS to the current key followed by the key(s) the data was written with (see README, "Referral keys").'
  );
}

/**
 * Refuses to start when stored referral text was sealed with a key that is not in the ring (e.g. a
 * restore into a new DATA_DIR, which would make up a new key), and otherwise re-encrypts text sealed
 * with retired keys under the current one, in the background.
 */
export async function prepareReferralKeys(config: Pick<Config, 'referralKeys'>, logger: Logger): Promise<void> {
  const problem = await missingReferralKeyProblem(config);
  if (problem) throw new ConfigError(problem);
  const cipher = referralCipher(config.referralKeys);
  if ([...(await keyIdsInUse())].some((id) => id !== cipher.currentKey)) {
    void reencryptReferralTexts(cipher).then(
      (count) => logger.info({ count }, 'referral text re-encrypted under the current key'),
      (err: unknown) => logger.warn({ err }, 're-encrypting referral text stopped; it resumes at the next start'),
    );
  }
}

/** The text under the current key; the same value when it already is. */
function resealed(cipher: TextCipher, sealed: EncryptedText | null, context: string): EncryptedText | null {
  if (!sealed || sealed.keyId === cipher.currentKey) return sealed;
  return cipher.encrypt(cipher.decrypt(sealed, context), context);
}

/**
 * Re-encrypts, batch by batch in _id order, every text sealed with a retired key. Each document is
 * rewritten only if its sealed values are still the ones read (a write meanwhile wins, and is under
 * the current key anyway); a stop halfway is resumed by the next run, which finds what is left.
 * Returns how many documents were rewritten.
 */
export async function reencryptReferralTexts(cipher: TextCipher, options: { pauseMs?: number } = {}): Promise<number> {
  const current = cipher.currentKey;
  const pause = () => new Promise((r) => setTimeout(r, options.pauseMs ?? REKEY_PAUSE_MS).unref());
  let count = 0;

  const rekeyAll = async <D extends { _id: Types.ObjectId }>(
    find: (after: Types.ObjectId | null) => Promise<D[]>,
    rewrite: (doc: D) => Promise<boolean>,
  ) => {
    let after: Types.ObjectId | null = null;
    for (;;) {
      const batch = await find(after);
      if (!batch.length) return;
      for (const doc of batch) {
        try {
          if (await rewrite(doc)) count += 1;
        } catch (err) {
          // A text no key opens stays as it is; reading it answers a problem response.
          if (!(err instanceof UnreadableTextError)) throw err;
        }
      }
      after = batch.at(-1)!._id;
      await pause();
    }
  };
  const afterId = (after: Types.ObjectId | null) => (after ? { _id: { $gt: after } } : {});

  await rekeyAll(
    (after) =>
      ReferralModel.find({ ...afterId(after), $or: SEALED_FIELDS.map((field) => ({ [`${field}.keyId`]: { $nin: [current, null] } })) })
        .sort({ _id: 1 })
        .limit(REKEY_BATCH)
        .lean(),
    async (r) => {
      const result = await ReferralModel.updateOne(
        { _id: r._id, ...Object.fromEntries(SEALED_FIELDS.map((field) => [`${field}.iv`, r[field]?.iv ?? null])) },
        { $set: Object.fromEntries(SEALED_FIELDS.map((field) => [field, resealed(cipher, r[field], textContext[field](r._id))])) },
        { timestamps: false },
      );
      return result.modifiedCount === 1;
    },
  );
  await rekeyAll(
    (after) => ReferralCommentModel.find({ ...afterId(after), 'body.keyId': { $ne: current } }).sort({ _id: 1 }).limit(REKEY_BATCH).lean(),
    async (c) => {
      const body = resealed(cipher, c.body, textContext.comment(c));
      const result = await ReferralCommentModel.updateOne({ _id: c._id, 'body.iv': c.body.iv }, { $set: { body } }, { timestamps: false });
      return result.modifiedCount === 1;
    },
  );
  if (count) {
    await recordAudit(null, { action: 'referral.text-reencrypted', entity: 'referral', after: { documents: count, keyId: current } });
  }
  return count;
}
