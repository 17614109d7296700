import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { backupDatabase } from '../../server/platform/db/backup.js';
import { runBackupCli } from '../support/backup-cli.js';
import { useFreshDatabase } from '../support/database.js';

const TRIALS = 5;

describe('a restore killed at any moment', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let dir: string;
  let file: string;
  let written: Record<string, number>;
  const targets: string[] = [];
  before(async () => {
    db = await useFreshDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-restore-killed-'));
    const source = mongoose.connection.db!;
    // Several sizeable collections, so a kill can land while staging and while switching.
    for (const name of ['probe_a', 'probe_b', 'probe_c', 'probe_d']) {
      await source.collection(name).insertMany(Array.from({ length: 1500 }, (_, i) => ({ i, text: `${name} ${i} `.repeat(6) })));
    }
    file = path.join(dir, 'probe.archive');
    written = await backupDatabase(source, file);
  });
  after(async () => {
    for (const name of targets) await mongoose.connection.useDb(name).dropDatabase();
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  const restoreInto = (name: string, killAfterMs?: number) =>
    runBackupCli('restore', file, { MONGODB_URI: `${db.uri}_${name}`, DATA_DIR: dir }, { killAfterMs });
  const countsIn = async (name: string) => {
    const target = mongoose.connection.useDb(`${mongoose.connection.db!.databaseName}_${name}`).db!;
    return Object.fromEntries(await Promise.all(Object.keys(written).map(async (c) => [c, await target.collection(c).countDocuments()] as const)));
  };

  it(`after a kill (${TRIALS} trials spread over the restore), the next restore succeeds and the target equals the archive`, async () => {
    targets.push(`${mongoose.connection.db!.databaseName}_calibration`);
    const started = Date.now();
    const calibration = await restoreInto('calibration');
    const fullMs = Date.now() - started;
    assert.equal(calibration.code, 0, calibration.out);

    for (let trial = 0; trial < TRIALS; trial++) {
      const name = `trial${trial}`;
      targets.push(`${mongoose.connection.db!.databaseName}_${name}`);
      const killed = await restoreInto(name, Math.round(fullMs * (0.35 + (0.6 * trial) / TRIALS)));
      // A run that finished before its kill (the machine was quicker than at calibration) needs no retry.
      if (killed.code !== 0) {
        const retry = await restoreInto(name);
        assert.equal(retry.code, 0, `trial ${trial} (first run exited ${killed.code}): ${retry.out}`);
      }
      assert.deepEqual(await countsIn(name), written, `trial ${trial}: every collection as in the archive`);
    }
  });
});
