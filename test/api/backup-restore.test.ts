import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

  it('refuses to restore into a database that has data', async () => {
    const file = path.join(dir, 'again.archive');
    await backupDatabase(mongoose.connection.db!, file);
    await assert.rejects(restoreDatabase(mongoose.connection.db!, file), RestoreError);
  });
});
