import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { fromRepoRoot } from '../../server/platform/paths.js';
import { keyIdOf, referralCipher } from '../../server/referrals/crypto.js';
import { textContext } from '../../server/referrals/referral.view.js';
import { startAppProcess } from '../support/app-process.js';
import { runBackupCli } from '../support/backup-cli.js';
import { useFreshDatabase } from '../support/database.js';

/** `node server/main.ts` as it is started in production; resolves with its exit code and what it printed. */
function startToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: fromRepoRoot(),
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', SEED_SAMPLE: 'false', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

describe('start with referral text sealed under a key it does not have', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let freshDataDir: string;
  const writtenWith = randomBytes(32);
  before(async () => {
    db = await useFreshDatabase();
    freshDataDir = mkdtempSync(path.join(tmpdir(), 'ct-directory-restored-'));
    const id = new mongoose.Types.ObjectId();
    await mongoose.connection.db!.collection('referrals').insertOne({
      _id: id,
      summary: referralCipher([writtenWith]).encrypt('Needs shelter tonight.', textContext.summary(id)),
      notes: null,
    });
  });
  after(async () => {
    rmSync(freshDataDir, { recursive: true, force: true });
    await db.drop();
  });

  it('a restore into a new DATA_DIR (no key configured) exits non-zero with one line naming the missing key', async () => {
    const { code, stderr } = await startToExit({ MONGODB_URI: db.uri, DATA_DIR: freshDataDir, REFERRAL_KEY: '', REFERRAL_KEYS: '' });
    assert.equal(code, 1);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0]!, new RegExp(`^Referral text in the database is encrypted with key ${keyIdOf(writtenWith)}, which is not configured: set REFERRAL_KEYS`));
  });

  it('a backup of it restored under another key warns, on the restore, that the app will refuse to start', async () => {
    const file = path.join(freshDataDir, 'server.archive');
    const backup = await runBackupCli('backup', file, { MONGODB_URI: db.uri, DATA_DIR: freshDataDir, REFERRAL_KEY: writtenWith.toString('hex') });
    assert.equal(backup.code, 0, backup.out);
    assert.match(backup.out, /^MONGODB_URI: collections are read one after another, so this archive is only consistent while nothing writes/m);
    assert.match(backup.out, /The archive does not hold the referral keys/);

    const target = `${db.uri}_restored`;
    try {
      const restore = await runBackupCli('restore', file, { MONGODB_URI: target, DATA_DIR: freshDataDir, REFERRAL_KEY: randomBytes(32).toString('hex') });
      assert.equal(restore.code, 0, restore.out);
      assert.match(restore.out, new RegExp(`^Warning: Referral text in the database is encrypted with key ${keyIdOf(writtenWith)}, which is not configured`, 'm'));
    } finally {
      await mongoose.connection.useDb(`${mongoose.connection.db!.databaseName}_restored`).dropDatabase();
    }
  });

  it('starts when the ring holds that key behind a new current key', async () => {
    const app = await startAppProcess(db.uri, { REFERRAL_KEY: '', REFERRAL_KEYS: `${randomBytes(32).toString('hex')},${writtenWith.toString('hex')}` });
    assert.equal(await app.stop(), 0);
  });
});
