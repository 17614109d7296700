import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { pointTexts } from '../support/public-walk.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

/** Place B, where the shelter was: none of this may reach the public after the shelter moves away. */
const B = { street: '4 Pomegranate Alley', lat: 36.18842, lng: 44.01133 };

describe('a place a shelter left stays secret', () => {
  let t: TestApp;
  let admin: SignedIn;
  let orgAdmin: SignedIn;
  let placeA: Created;
  let placeB: Created;
  let shelter: Created;
  let neighbour: Created;

  const anonymous = (path: string) => request(t.app).get(`/api/v1${path}`);
  const leaksB = (body: unknown) => {
    const text = JSON.stringify(body);
    return [B.street, ...pointTexts(B)].filter((s) => text.includes(s));
  };

  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
    const org = await post<Created>(admin, '/organizations', { name: { en: 'Olive Branch Aid' }, type: 'local-ngo', governorates: ['IQ-AR'] });
    orgAdmin = await signedInAgent(t.app, { role: 'org-admin', organizationId: org.id });
    const place = (name: string, street: string, lat: number, lng: number) =>
      post<Created>(admin, '/locations', { organizationId: org.id, name: { en: name }, address: { street: { en: street }, governorate: 'IQ-AR' }, lat, lng });
    placeA = await place('New premises', '1 Cedar Road', 36.1901, 44.0091);
    placeB = await place('Old premises', B.street, B.lat, B.lng);
    shelter = await post<Created>(admin, '/services', {
      organizationId: org.id,
      name: { en: 'Confidential shelter' },
      categories: ['shelter'],
      locationIds: [placeB.id],
      confidential: true,
    });
    neighbour = await post<Created>(admin, '/services', {
      organizationId: org.id,
      name: { en: 'Counselling at the old premises' },
      categories: ['case-management'],
      locationIds: [placeB.id],
    });
  });
  after(() => t.close());

  it('after the shelter moves from B to A, B is still hidden: its record, the map and the other service at B', async () => {
    const current = await admin.agent.get(`/api/v1/services/${shelter.id}`).expect(200);
    await admin.agent.patch(`/api/v1/services/${shelter.id}`).set('X-CSRF-Token', admin.csrf).set('If-Match', current.headers.etag!).send({ locationIds: [placeA.id] }).expect(200);

    await anonymous(`/locations/${placeB.id}`).expect(404);
    const page = await anonymous(`/services/${neighbour.id}`).expect(200);
    assert.deepEqual(leaksB(page.body), [], 'the other service at B');
    assert.notEqual(page.body.point?.precision, 'exact');
    for (const path of ['/map/services', '/locations', `/services?q=${encodeURIComponent('Counselling')}`, `/organizations`]) {
      const res = await anonymous(path).expect(200);
      assert.deepEqual(leaksB(res.body), [], path);
    }
    for (const path of ['/hsds/services?per_page=50']) {
      const hsds = await request(t.app).get(path).expect(200);
      assert.deepEqual(leaksB(hsds.body), [], path);
    }
    // Its organisation still sees its own place.
    const own = await orgAdmin.agent.get(`/api/v1/locations/${placeB.id}`).expect(200);
    assert.equal(own.body.heldSecret, true);
  });

  it('only a platform admin releases it, and the release is audited', async () => {
    await orgAdmin.agent.post(`/api/v1/locations/${placeB.id}/release-secrecy`).set('X-CSRF-Token', orgAdmin.csrf).expect(403);
    await anonymous(`/locations/${placeB.id}`).expect(404);

    const released = await admin.agent.post(`/api/v1/locations/${placeB.id}/release-secrecy`).set('X-CSRF-Token', admin.csrf).expect(200);
    assert.equal(released.body.heldSecret, false);
    const entry = await AuditEntryModel.findOne({ entity: 'location', action: 'location.release-secrecy', entityId: placeB.id }).lean();
    assert.ok(entry, 'the release is in the audit log');

    const now = await anonymous(`/locations/${placeB.id}`).expect(200);
    assert.equal(now.body.address.street.en, B.street);
    const page = await anonymous(`/services/${neighbour.id}`).expect(200);
    assert.equal(page.body.point?.precision, 'exact');
  });

  it('the place the shelter uses now stays hidden even after a release of the old one', async () => {
    await anonymous(`/locations/${placeA.id}`).expect(404);
  });
});
