import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

describe('directory records: create, update, archive, restore', () => {
  let t: TestApp;
  let admin: SignedIn;
  let org: Created;
  let other: Created;
  let orgAdmin: SignedIn;
  let location: Created;

  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
    org = await post<Created>(admin, '/organizations', { name: { en: 'Tigris Aid', ar: 'إغاثة دجلة' }, type: 'local-ngo', acceptsReferrals: true });
    other = await post<Created>(admin, '/organizations', { name: { en: 'Other NGO' }, type: 'local-ngo' });
    orgAdmin = await signedInAgent(t.app, { role: 'org-admin', organizationId: org.id });
    location = await post<Created>(orgAdmin, '/locations', {
      organizationId: org.id,
      name: { en: 'Mosul office' },
      address: { governorate: 'IQ-NI' },
      lat: 36.34,
      lng: 43.13,
    });
  });
  after(() => t.close());

  const api = (path: string) => `/api/v1${path}`;
  const patch = (who: SignedIn, path: string, body: object, version?: number | string) => {
    const req = who.agent.patch(api(path)).set('X-CSRF-Token', who.csrf);
    if (version !== undefined) req.set('If-Match', typeof version === 'number' ? `"${version}"` : version);
    return req.send(body);
  };
  const newService = (body: object = {}) =>
    post<Created & Record<string, unknown>>(orgAdmin, '/services', {
      organizationId: org.id,
      name: { en: 'Psychosocial support', ar: 'الدعم النفسي' },
      categories: ['mhpss'],
      locationIds: [location.id],
      ...body,
    });

  it('creates a service with its denormalised fields, an ETag, a Location and an audit entry', async () => {
    const res = await orgAdmin.agent
      .post(api('/services'))
      .set('X-CSRF-Token', orgAdmin.csrf)
      .send({ organizationId: org.id, name: { en: 'Case management' }, categories: ['case-management'], locationIds: [location.id] })
      .expect(201);
    assert.match(res.headers.etag!, /^"1\./);
    assert.equal(res.headers.location, `/api/v1/services/${res.body.id}`);
    assert.equal(res.body.version, 1);
    assert.deepEqual(res.body.point, { lat: 36.34, lng: 43.13, precision: 'exact' });
    assert.deepEqual(res.body.governorates, ['IQ-NI']);
    assert.deepEqual(res.body.organization, { id: org.id, name: { en: 'Tigris Aid', ar: 'إغاثة دجلة' }, type: 'local-ngo' });
    assert.equal(res.body.acceptsReferrals, true);
    assert.deepEqual(res.body.locations.map((l: { id: string }) => l.id), [location.id]);
    const get = await request(t.app).get(api(`/services/${res.body.id}`)).expect(200);
    assert.match(get.headers.etag!, /^"1\./);
    const entry = await AuditEntryModel.findOne({ entity: 'service', entityId: res.body.id }).lean();
    assert.equal(entry?.action, 'service.create');
    assert.equal(String(entry?.organizationId), org.id);
  });

  it('updates with If-Match; a missing one is 428, a stale one 412 and nothing is written', async () => {
    const s = await newService();
    const missing = await patch(orgAdmin, `/services/${s.id}`, { name: { en: 'Renamed' } }).expect(428);
    assert.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8');
    const ok = await patch(orgAdmin, `/services/${s.id}`, { name: { en: 'Counselling' } }, 1).expect(200);
    assert.match(ok.headers.etag!, /^"2\./);
    assert.equal(ok.body.name.en, 'Counselling');
    assert.deepEqual(ok.body.categories, ['mhpss'], 'fields not sent stay as they were');
    const stale = await patch(orgAdmin, `/services/${s.id}`, { name: { en: 'Lost update' } }, 1).expect(412);
    assert.equal(stale.body.currentVersion, 2);
    await patch(orgAdmin, `/services/${s.id}`, { name: { en: 'x' } }, 'garbage').expect(412);
    await patch(orgAdmin, `/services/${s.id}`, {}, 2).expect(400);
    const now = await request(t.app).get(api(`/services/${s.id}`)).expect(200);
    assert.equal(now.body.name.en, 'Counselling');
    assert.equal(now.body.version, 2);
    const found = await request(t.app).get(api('/services?q=counsel')).expect(200);
    assert.deepEqual(found.body.items.map((i: { id: string }) => i.id), [s.id], 'search fields follow the new name');
  });

  it('of two concurrent edits of the same version, exactly one wins', async () => {
    const s = await newService();
    const results = await Promise.all(
      ['First', 'Second', 'Third'].map((en) => patch(orgAdmin, `/services/${s.id}`, { name: { en } }, 1)),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 412, 412]);
    const now = await request(t.app).get(api(`/services/${s.id}`)).expect(200);
    assert.equal(now.body.version, 2);
    assert.equal(now.body.name.en, results.find((r) => r.status === 200)!.body.name.en);
  });

  it('archived records vanish from public results and restore brings them back', async () => {
    const mosulCount = async () =>
      (await request(t.app).get(api('/governorates/IQ-NI')).expect(200)).body.serviceCount as number;
    const countBefore = await mosulCount();
    const s = await newService({ name: { en: 'Vanishing vocational course' }, categories: ['livelihoods'] });
    assert.equal(await mosulCount(), countBefore + 1, 'governorate counts (served from the catalog) see the new service');
    const inList = async () =>
      (await request(t.app).get(api('/services?category=livelihoods')).expect(200)).body.items.map((i: { id: string }) => i.id);
    assert.deepEqual(await inList(), [s.id]);
    const archived = await post<{ version: number }>(orgAdmin, `/services/${s.id}/archive`, {}, 200);
    assert.equal(archived.version, 2);
    assert.deepEqual(await inList(), []);
    assert.equal(await mosulCount(), countBefore);
    await request(t.app).get(api(`/services/${s.id}`)).expect(404);
    await orgAdmin.agent.get(api(`/services/${s.id}`)).expect(200); // its editors still see it
    await patch(orgAdmin, `/services/${s.id}`, { name: { en: 'x' } }, 2).expect(409);
    const facets = await request(t.app).get(api('/services/facets?category=livelihoods')).expect(200);
    assert.equal(facets.body.total, 0);
    await post(orgAdmin, `/services/${s.id}/restore`, {}, 200);
    assert.deepEqual(await inList(), [s.id]);
  });

  it('archiving an organisation hides its services and locations; restoring brings back exactly those', async () => {
    const o = await post<Created>(admin, '/organizations', { name: { en: 'Short-lived' }, type: 'community-based' });
    const l = await post<Created>(admin, '/locations', { organizationId: o.id, name: { en: 'Hut' }, address: { governorate: 'IQ-NA' } });
    const kept = await post<Created>(admin, '/services', { organizationId: o.id, name: { en: 'Kept apart' }, locationIds: [l.id] });
    const own = await post<Created>(admin, '/services', { organizationId: o.id, name: { en: 'Archived before' }, governorates: ['IQ-NA'] });
    await post(admin, `/services/${own.id}/archive`, {}, 200);
    await post(admin, `/organizations/${o.id}/archive`, {}, 200);
    const orgs = await request(t.app).get(api('/organizations?q=short')).expect(200);
    assert.equal(orgs.body.total, 0);
    await request(t.app).get(api(`/services/${kept.id}`)).expect(404);
    await request(t.app).get(api(`/locations/${l.id}`)).expect(404);
    await post(admin, `/organizations/${o.id}/restore`, {}, 200);
    await request(t.app).get(api(`/services/${kept.id}`)).expect(200);
    await request(t.app).get(api(`/locations/${l.id}`)).expect(200);
    await request(t.app).get(api(`/services/${own.id}`)).expect(404);
  });

  it('anonymous writes are 401, other organisations’ records 403', async () => {
    const s = await newService();
    await request(t.app).post(api('/services')).send({ organizationId: org.id, name: { en: 'x' } }).expect(401);
    await request(t.app).patch(api(`/services/${s.id}`)).set('If-Match', '"1"').send({ name: { en: 'x' } }).expect(401);
    await request(t.app).post(api(`/services/${s.id}/archive`)).expect(401);
    await request(t.app).post(api('/organizations')).send({ name: { en: 'x' }, type: 'media' }).expect(401);
    await request(t.app).post(api('/taxonomy')).send({ code: 'new-term', name: { en: 'x' } }).expect(401);

    const stranger = await signedInAgent(t.app, { role: 'org-admin', organizationId: other.id });
    const denied = await stranger.agent
      .post(api('/services'))
      .set('X-CSRF-Token', stranger.csrf)
      .send({ organizationId: org.id, name: { en: 'Not mine' }, governorates: ['IQ-BG'] });
    assert.equal(denied.status, 403);
    await patch(stranger, `/services/${s.id}`, { name: { en: 'x' } }, 1).expect(403);
    await stranger.agent.post(api(`/services/${s.id}/archive`)).set('X-CSRF-Token', stranger.csrf).expect(403);
    await stranger.agent.post(api('/organizations')).set('X-CSRF-Token', stranger.csrf).send({ name: { en: 'x' }, type: 'media' }).expect(403);
    await stranger.agent.post(api(`/organizations/${org.id}/verify`)).set('X-CSRF-Token', stranger.csrf).expect(403);
    const caseworker = await signedInAgent(t.app, { role: 'caseworker', organizationId: org.id });
    await patch(caseworker, `/services/${s.id}`, { name: { en: 'x' } }, 1).expect(403);
  });

  it('validates at the edge: unknown fields, bad enums, invalid ids, broken references', async () => {
    const bad = async (path: string, body: object, status = 400) => {
      const res = await orgAdmin.agent.post(api(path)).set('X-CSRF-Token', orgAdmin.csrf).send(body);
      assert.equal(res.status, status, JSON.stringify(res.body));
      return res.body as { errors?: { field: string }[] };
    };
    const base = { organizationId: org.id, name: { en: 'x' }, governorates: ['IQ-BG'] };
    assert.ok((await bad('/services', { ...base, secret: 1 })).errors?.length);
    assert.ok((await bad('/services', { ...base, populations: ['aliens'] })).errors?.some((e) => e.field.startsWith('body.populations')));
    assert.ok((await bad('/services', { ...base, status: 'open' })).errors?.length);
    assert.ok((await bad('/services', { ...base, categories: ['safety'] })).errors?.some((e) => e.field === 'body.categories'), 'a group is not a category');
    assert.ok((await bad('/services', { ...base, locationIds: ['0123456789abcdef01234567'] })).errors?.some((e) => e.field === 'body.locationIds'));
    assert.ok((await bad('/services', { ...base, governorates: [] })).errors?.some((e) => e.field === 'body.governorates'));
    assert.ok((await bad('/services', { ...base, ageMin: 18, ageMax: 10 })).errors?.some((e) => e.field === 'body.ageMin'));
    await bad('/services', { ...base, name: { $gt: '' } });
    await bad('/services', { ...base, organizationId: 'nope' });
    for (const path of ['/services/nope', '/services/0123456789abcdef01234567', '/organizations/xyz', '/locations/1', '/contacts/../x', '/taxonomy/NOPE']) {
      const res = await request(t.app).get(api(path));
      assert.equal(res.status, 404, path);
    }
    await patch(orgAdmin, '/services/not-an-id', { name: { en: 'x' } }, 1).expect(404);
  });

  it('an organisation change reaches its services; a platform admin’s own edit stays verified', async () => {
    const s = await newService({ name: { en: 'Family tracing desk' }, categories: ['family-tracing'] });
    const before = await request(t.app).get(api(`/organizations/${org.id}`)).expect(200);
    const verified = await post<{ verification: { status: string }; lastVerifiedAt: string; version: number }>(admin, `/organizations/${org.id}/verify`, {}, 200);
    assert.equal(verified.verification.status, 'verified');
    assert.ok(verified.lastVerifiedAt);
    // Name and type change only by a platform admin (organization-identity.test.ts).
    const res = await patch(admin, `/organizations/${org.id}`, { name: { en: 'Euphrates Aid' }, type: 'community-based', acceptsReferrals: false }, verified.version).expect(200);
    assert.equal(res.body.verification.status, 'verified');
    assert.equal(res.body.version, before.body.version + 2);
    const service = await request(t.app).get(api(`/services/${s.id}`)).expect(200);
    assert.equal(service.body.organization.name.en, 'Euphrates Aid');
    assert.equal(service.body.organization.type, 'community-based');
    assert.equal(service.body.acceptsReferrals, false);
    assert.equal(service.body.version, 1, 'a copied field is not an edit of the service');
    const byNewName = await request(t.app).get(api('/services?q=euphrates&organizationType=community-based')).expect(200);
    assert.ok(byNewName.body.items.some((i: { id: string }) => i.id === s.id));
  });

  it('confirming a service renews lastVerifiedAt (its own writers only)', async () => {
    const s = await newService();
    assert.equal(s.lastVerifiedAt, null);
    const confirmed = await post<{ lastVerifiedAt: string; version: number }>(orgAdmin, `/services/${s.id}/confirm`, {}, 200);
    assert.ok(Date.now() - Date.parse(confirmed.lastVerifiedAt) < 60_000);
    assert.equal(confirmed.version, 2);
    const stale = await orgAdmin.agent.post(api(`/services/${s.id}/confirm`)).set('X-CSRF-Token', orgAdmin.csrf).set('If-Match', '"1"');
    assert.equal(stale.status, 412);
  });

  it('moving a location moves the services drawn there', async () => {
    const l = await post<Created>(orgAdmin, '/locations', { organizationId: org.id, name: { en: 'Old town' }, address: { governorate: 'IQ-KA' }, lat: 32.6, lng: 44.0 });
    const s = await newService({ locationIds: [l.id] });
    await patch(orgAdmin, `/locations/${l.id}`, { lat: 32.7, lng: 44.1 }, 1).expect(200);
    const moved = await request(t.app).get(api(`/services/${s.id}`)).expect(200);
    assert.deepEqual(moved.body.point, { lat: 32.7, lng: 44.1, precision: 'exact' });
    await patch(orgAdmin, `/locations/${l.id}`, { confidential: true }, 2).expect(200);
    const hidden = await request(t.app).get(api(`/services/${s.id}`)).expect(200);
    assert.deepEqual(hidden.body.point, { lat: 32.61603, lng: 44.02488, precision: 'governorate' });
    assert.deepEqual(hidden.body.locations, []);
    await patch(orgAdmin, `/locations/${l.id}`, { lat: null }, 3).expect(400);
  });

  it('contacts and taxonomy terms use the same mechanics', async () => {
    const s = await newService();
    const c = await post<Created & { serviceId: string }>(orgAdmin, '/contacts', {
      organizationId: org.id,
      serviceId: s.id,
      name: 'Layla Hassan',
      title: { en: 'Case manager' },
      email: 'layla@example.org',
      phones: [{ number: '+964 750 000 0000', type: 'whatsapp' }],
      referralFocalPoint: true,
    });
    assert.equal(c.serviceId, s.id);
    const detail = await request(t.app).get(api(`/services/${s.id}`)).expect(200);
    assert.deepEqual(detail.body.contacts, [
      {
        id: c.id,
        name: 'Layla Hassan',
        title: { en: 'Case manager' },
        email: 'layla@example.org',
        phones: [{ number: '+9647500000000', type: 'whatsapp' }],
        languages: [],
        referralFocalPoint: true,
      },
    ]);
    await patch(orgAdmin, `/contacts/${c.id}`, { name: 'Layla H.' }, 1).expect(200);
    await patch(orgAdmin, `/contacts/${c.id}`, { name: 'stale' }, 1).expect(412);
    const list = await request(t.app).get(api(`/contacts?service=${s.id}&referralFocalPoint=true`)).expect(200);
    assert.deepEqual(list.body.items.map((i: { name: string }) => i.name), ['Layla H.']);
    await post(orgAdmin, `/contacts/${c.id}/archive`, {}, 200);
    assert.equal((await request(t.app).get(api(`/contacts?service=${s.id}`)).expect(200)).body.total, 0);
    // Without contacts of its own, a service shows its organisation's referral focal points.
    const desk = await post<Created>(orgAdmin, '/contacts', { organizationId: org.id, name: 'Referral desk', referralFocalPoint: true });
    await post(orgAdmin, '/contacts', { organizationId: org.id, name: 'Press office' });
    const fallback = await request(t.app).get(api(`/services/${s.id}`)).expect(200);
    assert.deepEqual(fallback.body.contacts.map((x: { id: string }) => x.id), [desk.id]);

    await orgAdmin.agent.post(api('/taxonomy')).set('X-CSRF-Token', orgAdmin.csrf).send({ code: 'x-term', name: { en: 'x' } }).expect(403);
    const term = await post<{ code: string; parent: string }>(admin, '/taxonomy', { code: 'peer-support', parent: 'health', name: { en: 'Peer support groups', ar: 'مجموعات دعم الأقران' } });
    assert.equal(term.parent, 'health');
    const withTerm = await newService({ name: { en: 'Circle' }, categories: ['peer-support'] });
    assert.deepEqual((await request(t.app).get(api('/services?category=health')).expect(200)).body.items.some((i: { id: string }) => i.id === withTerm.id), true);
    await patch(admin, '/taxonomy/peer-support', { name: { en: 'Survivor circles' } }, 1).expect(200);
    const renamed = await request(t.app).get(api('/services?q=survivor%20circ')).expect(200);
    assert.ok(renamed.body.items.some((i: { id: string }) => i.id === withTerm.id), 'category names are searchable and follow renames');
    await post(admin, '/taxonomy', { code: 'bad-parent', parent: 'shelter', name: { en: 'x' } }, 400);
    await post(admin, '/taxonomy/peer-support/archive', {}, 200);
    const terms = (await request(t.app).get(api('/taxonomy')).expect(200)).body.items.map((i: { code: string }) => i.code);
    assert.ok(!terms.includes('peer-support'));
  });

  it('every directory operation is in the OpenAPI document', async () => {
    const doc = (await request(t.app).get(api('/openapi.json')).expect(200)).body;
    for (const [path, method] of [
      ['/api/v1/services', 'get'],
      ['/api/v1/services/{id}', 'patch'],
      ['/api/v1/services/{id}/confirm', 'post'],
      ['/api/v1/services/facets', 'get'],
      ['/api/v1/map/services', 'get'],
      ['/api/v1/organizations/{id}/verify', 'post'],
      ['/api/v1/taxonomy/{code}/restore', 'post'],
      ['/api/v1/contacts', 'get'],
      ['/api/v1/locations/{id}/archive', 'post'],
    ] as const) {
      assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
    }
    const list = doc.paths['/api/v1/services'].get;
    assert.ok(list.parameters.some((p: { name: string }) => p.name === 'near'));
    assert.ok(list.responses['200'].content['application/json'].schema.properties.items);
  });
});
