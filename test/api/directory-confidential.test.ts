import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { API_PREFIX, registeredRoutes } from '../../server/platform/http/api-route.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildDirectory, SECRET, type Directory } from './directory-fixtures.js';

/** What must never leave the server for outsiders: the safe house (confidential service) and the flagged location. */
const FORBIDDEN = [
  SECRET.street,
  SECRET.name,
  SECRET.nameAr,
  String(SECRET.lat),
  String(SECRET.lng),
  'Ainkawa',
  '9 Sarchinar Road',
  'Sarchinar protection house',
  '35.5811',
  '45.3905',
];

/** Query strings tried on every list-like route: plain, text that only the secret location contains, and a search near it. */
const QUERIES = [
  '',
  `?q=${encodeURIComponent('Jasmine')}`,
  `?q=${encodeURIComponent('Sarchinar')}`,
  `?near=${SECRET.lat},${SECRET.lng}&radiusKm=5`,
  `?near=${SECRET.lat},${SECRET.lng}&sort=distance`,
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

  before(async () => {
    t = await startTestApp();
    d = await buildDirectory(t.app);
    outsider = await signedInAgent(t.app, { role: 'org-admin', organizationId: d.orgs.B.id });
    member = await signedInAgent(t.app, { role: 'caseworker', organizationId: d.orgs.A.id });
  });
  after(() => t.close());

  /** Every GET path of the registry, with each path parameter filled by each fixture id that could matter. */
  function concretePaths(): string[] {
    const ids = [d.services.s3.id, d.services.s4.id, d.orgs.A.id, d.orgs.C.id, d.locations.safeHouse.id, d.locations.flagged.id];
    const codes = ['shelter', 'IQ-AR', 'IQ-SU', 'IQG11'];
    const out = new Set<string>();
    for (const route of registeredRoutes.filter((r) => r.method === 'get')) {
      let paths = [route.path];
      for (const [, name] of route.path.matchAll(/:(\w+)/g)) {
        const values = name === 'code' ? codes : [...ids, ...codes];
        paths = paths.flatMap((p) => values.map((v) => p.replace(`:${name}`, encodeURIComponent(v))));
      }
      for (const p of paths) for (const query of route.query ? QUERIES : ['']) out.add(`${API_PREFIX}${p}${query}`);
    }
    return [...out];
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
    const paths = concretePaths();
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
    const ids = [d.services.s3.id, d.services.s4.id, d.orgs.A.id, d.orgs.C.id, d.locations.safeHouse.id, d.locations.flagged.id];
    const paths = ['/hsds/services', '/hsds/organizations', '/hsds/service_at_locations'].flatMap((p) => [
      p,
      `${p}?per_page=100&format=ndjson`,
      `${p}?search=Jasmine`,
      ...ids.map((id) => `${p}/${id}`),
    ]);
    const listed = await request(t.app).get('/hsds/service_at_locations?per_page=100').expect(200);
    for (const sal of (listed.body.contents ?? []) as { id: string }[]) paths.push(`/hsds/service_at_locations/${sal.id}`);
    const failures: string[] = [];
    for (const path of paths) {
      const res = await request(t.app).get(path);
      assert.ok(res.status < 500, `${path} answered ${res.status}`);
      const found = leaks(res.text);
      if (found.length) failures.push(`GET ${path} (${res.status}) shows ${found.join(', ')}`);
    }
    const zip = await request(t.app)
      .get('/hsds/export.zip')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const files = unzipSync(new Uint8Array(zip.body as Buffer));
    assert.ok(Object.keys(files).some((f) => f.endsWith('.csv')), 'the export has CSV files');
    for (const [name, bytes] of Object.entries(files)) {
      const found = leaks(strFromU8(bytes));
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
    assert.equal(listed.body.total, 2);
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
});
