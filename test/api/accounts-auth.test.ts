import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { SessionRecordModel } from '../../server/accounts/session-record.model.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/platform/config.js';
import { createLogger } from '../../server/platform/logging.js';
import { anonymousAgent, createTestUser, signedInAgent, signIn, strongPassword } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const sessionCookie = (res: request.Response): string => {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('ctd.sid='));
  assert.ok(cookie, `no ctd.sid cookie in ${JSON.stringify(cookies)}`);
  return cookie;
};
const cookiePair = (setCookie: string) => setCookie.split(';')[0]!;
const sessionIdOf = (setCookie: string) => decodeURIComponent(cookiePair(setCookie).slice('ctd.sid='.length)).replace(/^s:/, '').split('.')[0]!;

/** Signs in with plain requests (no agent) and returns the session cookie and token. */
async function signInRaw(app: TestApp['app'], email: string, password: string) {
  const csrfRes = await request(app).get('/api/v1/auth/csrf').expect(200);
  const anonymousCookie = sessionCookie(csrfRes);
  const login = await request(app)
    .post('/api/v1/auth/login')
    .set('Cookie', cookiePair(anonymousCookie))
    .set('X-CSRF-Token', csrfRes.body.token)
    .send({ email, password })
    .expect(200);
  return { anonymousCookie, cookie: sessionCookie(login), csrf: login.body.csrfToken as string, oldCsrf: csrfRes.body.token as string };
}

