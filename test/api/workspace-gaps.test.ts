import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

/** What the organisation workspace needs from the API: confirming the organisation, its archived records, its head office. */
describe('organisation workspace: confirm, archived records, head office', () => {
  let t: TestApp;
  let admin: SignedIn;
  let org: Created;
  let orgAdmin: SignedIn;
  let caseworker: SignedIn;
  let outsider: SignedIn;
  let office: Created;
  let shelter: Created;

  const api = (path: string) => `/api/v1${path}`;
  const archive = (path: string) => post(orgAdmin, `${path}/archive`, {}, 200);

  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
    org = await post<Created>(admin, '/organizations', { name: { en: 'Zab Relief' }, type: 'local-ngo' });
    orgAdmin = await signedInAgent(t.app, { role: 'org-admin', organizationId: org.id });
    caseworker = await signedInAgent(t.app, { role: 'caseworker', organizationId: org.id });
    outsider = await signedInAgent(t.app, { role: 'org-admin' });
    office = await post<Created>(orgAdmin, '/locations', { organizationId: org.id, name: { en: 'Erbil office' }, address: { governorate: 'IQ-AR' } });
    shelter = await post<Created>(orgAdmin, '/locations', {
      organizationId: org.id,
      name: { en: 'Zab safe house' },
      address: { governorate: 'IQ-AR' },
      confidential: true,
    });
  });
  after(() => t.close());

  it('confirming the organisation renews lastVerifiedAt, for its admins and platform admins, with If-Match and an audit entry', async () => {
    const confirmed = await post<{ lastVerifiedAt: string; version: number }>(orgAdmin, `/organizations/${org.id}/confirm`, {}, 200);
    assert.ok(Date.now() - Date.parse(confirmed.lastVerifiedAt) < 60_000);
    const stale = await orgAdmin.agent.post(api(`/organizations/${org.id}/confirm`)).set('X-CSRF-Token', orgAdmin.csrf).set('If-Match', '"1"');
    assert.equal(stale.status, 412);
    await admin.agent
      .post(api(`/organizations/${org.id}/confirm`))
      .set('X-CSRF-Token', admin.csrf)
      .set('If-Match', `"${confirmed.version}"`)
      .expect(200);
    await caseworker.agent.post(api(`/organizations/${org.id}/confirm`)).set('X-CSRF-Token', caseworker.csrf).expect(403);
    await outsider.agent.post(api(`/organizations/${org.id}/confirm`)).set('X-CSRF-Token', outsider.csrf).expect(403);
    assert.equal(await AuditEntryModel.countDocuments({ action: 'organization.confirm', entityId: org.id }), 2);
  });

  it('lists archived services, places and contacts to those who may write them, with archivedAt', async () => {
    const service = await post<Created>(orgAdmin, '/services', { organizationId: org.id, name: { en: 'Hidden clinic' }, governorates: ['IQ-AR'] });
    const place = await post<Created>(orgAdmin, '/locations', { organizationId: org.id, name: { en: 'Old depot' }, address: { governorate: 'IQ-AR' } });
    const contact = await post<Created>(orgAdmin, '/contacts', { organizationId: org.id, name: 'Former focal point' });
    await post<Created>(orgAdmin, '/services', { organizationId: org.id, name: { en: 'Open clinic' }, governorates: ['IQ-AR'] });
    await post<Created>(orgAdmin, '/contacts', { organizationId: org.id, name: 'Current focal point' });
    await Promise.all([archive(`/services/${service.id}`), archive(`/locations/${place.id}`), archive(`/contacts/${contact.id}`)]);

    for (const [collection, id] of [
      ['services', service.id],
      ['locations', place.id],
      ['contacts', contact.id],
    ] as const) {
      const live = await orgAdmin.agent.get(api(`/${collection}?organization=${org.id}`)).expect(200);
      assert.ok(!live.body.items.some((i: { id: string }) => i.id === id), `${collection}: archived left out by default`);
      assert.ok(live.body.items.every((i: object) => !('archivedAt' in i)), `${collection}: no archivedAt unless asked`);

      const only = await orgAdmin.agent.get(api(`/${collection}?organization=${org.id}&archived=only`)).expect(200);
      assert.deepEqual(
        only.body.items.map((i: { id: string }) => i.id),
        [id],
        `${collection}: only the archived one`,
      );
      assert.ok(Date.now() - Date.parse(only.body.items[0].archivedAt) < 60_000);

      const all = await orgAdmin.agent.get(api(`/${collection}?organization=${org.id}&archived=include`)).expect(200);
      assert.ok(all.body.items.some((i: { id: string; archivedAt: string | null }) => i.id === id && i.archivedAt));
      assert.ok(all.body.items.some((i: { archivedAt: string | null }) => i.archivedAt === null), `${collection}: live ones too`);

      await request(t.app).get(api(`/${collection}?organization=${org.id}&archived=include`)).expect(401);
      await caseworker.agent.get(api(`/${collection}?organization=${org.id}&archived=only`)).expect(403);
      await outsider.agent.get(api(`/${collection}?organization=${org.id}&archived=only`)).expect(403);
      await orgAdmin.agent.get(api(`/${collection}?archived=only`)).expect(400);
      const byAdmin = await admin.agent.get(api(`/${collection}?organization=${org.id}&archived=only`)).expect(200);
      assert.equal(byAdmin.body.total, 1);

      // Read on its own by an editor, an archived record says it is archived.
      const one = await orgAdmin.agent.get(api(`/${collection}/${id}`)).expect(200);
      assert.equal(one.body.archivedAt, only.body.items[0].archivedAt);
      await request(t.app).get(api(`/${collection}/${id}`)).expect(404);
    }
  });

  it('the head office: shown to the organisation’s editors, to the public only when the place is not confidential', async () => {
    const open = await orgAdmin.agent.get(api(`/organizations/${org.id}`)).expect(200);
    await orgAdmin.agent
      .patch(api(`/organizations/${org.id}`))
      .set('X-CSRF-Token', orgAdmin.csrf)
      .set('If-Match', open.headers.etag as string)
      .send({ headOfficeLocationId: office.id })
      .expect(200);
    const publicView = await request(t.app).get(api(`/organizations/${org.id}`)).expect(200);
    assert.equal(publicView.body.headOfficeLocationId, office.id);
    assert.equal(publicView.body.headOfficeGovernorate, 'IQ-AR');

    const current = await orgAdmin.agent.get(api(`/organizations/${org.id}`)).expect(200);
    const moved = await orgAdmin.agent
      .patch(api(`/organizations/${org.id}`))
      .set('X-CSRF-Token', orgAdmin.csrf)
      .set('If-Match', current.headers.etag as string)
      .send({ headOfficeLocationId: shelter.id })
      .expect(200);
    assert.equal(moved.body.headOfficeLocationId, shelter.id);
    const hidden = await request(t.app).get(api(`/organizations/${org.id}`)).expect(200);
    assert.equal(hidden.body.headOfficeLocationId, null, 'a confidential head office is not named to the public');
    assert.ok(!JSON.stringify(hidden.body).includes(shelter.id));
    const byOutsider = await outsider.agent.get(api(`/organizations/${org.id}`)).expect(200);
    assert.equal(byOutsider.body.headOfficeLocationId, null);
    const byAdmin = await admin.agent.get(api(`/organizations/${org.id}`)).expect(200);
    assert.equal(byAdmin.body.headOfficeLocationId, shelter.id);
  });
});
