import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { backupDatabase, restoreDatabase, RestoreError } from '../../server/platform/db/backup.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('backup and restore', () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    t = await startTestApp();
    dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-backup-'));
  });
  after(async () => {
    await mongoose.connection.useDb(`${t.dbName}_restored`).dropDatabase();
    await mongoose.connection.useDb(`${t.dbName}_retried`).dropDatabase();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every collection into an empty database exactly, types included', async () => {
    await OrganizationModel.create({ name: { en: 'Sample NGO', ar: 'منظمة' }, type: 'local-ngo', governorates: ['IQ-BA'], sample: true, lastVerifiedAt: new Date('2026-01-02T03:04:05Z') });
    const source = mongoose.connection.db!;
    // Encrypted referral text is stored as binary; it must come back byte for byte.
    await source.collection('binary_probe').insertOne({ blob: new mongoose.mongo.Binary(Buffer.from([0, 1, 2, 250])), when: new Date(0) });

    const file = path.join(dir, 'out.archive');
    const written = await backupDatabase(source, file);
    assert.equal(written.organizations, 1);
    assert.equal(written.governorates, 19);

    const target = mongoose.connection.useDb(`${t.dbName}_restored`).db!;
    const restored = await restoreDatabase(target, file);
    assert.deepEqual(restored, Object.fromEntries(Object.entries(written).filter(([, n]) => n > 0)));

    for (const name of Object.keys(written)) {
      const a = await source.collection(name).find().sort({ _id: 1 }).toArray();
      const b = await target.collection(name).find().sort({ _id: 1 }).toArray();
      assert.deepEqual(b, a, `collection ${name} differs after restore`);
    }
    const probe = await target.collection('binary_probe').findOne();
    assert.ok(probe?.when instanceof Date);
    assert.deepEqual(Buffer.from(probe!.blob.buffer), Buffer.from([0, 1, 2, 250]));
  });

  it('leaves sessions, sign-in counters and reset links out, so a restore brings back no signed-out session', async () => {
    const source = mongoose.connection.db!;
    await source.collection('sessions').insertOne({ _id: 'signed-out-session' as never, session: { passport: { user: 'someone' } }, expires: new Date(Date.now() + 3_600_000) });
    await source.collection('login_failures').insertOne({ _id: 'ip:192.0.2.1#1' as never, key: 'ip:192.0.2.1', seq: 1, at: new Date() });
    await source.collection('password_resets').insertOne({ tokenHash: 'used-link', expiresAt: new Date(Date.now() + 3_600_000) });
    const file = path.join(dir, 'no-sessions.archive');
    const written = await backupDatabase(source, file);
    for (const name of ['sessions', 'login_failures', 'password_resets', 'rate_limits']) assert.equal(written[name], undefined, `${name} is in the archive`);
    assert.ok(written.organizations! > 0);
    const archive = gunzipSync(readFileSync(file)).toString('utf8');
    assert.doesNotMatch(archive, /signed-out-session|used-link|192\.0\.2\.1/);
  });

  it('refuses to restore into a database that has data', async () => {
    const file = path.join(dir, 'again.archive');
    await backupDatabase(mongoose.connection.db!, file);
    await assert.rejects(restoreDatabase(mongoose.connection.db!, file), RestoreError);
  });

  it('a restore that fails half-way leaves the target as it was, and a retry succeeds', async () => {
    const source = mongoose.connection.db!;
    // More than one insert batch, so a failure comes after documents were already written somewhere.
    await source.collection('bulk_probe').insertMany(Array.from({ length: 2500 }, (_, i) => ({ i, text: `probe ${i} `.repeat(8) })));
    const good = path.join(dir, 'whole.archive');
    const written = await backupDatabase(source, good);
    const truncated = path.join(dir, 'truncated.archive');
    const bytes = readFileSync(good);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));

    const target = mongoose.connection.useDb(`${t.dbName}_retried`).db!;
    await target.createCollection('organizations');
    const before = (await target.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();

    await assert.rejects(restoreDatabase(target, truncated), (err: Error) => {
      assert.ok(err instanceof RestoreError);
      assert.match(err.message, /^The archive could not be read \(.+\)\. Nothing was restored; the target database is as it was\.$/);
      return true;
    });
    const after = (await target.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    assert.deepEqual(after, before, 'no collection was added or removed');
    assert.equal(await target.collection('organizations').countDocuments(), 0);

    const restored = await restoreDatabase(target, good);
    assert.equal(restored.bulk_probe, 2500);
    for (const name of Object.keys(written)) {
      assert.equal(await target.collection(name).countDocuments(), written[name], `collection ${name} after the retry`);
    }
  });
});
