import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

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

export class UnreadableTextError extends Error {
  override name = 'UnreadableTextError';
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
    if (!key) throw new UnreadableTextError(`No key ${sealed.keyId} is configured.`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new UnreadableTextError('The text does not authenticate with its key and context.');
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
