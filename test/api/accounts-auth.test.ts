import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { anonymousAgent, createTestUser, signedInAgent, signIn, strongPassword } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('sign-in, session and CSRF', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('GET /auth/me without a session answers 401 as a problem', async () => {
    const res = await request(t.app).get('/api/v1/auth/me').expect(401);
    assert.match(res.headers['content-type']!, /application\/problem\+json/);
    assert.equal(res.body.status, 401);
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
    await agent.get('/api/v1/auth/me').expect(401);
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
});
