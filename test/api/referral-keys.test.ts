import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ConfigError } from '../../server/platform/config.js';
import { createLogger } from '../../server/platform/logging.js';
import { keyIdOf, referralCipher } from '../../server/referrals/crypto.js';
import { prepareReferralKeys, reencryptReferralTexts } from '../../server/referrals/key-ring.js';
import { ReferralCommentModel, ReferralModel } from '../../server/referrals/referral.model.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { actor, referralBody, referralNetwork, SUMMARY, type Network } from './referrals-fixtures.js';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const hex = (key: Buffer) => key.toString('hex');
const SESSION_SECRET = 'referral-keys-test-session-secret-of-length';
const logger = createLogger('silent');

/** The same database seen by app instances configured with different key rings. */
const appWith = (keys: Record<string, string>) => startTestApp({ SESSION_SECRET, ...keys });

describe('referral key ring', () => {
  let oldOnly: TestApp;
  let n: Network;
  let oldReferral: string;
  before(async () => {
    oldOnly = await appWith({ REFERRAL_KEY: hex(oldKey) });
    n = await referralNetwork(oldOnly.app);
    oldReferral = (await n.sender.post('/api/v1/referrals', { ...referralBody(n.receiverOrg), send: true }).expect(201)).body.id;
    await n.sender.post(`/api/v1/referrals/${oldReferral}/comments`, { body: 'Transport arranged for tomorrow morning.' }).expect(201);
  });
  after(() => oldOnly.close());

  it('a text no configured key opens answers a precise problem response, not an unhandled 500', async () => {
    const newOnly = await appWith({ REFERRAL_KEY: hex(newKey) });
    const reader = await actor(newOnly.app, 'caseworker', n.senderOrg);
    for (const url of [`/api/v1/referrals/${oldReferral}`, `/api/v1/referrals/${oldReferral}/comments`]) {
      const res = await reader.get(url);
      assert.equal(res.status, 500, url);
      assert.match(res.headers['content-type']!, /^application\/problem\+json/);
      assert.equal(res.body.title, 'Referral text cannot be decrypted with the configured keys');
      assert.equal(res.body.type, '/problems/referral-text-unreadable');
      assert.match(res.body.detail, new RegExp(`sealed with key ${keyIdOf(oldKey)}, which is missing from REFERRAL_KEYS`));
      assert.doesNotMatch(res.text, /\.ts:\d+|at [A-Za-z]+ \(/, 'no stack trace');
    }
  });

  it('rotation: old texts read through the ring, new texts use the new key, and after re-encryption the old key can go', async () => {
    const ring = await appWith({ REFERRAL_KEYS: `${hex(newKey)}, ${hex(oldKey)}` });
    const sender = await actor(ring.app, 'caseworker', n.senderOrg);
    assert.equal((await sender.get(`/api/v1/referrals/${oldReferral}`).expect(200)).body.summary, SUMMARY);
    const newReferral = (await sender.post('/api/v1/referrals', referralBody(n.receiverOrg)).expect(201)).body.id;
    assert.equal((await ReferralModel.findById(newReferral).lean())!.summary!.keyId, keyIdOf(newKey));

    // Old text is still sealed with the old key: a start without it refuses.
    await assert.rejects(prepareReferralKeys({ referralKeys: [newKey] }, logger), (err: Error) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, new RegExp(`^Referral text in the database is encrypted with key ${keyIdOf(oldKey)}, which is not configured`));
      return true;
    });

    const before = await ReferralModel.findById(oldReferral).lean();
    const rewritten = await reencryptReferralTexts(referralCipher([newKey, oldKey]), { pauseMs: 0 });
    assert.ok(rewritten >= 2, 'the old referral and its comment were re-encrypted');
    const after = await ReferralModel.findById(oldReferral).lean();
    assert.equal(after!.summary!.keyId, keyIdOf(newKey));
    assert.equal(after!.version, before!.version, 're-encryption changes no version (clients keep their ETag)');
    assert.deepEqual(after!.updatedAt, before!.updatedAt);
    assert.deepEqual(await ReferralCommentModel.distinct('body.keyId', { referralId: oldReferral }), [keyIdOf(newKey)]);
    assert.equal(await reencryptReferralTexts(referralCipher([newKey, oldKey]), { pauseMs: 0 }), 0, 'a second run finds nothing left');

    await prepareReferralKeys({ referralKeys: [newKey] }, logger);
    const newOnly = await appWith({ REFERRAL_KEY: hex(newKey) });
    const reader = await actor(newOnly.app, 'caseworker', n.senderOrg);
    assert.equal((await reader.get(`/api/v1/referrals/${oldReferral}`).expect(200)).body.summary, SUMMARY);
    const comments = (await reader.get(`/api/v1/referrals/${oldReferral}/comments`).expect(200)).body;
    assert.equal(JSON.stringify(comments).includes('Transport arranged for tomorrow morning.'), true);
  });
});
