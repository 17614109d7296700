import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../server/platform/config.js';

describe('referral key configuration', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ct-directory-keys-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, ...env });
  const a = 'a1'.repeat(32);
  const b = 'b2'.repeat(32);

  it('REFERRAL_KEYS is a ring, current key first; REFERRAL_KEY is a ring of one', () => {
    assert.deepEqual(load({ REFERRAL_KEYS: `${a}, ${b}` }).referralKeys.map((k) => k.toString('hex')), [a, b]);
    assert.deepEqual(load({ REFERRAL_KEY: a }).referralKeys.map((k) => k.toString('hex')), [a]);
  });

  it('refuses a malformed ring, both variables at once, and production without a key, each in one line', () => {
    assert.throws(() => load({ REFERRAL_KEYS: `${a},abc` }), /^ConfigError: Invalid configuration: REFERRAL_KEYS must be 64-hex-character keys separated by commas/);
    assert.throws(() => load({ REFERRAL_KEYS: a, REFERRAL_KEY: b }), (err: Error) => err instanceof ConfigError && /not both/.test(err.message));
    assert.throws(
      () => load({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }),
      /REFERRAL_KEYS \(or REFERRAL_KEY\) is required in production/,
    );
  });

  it('without a key outside production, one is generated into DATA_DIR and kept', () => {
    const first = load({}).referralKeys;
    assert.equal(first.length, 1);
    assert.deepEqual(load({}).referralKeys, first);
  });
});
