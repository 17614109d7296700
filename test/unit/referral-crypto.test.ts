import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { TextCipher, UnreadableTextError, keyIdOf } from '../../server/referrals/crypto.js';

describe('referral text encryption (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const cipher = new TextCipher(key);
  const text = 'Survivor of forced labour, needs shelter near Erbil. يحتاج إلى مأوى';

  it('round-trips, with a fresh 12-byte IV and a 16-byte tag each time, and no plaintext in the sealed value', () => {
    const a = cipher.encrypt(text, 'referral/1/summary');
    const b = cipher.encrypt(text, 'referral/1/summary');
    assert.equal(cipher.decrypt(a, 'referral/1/summary'), text);
    assert.notEqual(a.iv, b.iv);
    assert.notEqual(a.ciphertext, b.ciphertext);
    assert.equal(Buffer.from(a.iv, 'base64').length, 12);
    assert.equal(Buffer.from(a.authTag, 'base64').length, 16);
    assert.equal(a.keyId, keyIdOf(key));
    assert.ok(!JSON.stringify(a).includes('shelter'));
  });

  it('refuses tampered ciphertext, a wrong context (another record or field) and an unknown key', () => {
    const sealed = cipher.encrypt(text, 'referral/1/summary');
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    assert.throws(() => cipher.decrypt({ ...sealed, ciphertext: flipped.toString('base64') }, 'referral/1/summary'), UnreadableTextError);
    assert.throws(() => cipher.decrypt(sealed, 'referral/2/summary'), UnreadableTextError);
    assert.throws(() => cipher.decrypt(sealed, 'referral/1/notes'), UnreadableTextError);
    assert.throws(() => new TextCipher(randomBytes(32)).decrypt(sealed, 'referral/1/summary'), UnreadableTextError);
  });

  it('after a key rotation seals under the new key and still opens text sealed under the retired one', () => {
    const old = cipher.encrypt(text, 'c');
    const next = randomBytes(32);
    const rotated = new TextCipher(next, [key]);
    assert.equal(rotated.decrypt(old, 'c'), text);
    const fresh = rotated.encrypt(text, 'c');
    assert.equal(fresh.keyId, keyIdOf(next));
    assert.notEqual(fresh.keyId, old.keyId);
  });

  it('passes null through seal/open and rejects keys that are not 256 bits', () => {
    assert.equal(cipher.seal(null, 'c'), null);
    assert.equal(cipher.open(null, 'c'), null);
    assert.throws(() => new TextCipher(randomBytes(16)));
  });
});
