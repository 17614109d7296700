import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { availableParallelism } from 'node:os';
import { after, before, describe, it } from 'node:test';
import type { Express } from 'express';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { createTestUser, signIn } from '../support/auth.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { useFreshDatabase } from '../support/database.js';

/**
 * SATURATE_CORES=1 runs the test with every core kept busy by another process, as on a loaded CI
 * machine. Each spinner exits by itself once this process is gone.
 */
function saturateCores(): ChildProcess[] {
  if (process.env.SATURATE_CORES !== '1') return [];
  const spin = 'for (let i = 1; ; i++) if (i % 1e7 === 0 && process.ppid !== Number(process.argv[1])) process.exit(0);';
  return Array.from({ length: availableParallelism() }, () =>
    spawn(process.execPath, ['-e', spin, String(process.pid)], { stdio: 'ignore' }),
  );
}

describe('graceful shutdown under load', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let app: AppProcess;
  let spinners: ChildProcess[] = [];
  before(async () => {
    db = await useFreshDatabase();
    app = await startAppProcess(db.uri);
    spinners = saturateCores();
  });
  after(async () => {
    for (const spinner of spinners) spinner.kill('SIGKILL');
    await app?.stop('SIGKILL');
    await db.drop();
  });

  it('SIGTERM with requests in flight: every accepted request gets its full answer and no write is lost', async () => {
    const { user, password } = await createTestUser({ role: 'platform-admin' });
    const { agent, csrf } = await signIn(app.url as unknown as Express, user.email, password);
    const marker = `Shutdown probe ${Date.now()}`;

    type Outcome = { kind: 'answered'; status: number; write: boolean } | { kind: 'refused' } | { kind: 'broken'; error: string };
    const send = async (i: number): Promise<Outcome> => {
      const write = i % 2 === 0;
      try {
        const res = write
          ? await agent.post('/api/v1/organizations').set('X-CSRF-Token', csrf).send({ name: { en: `${marker} ${i}` }, type: 'local-ngo' })
          : await agent.get('/api/v1/organizations?perPage=50');
        return { kind: 'answered', status: res.status, write };
      } catch (err) {
        const code = (err as { code?: string }).code ?? String(err);
        // Refused: the server had stopped accepting; nothing was sent. Anything else cut an accepted request.
        return code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'broken', error: code };
      }
    };

    const inFlight = Array.from({ length: 40 }, (_, i) => send(i));
    await new Promise((r) => setTimeout(r, 30));
    const code = app.stop('SIGTERM');
    const late = Array.from({ length: 10 }, (_, i) => send(100 + i));
    const outcomes = await Promise.all([...inFlight, ...late]);
    assert.equal(await code, 0, 'the process exits cleanly');

    const broken = outcomes.filter((o) => o.kind === 'broken');
    assert.deepEqual(broken, [], 'no accepted request was cut off');
    const answered = outcomes.filter((o): o is Extract<Outcome, { kind: 'answered' }> => o.kind === 'answered');
    assert.ok(answered.length >= 1, 'some requests were in flight when the signal came');
    for (const o of answered) assert.ok(o.status < 500, `an accepted request answered ${o.status}`);

    const created = answered.filter((o) => o.write && o.status === 201).length;
    const stored = await OrganizationModel.countDocuments({ 'name.en': { $regex: `^${marker}` } });
    assert.equal(stored, created, 'every write that was answered 201 is in the database, and no other');
  });
});

describe('graceful shutdown with exports in flight', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let app: AppProcess;
  before(async () => {
    db = await useFreshDatabase();
    app = await startAppProcess(db.uri);
    await OrganizationModel.create({ name: { en: 'Export during shutdown' }, type: 'local-ngo' });
  });
  after(async () => {
    await app?.stop('SIGKILL');
    await db.drop();
  });

  it('exports under way are answered in full; a new export while draining gets 503 problem+json', async () => {
    const exportOnce = async () => {
      const res = await fetch(`${app.url}/hsds/export.zip`);
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), length: res.headers.get('content-length'), body };
    };
    // In flight means the app has them: their whole request sent (and a moment to read it, on a busy machine) before SIGTERM.
    const sent: Promise<void>[] = [];
    const inFlight = Array.from({ length: 3 }, () => {
      const answer = new Promise<{ status: number; type: string | null; length: string | null; body: Buffer }>((resolve, reject) => {
        const req = httpGet(`${app.url}/hsds/export.zip`, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? null, length: res.headers['content-length'] ?? null, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        });
        req.on('error', reject);
        sent.push(new Promise((r) => req.on('finish', () => r())));
      });
      return answer;
    });
    await Promise.all(sent);
    await new Promise((r) => setTimeout(r, 300));
    const code = app.stop('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    const late = await exportOnce();
    assert.equal(late.status, 503, 'a heavy request arriving during the drain is refused');
    assert.match(late.type ?? '', /^application\/problem\+json/);
    assert.equal(JSON.parse(late.body.toString('utf8')).status, 503);

    for (const res of await Promise.all(inFlight)) {
      assert.equal(res.status, 200);
      assert.equal(Number(res.length), res.body.length, 'the whole file arrived');
    }
    assert.equal(await code, 0, 'the process exits cleanly within its deadline');
  });
});
