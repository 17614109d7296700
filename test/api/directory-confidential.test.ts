import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { API_PREFIX, registeredRoutes } from '../../server/platform/http/api-route.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { concretePaths, exportedFiles, hsdsPaths, pointTexts } from '../support/public-walk.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildDirectory, post, SECRET, type Created, type Directory } from './directory-fixtures.js';

/**
 * Places shared between a confidential and an ordinary service of organisation A: the shelter's
 * service made first at one, the ordinary one first at the other. Neither is flagged itself.
 */
const SHARED = {
  shelterFirst: { lat: 36.40917, lng: 43.90253 },
  ordinaryFirst: { lat: 36.05471, lng: 44.25819 },
};

/** What must never leave the server for outsiders: the safe house (confidential service) and the flagged location. */
const FORBIDDEN = [
  SECRET.street,
  SECRET.name,
  SECRET.nameAr,
  ...pointTexts(SECRET),
  'Ainkawa',
  '9 Sarchinar Road',
  'Sarchinar protection house',
  ...pointTexts({ lat: 35.5811, lng: 45.3905 }),
  ...Object.values(SHARED).flatMap(pointTexts),
];

/** Query strings tried on every list-like route: plain, text that only the secret location contains, and a search near it. */
const QUERIES = [
  '',
  `?q=${encodeURIComponent('Jasmine')}`,
  `?q=${encodeURIComponent('Sarchinar')}`,
  `?near=${SECRET.lat},${SECRET.lng}&radiusKm=5`,
  `?near=${SECRET.lat},${SECRET.lng}&sort=distance`,
  `?near=${SHARED.shelterFirst.lat},${SHARED.shelterFirst.lng}&radiusKm=5`,
  `?near=${SHARED.ordinaryFirst.lat},${SHARED.ordinaryFirst.lng}&sort=distance`,
  '?lang=ar',
  '?perPage=100',
];

function leaks(body: string): string[] {
  return FORBIDDEN.filter((secret) => body.includes(secret));
}

