import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMON_BASE_WORDS, COMMON_LONG_PASSWORDS } from '../../server/contract/accounts/common-passwords.js';
import { hashPassword, passwordWeakness, verifyPassword } from '../../server/accounts/passwords.js';

describe('password policy and hashing', () => {
  it('refuses short, common, patterned and personal passwords', () => {
    const refused = [
      'short pass',
      'password1234',
      'Password2024!',
      'P@ssw0rd2024!',
      '!!baghdad123456',
      'Kurdistan123456',
      'iloveyouiloveyou',
      'qwertyuiopasdf',
      '123456789012',
      '098765432109',
      'abcdefghijklmn',
      'aaaaaaaaaaaaaa',
      'abababababababab',
      '1qaz2wsx3edc4rfv',
      'correcthorsebatterystaple',
      'x'.repeat(300),
    ];
    for (const password of refused) assert.ok(passwordWeakness(password), `${password} should be refused`);
    assert.match(passwordWeakness('noor.hassan.2024!', { email: 'noor.hassan@example.org' })?.key ?? '', /passwordPersonal/);
    assert.match(passwordWeakness('Layla Karim river boat', { name: 'Layla Karim' })?.key ?? '', /passwordPersonal/);
  });

  it('accepts long unrelated phrases and random strings', () => {
    for (const password of ['river lantern basket 42', 'Tz8#kq2!mLw9vB', 'orange tigris morning quiet', 'correct kettle orbit lamp']) {
      assert.equal(passwordWeakness(password), undefined, password);
    }
  });

  it('every listed common password is refused', () => {
    for (const password of COMMON_LONG_PASSWORDS) assert.ok(passwordWeakness(password), password);
    for (const word of COMMON_BASE_WORDS) assert.ok(passwordWeakness(`${word}12345678901`.slice(0, Math.max(12, word.length + 4))), word);
  });

  it('hashes with argon2id and verifies; a missing hash never verifies', async () => {
    const hash = await hashPassword('river lantern basket 42');
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, 'river lantern basket 42'), true);
    assert.equal(await verifyPassword(hash, 'river lantern basket 43'), false);
    assert.equal(await verifyPassword(null, 'river lantern basket 42'), false);
    assert.equal(await verifyPassword('not a hash', 'anything'), false);
  });
});
