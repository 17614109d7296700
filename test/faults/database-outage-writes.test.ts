import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Express } from 'express';
import mongoose from 'mongoose';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/platform/db/embedded-ferretdb.js';
import { referralBody } from '../api/referrals-fixtures.js';
import { createTestOrganization, createTestUser, signIn } from '../support/auth.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { useFreshDatabase } from '../support/database.js';

/**
 * Referrals created while the database goes away and comes back: every one answered 2xx is stored,
 * complete; none answered with an error is stored at all; the app answers 503 problems meanwhile and
 * recovers by itself.
 */
describe('database outage while referrals are being created', () => {
  let server: EmbeddedDatabase;
  let dir: string;
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let app: AppProcess;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-outage-writes-'));
    server = await startEmbeddedDatabase({ dataDir: dir });
    db = await useFreshDatabase(server.uri);
    app = await startAppProcess(db.uri);
  });
  after(async () => {
    await app?.stop('SIGKILL');
    if (!server.running) await server.restart();
    await db.drop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged referral and half-writes none', async () => {
    const receiver = await createTestOrganization('international-ngo', 'Receiver NGO');
    await createTestUser({ role: 'caseworker', organizationId: receiver }); // someone there receives referrals
    const { user, password } = await createTestUser({ role: 'caseworker' });
    const { agent, csrf } = await signIn(app.url as unknown as Express, user.email, password);

    const created: string[] = [];
    const failed: { status: number; caseCode: string; type: string }[] = [];
    let serverErrors = 0;
    const createOne = async () => {
      const body = referralBody(receiver, { send: true });
      const res = await agent.post('/api/v1/referrals').set('X-CSRF-Token', csrf).send(body);
      if (res.status === 201) created.push(res.body.id as string);
      else {
        failed.push({ status: res.status, caseCode: body.caseCode, type: String(res.headers['content-type']) });
        if (res.status >= 500 && res.status !== 503) serverErrors++;
      }
    };

    for (let i = 0; i < 5; i++) await createOne();
    await server.stop();
    const outageEnds = Date.now() + 3_000;
    while (Date.now() < outageEnds) await createOne();
    await server.restart();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await fetch(`${app.url}/readyz`)).status !== 200) await new Promise((r) => setTimeout(r, 250));
    for (let i = 0; i < 5; i++) await createOne();

    assert.ok(failed.length > 0, 'some creations were attempted during the outage');
    assert.equal(serverErrors, 0, 'errors during the outage are 503, not 500');
    for (const f of failed) assert.match(f.type, /application\/problem\+json/);
    assert.ok(created.length >= 10, `creations before and after the outage succeed (${created.length})`);

    // This process's driver reconnects too; read what is stored.
    const deadlineRead = Date.now() + 30_000;
    let stored: mongoose.mongo.WithId<mongoose.mongo.Document>[] = [];
    while (Date.now() < deadlineRead) {
      try {
        stored = await mongoose.connection.collection('referrals').find({}).toArray();
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    const storedIds = new Set(stored.map((r) => String(r._id)));
    for (const id of created) assert.ok(storedIds.has(id), `referral ${id} answered 201 is stored`);
    const storedCodes = new Set(stored.map((r) => r.caseCode as string));
    for (const f of failed) assert.ok(!storedCodes.has(f.caseCode), `referral ${f.caseCode} answered ${f.status} was not stored`);
    for (const r of stored) {
      assert.equal(r.status, 'sent', 'every stored referral is complete');
      assert.ok(Array.isArray(r.history) && r.history.length >= 1, 'and has its history');
    }
  });
});
