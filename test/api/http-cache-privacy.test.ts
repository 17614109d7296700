import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildDirectory, SECRET, type Directory } from './directory-fixtures.js';

/**
 * A confidential service's exact place goes to members of its organisation only. Their answer must not
 * be reused for anyone else: not by a shared cache, and not by the browser after sign-out, which
 * revalidates its copy with the member's ETag as an anonymous client.
 */
describe('answers that depend on who asks are never shared', () => {
  let t: TestApp;
  let d: Directory;
  let member: SignedIn;
  const paths = () => [
    `/api/v1/services/${d.services.s3.id}`,
    `/api/v1/organizations/${d.orgs.A.id}`,
    `/api/v1/locations/${d.locations.safeHouse.id}`,
  ];
  const secrets = [SECRET.street, SECRET.name, String(SECRET.lat), String(SECRET.lng)];

  before(async () => {
    t = await startTestApp();
    d = await buildDirectory(t.app);
    member = await signedInAgent(t.app, { role: 'org-admin', organizationId: d.orgs.A.id });
  });
  after(() => t.close());

  it('an anonymous client sending the member’s ETag gets the public answer, never a 304', async () => {
    for (const path of paths()) {
      const own = await member.agent.get(path).expect(200);
      assert.ok(own.text.includes(SECRET.name), `${path}: the member sees the safe house`);
      const etag = own.headers.etag;
      assert.ok(etag, `${path}: the member's answer has a validator`);

      const anonymous = await request(t.app).get(path).set('If-None-Match', etag);
      assert.notEqual(anonymous.status, 304, `${path}: the member's ETag validated the anonymous answer`);
      assert.deepEqual(secrets.filter((s) => anonymous.text.includes(s)), [], `${path}: anonymous body`);
      assert.notEqual(anonymous.headers.etag, etag, `${path}: one view's ETag names another view`);

      const outsider = await signedInAgent(t.app, { role: 'org-admin', organizationId: d.orgs.B.id });
      const other = await outsider.agent.get(path).set('If-None-Match', etag);
      assert.notEqual(other.status, 304, `${path}: the member's ETag validated another organisation's answer`);
      assert.deepEqual(secrets.filter((s) => other.text.includes(s)), [], `${path}: another organisation's body`);
    }
  });

  it('signed-in answers are private, revalidated and vary with the cookie', async () => {
    for (const path of paths()) {
      const own = await member.agent.get(path).expect(200);
      assert.equal(own.headers['cache-control'], 'private, no-cache', path);
      const vary = (own.headers.vary ?? '').split(',').map((v: string) => v.trim().toLowerCase());
      assert.ok(vary.includes('cookie'), `${path}: Vary is "${own.headers.vary}"`);
    }
    const anonymous = await request(t.app).get(`/api/v1/services/${d.services.s3.id}`).expect(200);
    assert.equal(anonymous.headers['cache-control'], 'private, no-cache', 'the anonymous view is per viewer too');
    const referrals = await member.agent.get('/api/v1/referrals').expect(200);
    assert.equal(referrals.headers['cache-control'], 'no-store', 'case data is never stored');
    const shapes = await request(t.app).get('/api/v1/governorates.geojson').expect(200);
    assert.equal(shapes.headers['cache-control'], 'public, max-age=3600', 'the same for everyone: shared caches may keep it');
    assert.ok(!/cookie/i.test(shapes.headers.vary ?? ''), `governorates Vary is "${shapes.headers.vary}"`);
  });

  it('the member’s own copy still revalidates with 304 while nothing changed', async () => {
    for (const path of paths()) {
      const own = await member.agent.get(path).expect(200);
      const again = await member.agent.get(path).set('If-None-Match', own.headers.etag!);
      assert.equal(again.status, 304, path);
      assert.equal(again.text, '');
    }
  });

  it('If-Match takes the ETag as read; a stale or malformed one is 412', async () => {
    const path = `/api/v1/services/${d.services.s3.id}`;
    const read = await member.agent.get(path).expect(200);
    const edit = (ifMatch: string, en: string) =>
      member.agent.patch(path).set('X-CSRF-Token', member.csrf).set('If-Match', ifMatch).send({ description: { en } });
    const edited = await edit(read.headers.etag!, 'Protected accommodation, meals included.').expect(200);
    assert.equal(edited.body.description.en, 'Protected accommodation, meals included.');
    assert.match(edited.headers.etag!, new RegExp(`^"${read.body.version + 1}\\.`), 'the new ETag carries the new version');
    const stale = await edit(read.headers.etag!, 'Lost edit');
    assert.equal(stale.status, 412);
    const malformed = await edit('"not-a-version"', 'Lost edit');
    assert.equal(malformed.status, 412);
    assert.match(malformed.headers['content-type']!, /application\/problem\+json/);
    const current = await member.agent.get(path).expect(200);
    assert.equal(current.body.description.en, 'Protected accommodation, meals included.');
    // The old copy no longer validates: the member gets the new body.
    assert.equal((await member.agent.get(path).set('If-None-Match', read.headers.etag!)).status, 200);
  });
});
