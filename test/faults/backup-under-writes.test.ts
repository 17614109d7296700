import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { DEFAULT_DB_NAME } from '../../server/platform/db/connection.js';
import { startEmbeddedDatabase } from '../../server/platform/db/embedded-ferretdb.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { runBackupCli } from '../support/backup-cli.js';
import { signInOverHttp } from '../support/http-session.js';

const { EJSON } = mongoose.mongo.BSON;
const ADMIN = { ADMIN_EMAIL: 'backup.admin@example.org', ADMIN_PASSWORD: 'Backup test password 2026' };

/** The backup command on the embedded database under `dataDir`. */
const runEmbeddedBackupCli = (mode: 'backup' | 'restore', file: string, dataDir: string) =>
  runBackupCli(mode, file, { MONGODB_URI: '', DATA_DIR: dataDir, REFERRAL_KEY: 'ab'.repeat(32) });

async function archiveDocuments(file: string): Promise<Map<string, unknown[]>> {
  const byCollection = new Map<string, unknown[]>();
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header || !line) {
      header = false;
      continue;
    }
    const { c, d } = EJSON.parse(line, { relaxed: false }) as { c: string; d: unknown };
    byCollection.set(c, [...(byCollection.get(c) ?? []), d]);
  }
  return byCollection;
}

describe('backup of the embedded database while the app writes', () => {
  let work: string;
  let app: AppProcess | undefined;
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'ct-directory-backup-burst-'));
  });
  after(async () => {
    await app?.stop('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  it('an archive taken during a burst of writes restores into an empty instance, every collection equal', async () => {
    const liveDir = path.join(work, 'live');
    app = await startAppProcess('', { DATA_DIR: liveDir, ...ADMIN });
    const { cookie, csrf } = await signInOverHttp(app.url, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);

    let writing = true;
    let created = 0;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const res = await fetch(`${app!.url}/api/v1/organizations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Cookie: cookie },
          body: JSON.stringify({ name: { en: `Burst organisation ${w}-${i}` }, type: 'local-ngo' }),
        });
        assert.equal(res.status, 201, await res.text());
        created += 1;
      }
    };
    const writers = Array.from({ length: 6 }, (_, w) => writer(w));
    while (created < 20) await new Promise((r) => setTimeout(r, 50));
    const file = path.join(work, 'burst.archive');
    const backup = await runEmbeddedBackupCli('backup', file, liveDir);
    const createdDuringBackup = created;
    writing = false;
    await Promise.all(writers);
    await app.stop();
    assert.equal(backup.code, 0, backup.out);
    assert.match(backup.out, /does not hold the referral keys/);
    assert.ok(createdDuringBackup > 20, 'the app kept writing while the backup ran');

    const restoredDir = path.join(work, 'restored');
    const restore = await runEmbeddedBackupCli('restore', file, restoredDir);
    assert.equal(restore.code, 0, restore.out);

    const archived = await archiveDocuments(file);
    const organizations = archived.get('organizations') ?? [];
    assert.ok(organizations.length >= 20, 'organisations written before the backup are in it');
    // One moment of the database: an audit entry is written after its organisation, so every audited
    // creation has its organisation, and at most one creation per writer is not audited yet.
    const organizationIds = new Set(organizations.map((o) => String((o as { _id: unknown })._id)));
    const audited = (archived.get('audit_log') ?? [])
      .map((a) => a as { action: string; entityId: string })
      .filter((a) => a.action === 'organization.create');
    for (const a of audited) assert.ok(organizationIds.has(a.entityId), `audited organisation ${a.entityId} is in the archive`);
    assert.ok(organizations.length - audited.length <= writers.length, 'no more organisations than writers lack their audit entry');

    const restoredDb = await startEmbeddedDatabase({ dataDir: path.join(restoredDir, 'db') });
    const client = await new mongoose.mongo.MongoClient(restoredDb.uri).connect();
    try {
      const db = client.db(DEFAULT_DB_NAME);
      for (const [name, docs] of archived) {
        // Unpromoted values keep every BSON type (Int32, Double, …) as the archive has them.
        const restored = await db.collection(name).find({}, { promoteValues: false }).sort({ _id: 1 }).toArray();
        assert.deepEqual(restored, docs, `collection ${name} differs after restore`);
      }
    } finally {
      await client.close();
      await restoredDb.stop();
    }
  });
});
