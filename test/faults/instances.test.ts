import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { createTestOrganization, createTestUser, signIn } from '../support/auth.js';
import { referralBody } from '../api/referrals-fixtures.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { useFreshDatabase } from '../support/database.js';

/** The `name=value` part of the session cookie in a Set-Cookie header. */
const sessionCookie = (setCookie: string | string[] | undefined): string =>
  ([setCookie ?? []].flat().find((c) => c.startsWith('ctd.sid=')) ?? '').split(';')[0]!;

describe('two app instances on one database', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let a: AppProcess;
  let b: AppProcess;
  before(async () => {
    db = await useFreshDatabase();
    [a, b] = await Promise.all([startAppProcess(db.uri), startAppProcess(db.uri)]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db.drop();
  });

  it('a session made on one instance works on the other, and logging out on the other ends it everywhere', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    // Sign in on A by hand, keeping the session cookie it sets.
    const anon = await request(a.url).get('/api/v1/auth/csrf').expect(200);
    const anonCookie = sessionCookie(anon.headers['set-cookie']);
    const login = await request(a.url)
      .post('/api/v1/auth/login')
      .set('Cookie', anonCookie)
      .set('X-CSRF-Token', anon.body.token as string)
      .send({ email: user.email, password })
      .expect(200);
    const cookieHeader = sessionCookie(login.headers['set-cookie']) || anonCookie;
    const csrf = login.body.csrfToken as string;

    const onB = await request(b.url).get('/api/v1/auth/me').set('Cookie', cookieHeader).expect(200);
    assert.equal(onB.body.user.email, user.email);

    await request(b.url).post('/api/v1/auth/logout').set('Cookie', cookieHeader).set('X-CSRF-Token', csrf).expect((res) => {
      assert.ok(res.status === 204 || res.status === 200, `logout answered ${res.status}`);
    });
    await request(a.url).get('/api/v1/auth/me').set('Cookie', cookieHeader).expect(200, { user: null });
  });

  it('the login rate limit counts failures made on both instances', async () => {
    const { user } = await createTestUser({ role: 'caseworker' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const app = i % 2 ? b : a;
      const anon = request.agent(app.url);
      const csrf = (await anon.get('/api/v1/auth/csrf').expect(200)).body.token as string;
      const res = await anon.post('/api/v1/auth/login').set('X-CSRF-Token', csrf).send({ email: user.email, password: 'wrong password, surely' });
      statuses.push(res.status);
      if (res.status === 429) {
        assert.ok(Number(res.headers['retry-after']) > 0, 'Retry-After is set');
        break;
      }
      assert.equal(res.status, 401);
    }
    assert.equal(statuses.at(-1), 429, `no 429 after ${statuses.length} failures alternating between instances: ${statuses.join(',')}`);
    assert.ok(statuses.filter((s) => s === 401).length >= 2, 'failures on both instances counted before the limit');
  });

  it('a rename written elsewhere shows in both instances\' directory lists within 2 s', async () => {
    const created = await OrganizationModel.create({ name: { en: 'Cross-instance before' }, type: 'local-ngo' });
    const id = created._id.toHexString();
    const nameOn = async (url: string) =>
      ((await request(url).get('/api/v1/organizations?perPage=100&fields=name').expect(200)).body.items as { id: string; name: { en: string } }[]).find(
        (o) => o.id === id,
      )?.name.en;
    // Both catalogs have the record before the change is timed.
    for (const url of [a.url, b.url]) assert.equal(await nameOn(url), 'Cross-instance before');
    const written = Date.now();
    await OrganizationModel.findOneAndUpdate({ _id: created._id }, { $set: { 'name.en': 'Cross-instance after' }, $inc: { version: 1 } });
    for (const url of [a.url, b.url]) {
      while ((await nameOn(url)) !== 'Cross-instance after' && Date.now() - written < 5_000) await new Promise((r) => setTimeout(r, 50));
    }
    const elapsed = Date.now() - written;
    assert.equal(await nameOn(b.url), 'Cross-instance after');
    assert.ok(elapsed <= 2_000, `visible on both instances after ${elapsed} ms`);
  });

  it('a referral sent or moved on one instance is in the other instance\'s inbox and outbox at the next request', async () => {
    const [senderOrg, receiverOrg] = await Promise.all([createTestOrganization('local-ngo'), createTestOrganization('local-ngo')]);
    const [sender, receiver] = await Promise.all([
      createTestUser({ role: 'caseworker', organizationId: senderOrg }),
      createTestUser({ role: 'caseworker', organizationId: receiverOrg }),
    ]);
    // Each instance's index is loaded before the write, so the write must reach it through the feed.
    const onA = await signIn(a.url as never, sender.user.email, sender.password);
    const onB = await signIn(b.url as never, receiver.user.email, receiver.password);
    const box = async (who: typeof onA, name: string) =>
      (await who.agent.get(`/api/v1/referrals?box=${name}`).expect(200)).body.items as { id: string; status: string }[];
    assert.deepEqual(await box(onB, 'inbox'), []);
    assert.deepEqual(await box(onA, 'outbox'), []);

    const sent = await onA.agent.post('/api/v1/referrals').set('X-CSRF-Token', onA.csrf).send({ ...referralBody(receiverOrg), send: true }).expect(201);
    assert.deepEqual((await box(onB, 'inbox')).map((r) => [r.id, r.status]), [[sent.body.id, 'sent']]);
    await onB.agent.post(`/api/v1/referrals/${sent.body.id}/transitions`).set('X-CSRF-Token', onB.csrf).send({ to: 'acknowledged' }).expect(200);
    assert.deepEqual((await box(onA, 'outbox')).map((r) => [r.id, r.status]), [[sent.body.id, 'acknowledged']]);
  });
});