describe('confidential places leak nowhere', () => {
  let t: TestApp;
  let d: Directory;
  let outsider: SignedIn;
  let member: SignedIn;
  /** The ordinary services at the shared places, and those places. */
  const shared = {} as Record<'ordinaryAtShelter' | 'ordinaryBeforeShelter' | 'shelterFirst' | 'ordinaryFirst' | 'nightShelter', Created>;

  before(async () => {
    t = await startTestApp();
    d = await buildDirectory(t.app);
    outsider = await signedInAgent(t.app, { role: 'org-admin', organizationId: d.orgs.B.id });
    member = await signedInAgent(t.app, { role: 'caseworker', organizationId: d.orgs.A.id });
    const orgAdmin = await signedInAgent(t.app, { role: 'org-admin', organizationId: d.orgs.A.id });
    const place = (name: string, point: { lat: number; lng: number }) =>
      post<Created>(orgAdmin, '/locations', { organizationId: d.orgs.A.id, name: { en: name }, address: { governorate: 'IQ-AR' }, ...point });
    const service = (name: string, locationId: string, confidential: boolean) =>
      post<Created>(orgAdmin, '/services', { organizationId: d.orgs.A.id, name: { en: name }, categories: ['shelter'], locationIds: [locationId], confidential });
    shared.shelterFirst = await place('Shared house one', SHARED.shelterFirst);
    shared.nightShelter = await service('Night shelter', shared.shelterFirst.id, true);
    shared.ordinaryAtShelter = await service('Family counselling', shared.shelterFirst.id, false);
    shared.ordinaryFirst = await place('Shared house two', SHARED.ordinaryFirst);
    shared.ordinaryBeforeShelter = await service('Literacy classes', shared.ordinaryFirst.id, false);
    await service('Transit shelter', shared.ordinaryFirst.id, true);
  });
  after(() => t.close());

  /** The fixture ids that could matter: secret places, the services and organisations that use them. */
  const fixtureIds = () => [
    d.services.s3.id,
    d.services.s4.id,
    d.orgs.A.id,
    d.orgs.C.id,
    d.locations.safeHouse.id,
    d.locations.flagged.id,
    ...Object.values(shared).map((r) => r.id),
  ];

  /** Every GET path of the registry, with each path parameter filled by each fixture id that could matter. */
  function walkedPaths(): string[] {
    const ids = fixtureIds();
    const codes = ['shelter', 'IQ-AR', 'IQ-SU', 'IQG11'];
    const routes = registeredRoutes.filter((r) => r.method === 'get').map((r) => ({ path: r.path, query: Boolean(r.query) }));
    return concretePaths(routes, API_PREFIX, (name) => (name === 'code' ? codes : [...ids, ...codes]), QUERIES);
  }

  it('the walk covers the directory’s endpoints', () => {
    const paths = new Set(registeredRoutes.filter((r) => r.method === 'get').map((r) => r.path));
    for (const p of ['/services', '/services/:id', '/services/facets', '/map/services', '/organizations/:id', '/locations', '/locations/:id']) {
      assert.ok(paths.has(p), p);
    }
  });

  it('no GET endpoint shows the address, name or coordinates to the public or to other organisations', async () => {
    const failures: string[] = [];
    const answered = new Set<string>();
    const paths = walkedPaths();
    const visit = async (path: string) => {
      for (const [who, get] of [
        ['anonymous', () => request(t.app).get(path)],
        ['other organisation', () => outsider.agent.get(path)],
      ] as const) {
        const res = await get();
        assert.ok(res.status < 500, `${path} answered ${res.status}`);
        if (res.status === 200) answered.add(path);
        const found = leaks(res.text);
        if (found.length) failures.push(`${who} GET ${path} (${res.status}) shows ${found.join(', ')}`);
      }
    };
    for (let i = 0; i < paths.length; i += 8) await Promise.all(paths.slice(i, i + 8).map(visit));
    assert.deepEqual(failures, []);
    // The walk must have reached the places that could leak, not just collected errors.
    for (const path of [
      `/services/${d.services.s3.id}`,
      `/services/${shared.ordinaryAtShelter.id}`,
      `/services/${shared.ordinaryBeforeShelter.id}`,
      `/organizations/${d.orgs.A.id}`,
      `/organizations/${d.orgs.C.id}`,
      `/services?near=${SECRET.lat},${SECRET.lng}&radiusKm=5`,
      `/map/services?near=${SECRET.lat},${SECRET.lng}&radiusKm=5`,
      '/services/facets',
      '/locations',
    ]) {
      assert.ok([...answered].some((p) => p.startsWith(`${API_PREFIX}${path}`)), `walk reached ${path}`);
    }
  });

  it('the Open Referral surface (/hsds, outside the API registry) and its export leak nothing either', async () => {
    const ids = fixtureIds();
    const failures: string[] = [];
    for (const path of await hsdsPaths(t.app, ids)) {
      const res = await request(t.app).get(path);
      assert.ok(res.status < 500, `${path} answered ${res.status}`);
      const found = leaks(res.text);
      if (found.length) failures.push(`GET ${path} (${res.status}) shows ${found.join(', ')}`);
    }
    const files = await exportedFiles(t.app);
    assert.ok(Object.keys(files).some((f) => f.endsWith('.csv')), 'the export has CSV files');
    for (const [name, text] of Object.entries(files)) {
      const found = leaks(text);
      if (found.length) failures.push(`export.zip ${name} shows ${found.join(', ')}`);
    }
    assert.deepEqual(failures, []);
  });

  it('the organisation’s own members and platform admins do see them (the walk would notice)', async () => {
    const own = await member.agent.get(`/api/v1/services/${d.services.s3.id}`).expect(200);
    assert.ok(own.text.includes(SECRET.street));
    assert.deepEqual(own.body.locations[0].lat, SECRET.lat);
    const orgPage = await member.agent.get(`/api/v1/organizations/${d.orgs.A.id}`).expect(200);
    assert.ok(orgPage.body.locations.some((l: { name: { en: string } }) => l.name.en === SECRET.name));
    const listed = await member.agent.get(`/api/v1/locations?organization=${d.orgs.A.id}`).expect(200);
    assert.equal(listed.body.total, 4, 'Karrada, the safe house and the two shared houses');
    const adminView = await d.admin.agent.get(`/api/v1/locations/${d.locations.flagged.id}`).expect(200);
    assert.equal(adminView.body.address.street.en, '9 Sarchinar Road');
  });

  it('publicly a confidential service is a governorate-level point, with no locations', async () => {
    const res = await request(t.app).get(`/api/v1/services/${d.services.s3.id}`).expect(200);
    assert.equal(res.body.confidential, true);
    assert.deepEqual(res.body.point, { lat: 36.18333, lng: 44.01193, precision: 'governorate' });
    assert.deepEqual(res.body.locations, []);
    await request(t.app).get(`/api/v1/locations/${d.locations.safeHouse.id}`).expect(404);
    const locations = await request(t.app).get('/api/v1/locations?perPage=100').expect(200);
    assert.equal(locations.body.total, 2, 'only the Baghdad and Basrah offices');
  });

  it('an ordinary service at a place a confidential service uses is drawn at its governorate, like the shelter', async () => {
    for (const service of [shared.ordinaryAtShelter, shared.ordinaryBeforeShelter]) {
      const res = await request(t.app).get(`/api/v1/services/${service.id}`).expect(200);
      assert.deepEqual(res.body.point, { lat: 36.18333, lng: 44.01193, precision: 'governorate' });
      assert.deepEqual(res.body.locations, []);
    }
    const own = await member.agent.get(`/api/v1/services/${shared.ordinaryAtShelter.id}`).expect(200);
    assert.equal(own.body.locations[0].lat, SHARED.shelterFirst.lat, 'its organisation still sees the place');
  });

  it('a hidden place’s 404 is byte for byte an unknown id’s: no ETag, same headers and body', async () => {
    const unknownId = 'a'.repeat(24);
    /** Status, headers and body, less what differs per request (date, request id, the client's remaining rate budget) and the path it names. */
    const answer = async (id: string) => {
      const res = await request(t.app).get(`/api/v1/locations/${id}`);
      const headers = Object.fromEntries(Object.entries(res.headers).filter(([name]) => !['date', 'x-request-id', 'ratelimit'].includes(name)));
      return { status: res.status, headers, body: res.text.replaceAll(id, '<id>') };
    };
    const unknown = await answer(unknownId);
    assert.equal(unknown.status, 404);
    for (const hidden of [d.locations.safeHouse.id, d.locations.flagged.id, shared.shelterFirst.id, shared.ordinaryFirst.id]) {
      assert.deepEqual(await answer(hidden), unknown, `GET /locations/${hidden}`);
    }
  });

  // Last: it makes a shared place public again.
  it('when the shelter stops being confidential, its place stays secret until a platform admin releases it', async () => {
    const res = await d.admin.agent
      .patch(`/api/v1/services/${shared.nightShelter.id}`)
      .set('X-CSRF-Token', d.admin.csrf)
      .set('If-Match', `"${shared.nightShelter.version}"`)
      .send({ confidential: false });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const nearPlace = async () => {
      const near = await request(t.app).get(`/api/v1/services?near=${SHARED.shelterFirst.lat},${SHARED.shelterFirst.lng}&radiusKm=1`).expect(200);
      return (near.body.items as { id: string; point: unknown }[]).find((s) => s.id === shared.ordinaryAtShelter.id);
    };
    assert.equal(await nearPlace(), undefined);
    await d.admin.agent.post(`/api/v1/locations/${shared.shelterFirst.id}/release-secrecy`).set('X-CSRF-Token', d.admin.csrf).expect(200);
    assert.deepEqual((await nearPlace())?.point, { ...SHARED.shelterFirst, precision: 'exact' });
  });
});
