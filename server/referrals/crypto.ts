import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { HttpProblem } from '../platform/http/problem.js';

/**
 * Sensitive free text (case summaries, notes, comments) is encrypted field by field with AES-256-GCM:
 * a fresh 12-byte IV per value, the 16-byte authentication tag, and the id of the key that sealed it,
 * so keys can be rotated (new text under the new key, old text still readable with retired keys).
 * The additional authenticated data binds each value to its record and field: a ciphertext copied
 * into another record or field does not decrypt.
 */
export interface EncryptedText {
  keyId: string;
  iv: string;
  authTag: string;
  ciphertext: string;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/** A key's id is a short fingerprint of it: stable, reveals nothing, needs no bookkeeping. */
export function keyIdOf(key: Buffer): string {
  return `k1-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * A stored text no configured key opens. Answered as a 500 problem, not a 503: it is the server's
 * configuration that is wrong (a key missing from REFERRAL_KEYS), retrying will not help, and 503
 * here means "the database is away for a moment, try again".
 */
export class UnreadableTextError extends HttpProblem {
  constructor(keyId: string) {
    super(500, { key: 'referralTextUnreadable', params: { keyId } }, { title: 'titleReferralTextUnreadable', type: '/problems/referral-text-unreadable' });
    this.name = 'UnreadableTextError';
  }
}

export class TextCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentKeyId: string;

  /** `current` seals new text; `retired` keys only open text sealed before a rotation. */
  constructor(current: Buffer, retired: readonly Buffer[] = []) {
    for (const key of [current, ...retired]) {
      if (key.length !== 32) throw new Error('Referral keys must be 32 bytes (AES-256).');
      this.keys.set(keyIdOf(key), key);
    }
    this.currentKeyId = keyIdOf(current);
  }

  /** The key that seals new text; the others only open older text. */
  get currentKey(): string {
    return this.currentKeyId;
  }

  /** Whether `keyId` is one of the configured keys. */
  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  encrypt(plaintext: string, context: string): EncryptedText {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      keyId: this.currentKeyId,
      iv: iv.toString('base64'),
      authTag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  decrypt(sealed: EncryptedText, context: string): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new UnreadableTextError(sealed.keyId);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new UnreadableTextError(sealed.keyId);
    }
  }

  /** Null in, null out: for optional fields. */
  seal(plaintext: string | null | undefined, context: string): EncryptedText | null {
    return plaintext ? this.encrypt(plaintext, context) : null;
  }

  open(sealed: EncryptedText | null | undefined, context: string): string | null {
    return sealed ? this.decrypt(sealed, context) : null;
  }
}

/** The cipher of a key ring: the first key seals new text, every key opens text it sealed. */
export function referralCipher(ring: readonly Buffer[]): TextCipher {
  const [current, ...retired] = ring;
  if (!current) throw new Error('The referral key ring is empty.');
  return new TextCipher(current, retired);
}
