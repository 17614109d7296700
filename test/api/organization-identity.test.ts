import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestOrganization, createTestUser, signedInAgent, signIn, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Reads the organisation for its ETag, then PATCHes it as `who`. */
async function patchOrganization(who: SignedIn, organizationId: string, body: Record<string, unknown>) {
  const current = await who.agent.get(`/api/v1/organizations/${organizationId}`).expect(200);
  return who.agent.patch(`/api/v1/organizations/${organizationId}`).set('X-CSRF-Token', who.csrf).set('If-Match', current.headers.etag!).send(body);
}

describe('an organisation’s name and type, and the roles that depend on them', () => {
  let t: TestApp;
  let platformAdmin: SignedIn;
  let otherOrganization: string;

  before(async () => {
    t = await startTestApp();
    platformAdmin = await signedInAgent(t.app, { role: 'platform-admin' });
    otherOrganization = await createTestOrganization('local-ngo');
  });
  after(() => t.close());

  it('an NGO admin cannot make their organisation a government body: 403 problem+json naming the field', async () => {
    const ngo = await createTestOrganization('local-ngo');
    const admin = await signedInAgent(t.app, { role: 'org-admin', organizationId: ngo });
    const res = await patchOrganization(admin, ngo, { type: 'government' });
    assert.equal(res.status, 403, JSON.stringify(res.body));
    assert.match(res.headers['content-type']!, /application\/problem\+json/);
    assert.equal(res.body.type, '/problems/name-and-type-by-platform-admin');
    assert.match(res.body.detail, /platform administrator/);
    assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field), ['body.type']);
    const stored = await admin.agent.get(`/api/v1/organizations/${ngo}`).expect(200);
    assert.equal(stored.body.type, 'local-ngo');
  });

  it('nor rename it; resending the same name and type with other changes is fine, and a platform admin may change both', async () => {
    const ngo = await createTestOrganization('local-ngo', 'Hope Path Association');
    const admin = await signedInAgent(t.app, { role: 'org-admin', organizationId: ngo });
    const renamed = await patchOrganization(admin, ngo, { name: { en: 'Ministry of Interior' } });
    assert.equal(renamed.status, 403);
    assert.deepEqual(renamed.body.errors.map((e: { field: string }) => e.field), ['body.name']);
    const unchanged = await patchOrganization(admin, ngo, { name: { en: 'Hope Path Association' }, type: 'local-ngo', website: 'https://hope-path.example' });
    assert.equal(unchanged.status, 200, JSON.stringify(unchanged.body));
    assert.equal(unchanged.body.website, 'https://hope-path.example');
    const byPlatform = await patchOrganization(platformAdmin, ngo, { name: { en: 'Hope Path Foundation' }, type: 'community-based' });
    assert.equal(byPlatform.status, 200, JSON.stringify(byPlatform.body));
    assert.equal(byPlatform.body.type, 'community-based');
  });

  it('a government liaison whose organisation stops being a government body loses the powers at once', async () => {
    // The attack with the type flipped by whoever may: grant gov-liaison while government, flip back.
    const org = await createTestOrganization('local-ngo');
    const admin = await signedInAgent(t.app, { role: 'org-admin', organizationId: org });
    const { user: member, password } = await createTestUser({ role: 'caseworker', organizationId: org });
    assert.equal((await patchOrganization(platformAdmin, org, { type: 'government' })).status, 200);
    const granted = await admin.agent.patch(`/api/v1/organizations/${org}/members/${member.id}`).set('X-CSRF-Token', admin.csrf).send({ role: 'gov-liaison' });
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    const liaison = await signIn(t.app, member.email, password);
    assert.equal((await liaison.agent.get(`/api/v1/referrals/stats?organizationId=${otherOrganization}`)).status, 200, 'a liaison of a government body sees every organisation');

    assert.equal((await patchOrganization(platformAdmin, org, { type: 'local-ngo' })).status, 200);
    // Same session, no sign-in again: the role is derived from the organisation on every request.
    const stats = await liaison.agent.get(`/api/v1/referrals/stats?organizationId=${otherOrganization}`);
    assert.equal(stats.status, 403, JSON.stringify(stats.body));
    assert.equal((await liaison.agent.get('/api/v1/referrals/stats')).body.scope.organizationId, org);
    const me = await liaison.agent.get('/api/v1/auth/me').expect(200);
    assert.equal(me.body.user.role, 'caseworker');
  });
});