describe('sign-in, session and CSRF', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('GET /auth/me without a session answers 200 with no user (anonymous is not an error)', async () => {
    const res = await request(t.app).get('/api/v1/auth/me').expect(200, { user: null });
    assert.match(res.headers['content-type']!, /application\/json/);
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  it('signs in by email in any letter case, shows the user, signs out', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker', email: 'Mixed.Case@Example.test' });
    const { agent, csrf } = await signIn(t.app, 'mixed.CASE@example.TEST', password);
    const me = await agent.get('/api/v1/auth/me').expect(200);
    assert.equal(me.body.user.id, user.id);
    assert.equal(me.body.user.email, 'Mixed.Case@Example.test');
    assert.equal(me.body.user.role, 'caseworker');
    assert.equal(me.body.user.organization.id, user.organizationId);
    assert.match(me.body.user.organization.name.en, /^Test organisation/);
    assert.equal('passwordHash' in me.body.user, false);

    await agent.post('/api/v1/auth/logout').set('X-CSRF-Token', csrf).expect(204);
    await agent.get('/api/v1/auth/me').expect(200, { user: null });
  });

  it('signedInAgent gives a platform admin without an organisation', async () => {
    const { agent, user } = await signedInAgent(t.app, { role: 'platform-admin' });
    const me = await agent.get('/api/v1/auth/me').expect(200);
    assert.equal(me.body.user.organization, null);
    assert.equal(user.organizationId, null);
  });

  it('refuses a wrong password with 401 and the same answer for an unknown email', async () => {
    const { user } = await createTestUser({ role: 'caseworker' });
    const { agent, csrf } = await anonymousAgent(t.app);
    const wrong = await agent.post('/api/v1/auth/login').set('X-CSRF-Token', csrf).send({ email: user.email, password: strongPassword() }).expect(401);
    const unknown = await agent.post('/api/v1/auth/login').set('X-CSRF-Token', csrf).send({ email: 'nobody@example.test', password: strongPassword() }).expect(401);
    assert.equal(wrong.body.detail, unknown.body.detail);
  });

  it('sign-in without a CSRF token is refused with 403', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    await request(t.app).post('/api/v1/auth/login').send({ email: user.email, password }).expect(403);
    const { agent } = await anonymousAgent(t.app);
    const res = await agent.post('/api/v1/auth/login').send({ email: user.email, password }).expect(403);
    assert.equal(res.body.type, '/problems/csrf');
    await agent.post('/api/v1/auth/login').set('X-CSRF-Token', 'not-the-token').send({ email: user.email, password }).expect(403);
  });

  it('the session cookie is HttpOnly and SameSite=Lax (not Secure outside production)', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    const { cookie } = await signInRaw(t.app, user.email, password);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(cookie, /Secure/i);
    assert.match(cookie, /Path=\//);
  });

  it('sign-in rotates the session id and the CSRF token; the old token no longer works', async () => {
    const { user, password } = await createTestUser({ role: 'org-admin' });
    const { anonymousCookie, cookie, csrf, oldCsrf } = await signInRaw(t.app, user.email, password);
    assert.notEqual(sessionIdOf(cookie), sessionIdOf(anonymousCookie));
    assert.notEqual(csrf, oldCsrf);
    // The anonymous session is gone: its cookie is not signed in.
    await request(t.app).get('/api/v1/auth/me').set('Cookie', cookiePair(anonymousCookie)).expect(200, { user: null });
    await request(t.app).post('/api/v1/auth/logout').set('Cookie', cookiePair(cookie)).set('X-CSRF-Token', oldCsrf).expect(403);
    const again = await request(t.app).get('/api/v1/auth/csrf').set('Cookie', cookiePair(cookie)).expect(200);
    assert.equal(again.body.token, csrf);
  });

  it('a signed-in write without X-CSRF-Token is refused with 403; without a session it is 401', async () => {
    const { agent, csrf, user } = await signedInAgent(t.app, { role: 'org-admin' });
    const body = { email: 'someone.new@example.test', role: 'caseworker', organizationId: user.organizationId };
    const refused = await agent.post('/api/v1/invitations').send(body).expect(403);
    assert.equal(refused.body.type, '/problems/csrf');
    await agent.post('/api/v1/invitations').set('X-CSRF-Token', `${csrf}x`).send(body).expect(403);
    await agent.post('/api/v1/invitations').set('X-CSRF-Token', csrf).send(body).expect(201);

    await request(t.app).post('/api/v1/invitations').send(body).expect(401);
    await request(t.app).patch(`/api/v1/organizations/${user.organizationId}/members/${user.id}`).send({ role: 'caseworker' }).expect(401);
    await request(t.app).delete(`/api/v1/organizations/${user.organizationId}/members/${user.id}`).expect(401);
    await request(t.app).post('/api/v1/auth/password').send({ currentPassword: 'x', newPassword: 'y' }).expect(401);
  });

  it('the session is stored in the database and survives an app restart', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    const { cookie } = await signInRaw(t.app, user.email, password);
    const restarted = createApp({ config: t.config, logger: createLogger('silent') });
    const me = await request(restarted).get('/api/v1/auth/me').set('Cookie', cookiePair(cookie)).expect(200);
    assert.equal(me.body.user.id, user.id);
    assert.ok(await SessionRecordModel.exists({ _id: sessionIdOf(cookie), 'session.passport.user': user.id }));
  });

  it('a session ends after the idle timeout and after the absolute lifetime', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    const idle = await signInRaw(t.app, user.email, password);
    await SessionRecordModel.updateOne({ _id: sessionIdOf(idle.cookie) }, { $set: { expires: new Date(Date.now() - 1000) } });
    await request(t.app).get('/api/v1/auth/me').set('Cookie', cookiePair(idle.cookie)).expect(200, { user: null });

    const old = await signInRaw(t.app, user.email, password);
    const tooOld = Date.now() - (t.config.SESSION_MAX_HOURS * 3_600_000 + 60_000);
    await SessionRecordModel.updateOne({ _id: sessionIdOf(old.cookie) }, { $set: { 'session.authenticatedAt': tooOld } });
    await request(t.app).get('/api/v1/auth/me').set('Cookie', cookiePair(old.cookie)).expect(200, { user: null });
  });

  it('changing the password needs the current one, keeps this session and ends the others', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker' });
    const here = await signIn(t.app, user.email, password);
    const elsewhere = await signIn(t.app, user.email, password);
    const newPassword = strongPassword();

    const wrong = await here.agent.post('/api/v1/auth/password').set('X-CSRF-Token', here.csrf).send({ currentPassword: strongPassword(), newPassword }).expect(400);
    assert.equal(wrong.body.errors[0].field, 'body.currentPassword');
    const weak = await here.agent.post('/api/v1/auth/password').set('X-CSRF-Token', here.csrf).send({ currentPassword: password, newPassword: 'Password2024!' }).expect(400);
    assert.equal(weak.body.errors[0].field, 'body.newPassword');

    await here.agent.post('/api/v1/auth/password').set('X-CSRF-Token', here.csrf).send({ currentPassword: password, newPassword }).expect(204);
    await here.agent.get('/api/v1/auth/me').expect(200);
    await elsewhere.agent.get('/api/v1/auth/me').expect(200, { user: null });
    await assert.rejects(signIn(t.app, user.email, password), /401/);
    await signIn(t.app, user.email, newPassword);
  });

  it('security headers: strict CSP, no X-Powered-By, no HSTS outside production', async () => {
    const res = await request(t.app).get('/api/v1/governorates').expect(200);
    const csp = res.headers['content-security-policy']!;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers['x-powered-by'], undefined);
    assert.equal(res.headers['strict-transport-security'], undefined);
    const docs = await request(t.app).get('/api/docs').expect(200);
    assert.match(docs.headers['content-security-policy']!, /style-src 'self' 'unsafe-inline'/);
    assert.match(docs.headers['content-security-policy']!, /script-src 'self'(;|$)/);
  });
});

describe('session cookie and headers in production', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('marks the cookie Secure behind a TLS proxy, sends HSTS and allows the tile host in img-src', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ct-directory-prod-')),
      SESSION_SECRET: 'a'.repeat(48),
      REFERRAL_KEY: 'ab'.repeat(32),
      TRUST_PROXY: 'true',
      TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
    });
    const app = createApp({ config, logger: createLogger('silent') });
    const res = await request(app).get('/api/v1/auth/csrf').set('X-Forwarded-Proto', 'https').expect(200);
    const cookie = sessionCookie(res);
    assert.match(cookie, /; Secure/i);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(res.headers['strict-transport-security']!, /max-age=31536000/);
    assert.match(res.headers['content-security-policy']!, /img-src 'self' data: https:\/\/\*\.tile\.example\.org/);
  });
});
