import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ValidateFunction } from 'ajv';
import request from 'supertest';
import { recordUuid, serviceAtLocationUuid, termUuid } from '../../server/standards/hsds/ids.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildDirectory, type Directory } from './directory-fixtures.js';
import { UpstreamValidators, addHsdsExtras, assertValid, profileValidators, type HsdsObject } from './hsds-support.js';

type Json = Record<string, unknown>;
type Page = { total_items: number; size: number; contents: Json[] };

/** Every query parameter of the official HSDS 3.0 OpenAPI, per endpoint, with a value a client would send. */
const OFFICIAL: Record<string, Record<string, string>> = {
  '/hsds/services': {
    search: 'shelter', page: '1', per_page: '5', format: 'json', taxonomy_term_id: termUuid('safety'), taxonomy_id: '', organization_id: '',
    modified_after: '2020-01-01T00:00:00Z', minimal: 'true', full: 'true',
  },
  '/hsds/organizations': { search: 'legal', full_service: 'true', full: 'true', page: '1', per_page: '5', format: 'json' },
  '/hsds/service_at_locations': {
    search: 'shelter', taxonomy_term_id: termUuid('safety'), taxonomy_id: '', organization_id: '', modified_after: '2020-01-01',
    full: 'true', page: '1', per_page: '5', format: 'json', postcode: '44001', proximity: '5000',
  },
  '/hsds/taxonomies': { search: 'referral', page: '1', per_page: '5', format: 'json' },
  '/hsds/taxonomy_terms': { search: 'shelter', page: '1', per_page: '5', format: 'json', taxonomy_id: '', top_only: 'false', parent_id: termUuid('safety') },
};
const ITEMS: Record<string, HsdsObject> = {
  '/hsds/services': 'service',
  '/hsds/organizations': 'organization',
  '/hsds/service_at_locations': 'service_at_location',
  '/hsds/taxonomies': 'taxonomy',
  '/hsds/taxonomy_terms': 'taxonomy_term',
};

describe('HSDS 3.0: every official parameter is accepted, methods and ids never give a 5xx', () => {
  let t: TestApp;
  let dir: Directory;
  let upstream: UpstreamValidators;
  let profile: (name: HsdsObject) => ValidateFunction;
  let taxonomyId: string;

  before(async () => {
    t = await startTestApp();
    dir = await buildDirectory(t.app);
    await addHsdsExtras(dir);
    upstream = new UpstreamValidators();
    profile = await profileValidators(t.app);
    taxonomyId = String(((await request(t.app).get('/hsds/taxonomies').expect(200)).body as Page).contents[0]!.id);
  });
  after(() => t.close());

  const page = async (path: string) => (await request(t.app).get(path).expect(200)).body as Page;
  const valid = (name: HsdsObject, value: unknown, list: boolean, what: string) => {
    assertValid(list ? upstream.listItem(name) : upstream.full(name), value, `${what} (HSDS 3.0)`);
    assertValid(profile(name), value, `${what} (Iraq profile)`);
  };
  const fill = (params: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, v || (k === 'taxonomy_id' ? taxonomyId : k === 'organization_id' ? recordUuid(dir.orgs.A.id) : v)]),
    );

  it('answers 200 to each official parameter alone and to all of them at once, items valid against HSDS 3.0', async () => {
    for (const [path, params] of Object.entries(OFFICIAL)) {
      const filled = fill(params);
      for (const [name, value] of Object.entries(filled)) {
        const res = await request(t.app).get(path).query({ [name]: value });
        assert.equal(res.status, 200, `${path}?${name}=${value}: ${res.text.slice(0, 300)}`);
        assertValid(upstream.page, res.body, `${path}?${name} page`);
        for (const item of (res.body as Page).contents) valid(ITEMS[path]!, item, true, `${path}?${name} item`);
      }
      const all = await request(t.app).get(path).query(filled);
      assert.equal(all.status, 200, `${path} with every parameter: ${all.text.slice(0, 300)}`);
      // `false` is as much an answer as `true`.
      for (const name of ['full', 'minimal', 'full_service', 'top_only'].filter((n) => n in params)) {
        await request(t.app).get(path).query({ [name]: 'false' }).expect(200);
      }
    }
    for (const id of [recordUuid(dir.orgs.A.id), recordUuid(dir.orgs.B.id)]) {
      for (const value of ['true', 'false']) {
        const one = (await request(t.app).get(`/hsds/organizations/${id}`).query({ full_service: value }).expect(200)).body as Json;
        valid('organization', one, false, `/hsds/organizations/{id}?full_service=${value}`);
      }
    }
  });

  it('applies what it implements: full nests services, full_service nests an organisation’s services, filters narrow', async () => {
    const plain = await page('/hsds/services?per_page=100');
    const full = await page('/hsds/services?per_page=100&full=true');
    assert.equal(full.total_items, plain.total_items);
    assert.deepEqual(full.contents.map((s) => s.id), plain.contents.map((s) => s.id));
    for (const s of plain.contents) assert.equal(s.phones, undefined, 'the list view has no nested objects');
    for (const s of full.contents) {
      for (const key of ['organization', 'phones', 'schedules', 'service_areas', 'service_at_locations', 'languages', 'attributes', 'contacts']) {
        assert.ok(Array.isArray(s[key]) || (key === 'organization' && typeof s[key] === 'object'), `full service has ${key}`);
      }
      valid('service', s, false, 'full=true item');
      const one = (await request(t.app).get(`/hsds/services/${String(s.id)}`).expect(200)).body as Json;
      assert.deepEqual(s, one, 'a full list item is the service as /services/{id} gives it');
    }
    const nd = await request(t.app).get('/hsds/services?format=ndjson&full=true').expect(200);
    const lines = nd.text.trim().split('\n').map((l) => JSON.parse(l) as Json);
    assert.equal(lines.length, plain.total_items);
    for (const line of lines) assert.ok(Array.isArray(line.service_areas), 'ndjson lines are nested too');

    const minimal = await page('/hsds/services?per_page=100&minimal=true');
    assert.deepEqual(minimal, plain, 'minimal is accepted and ignored (documented)');

    const orgB = recordUuid(dir.orgs.B.id);
    const listView = (await request(t.app).get(`/hsds/organizations/${orgB}`).expect(200)).body as { services: Json[] };
    const nested = (await request(t.app).get(`/hsds/organizations/${orgB}?full_service=true`).expect(200)).body as { services: Json[] };
    assert.ok(listView.services.length > 0);
    assert.deepEqual(nested.services.map((s) => s.id), listView.services.map((s) => s.id));
    for (const s of listView.services) assert.equal(s.service_areas, undefined);
    for (const s of nested.services) {
      assert.ok(Array.isArray(s.service_areas) && Array.isArray(s.contacts));
      valid('service', s, false, 'full_service service');
    }

    const pairs = await page('/hsds/service_at_locations?per_page=100');
    assert.deepEqual(await page('/hsds/service_at_locations?per_page=100&postcode=44001&proximity=5000'), pairs, 'postcode and proximity are ignored');
    assert.deepEqual(await page('/hsds/service_at_locations?per_page=100&full=true'), pairs, 'service at locations are always nested');
    const byOrg = await page(`/hsds/service_at_locations?organization_id=${orgB}`);
    assert.ok(byOrg.total_items > 0 && byOrg.total_items < pairs.total_items, 'organization_id narrows service at locations');
    assert.deepEqual(
      (await page(`/hsds/organizations?full=true&full_service=true&per_page=100`)).contents.map((o) => o.id),
      (await page('/hsds/organizations?per_page=100')).contents.map((o) => o.id),
    );
    assert.equal((await page(`/hsds/services?taxonomy_id=${taxonomyId}`)).total_items, plain.total_items);
    assert.equal((await page(`/hsds/services?taxonomy_id=${termUuid('nope')}`)).total_items, 0);
  });

  it('takes an empty or blank search as no search', async () => {
    for (const path of Object.keys(OFFICIAL)) {
      const all = await page(path);
      for (const value of ['', '%20%20']) {
        const res = await request(t.app).get(`${path}?search=${value}`).expect(200);
        assert.equal((res.body as Page).total_items, all.total_items, `${path}?search=${value}`);
      }
    }
    assert.equal((await page('/hsds/services?search=&full=true&minimal=false')).total_items, 6);
  });

  it('answers every value the official schemas allow: page and per_page brought into range, odd ids match nothing', async () => {
    type Full = Page & { total_pages: number; page_number: number; per_page: number; first_page: boolean; last_page: boolean; empty: boolean };
    const get = async (path: string) => {
      const res = await request(t.app).get(path);
      assert.equal(res.status, 200, `${path}: ${res.text.slice(0, 300)}`);
      assertValid(upstream.page, res.body, `${path} page`);
      const body = res.body as Full;
      for (const item of body.contents) valid(ITEMS[path.split('?')[0]!]!, item, true, `${path} item`);
      return body;
    };
    const all = await get('/hsds/services?per_page=100');
    assert.equal(all.total_items, 6);
    // page 0 (or below) is page 1, and says so.
    const first = await get('/hsds/services?per_page=2');
    for (const p of ['0', '-3', '+1']) {
      const res = await get(`/hsds/services?per_page=2&page=${p}`);
      assert.deepEqual(res, first, `page=${p}`);
      assert.equal(res.page_number, 1);
      assert.equal(res.first_page, true);
    }
    // per_page above 100 is 100, below 1 is 1; per_page and total_pages tell the client.
    for (const [asked, served] of [['1000', 100], ['99999999999999999999', 100], ['0', 1], ['-5', 1], ['100', 100], ['3', 3]] as const) {
      const res = await get(`/hsds/services?per_page=${asked}`);
      assert.equal(res.per_page, served, `per_page=${asked}`);
      assert.equal(res.total_pages, Math.ceil(6 / served), `per_page=${asked}`);
      assert.equal(res.size, Math.min(6, served), `per_page=${asked}`);
    }
    for (const path of Object.keys(OFFICIAL)) assert.equal((await get(`${path}?per_page=500`)).per_page, 100, path);
    const far = await get('/hsds/services?page=99999999999');
    assert.deepEqual([far.size, far.empty, far.last_page, far.total_items], [0, false, true, 6]);
    // What the official schema forbids (not an integer) stays a 400.
    for (const bad of ['page=abc', 'page=1.5', 'per_page=x', 'per_page=', 'full=maybe']) {
      const res = await request(t.app).get(`/hsds/services?${bad}`).expect(400);
      assert.match(res.headers['content-type']!, /application\/problem\+json/, bad);
    }

    // format: ndjson in any case streams; any other value is the default json.
    for (const format of ['xml', 'csv', 'JSON', '', 'nd json']) {
      const res = await get(`/hsds/services?per_page=100&format=${encodeURIComponent(format)}`);
      assert.deepEqual(res, all, `format=${format}`);
    }
    const nd = await request(t.app).get('/hsds/services?format=NDJSON').expect(200);
    assert.match(nd.headers['content-type']!, /application\/x-ndjson/);
    assert.equal(nd.text.trim().split('\n').length, 6);

    // modified_after: dates and date-times (offset or not) filter; anything else is no lower bound.
    const future = '2999-01-01';
    for (const value of [future, `${future}T00:00:00Z`, `${future}T00:00:00`, `${future}T03:00:00+03:00`, `${future}T03:00:00+03`, `${future}T03:00:00.5+0300`]) {
      assert.equal((await get(`/hsds/services?modified_after=${encodeURIComponent(value)}`)).total_items, 0, value);
    }
    assert.equal((await get('/hsds/services?modified_after=2000-01-01T00:00:00')).total_items, 6);
    for (const value of ['yesterday', '2020-13-45', 'x', '%20', '1', '2020-02-30T00:00:00Z']) {
      for (const path of ['/hsds/services', '/hsds/service_at_locations']) {
        const res = await get(`${path}?modified_after=${value}`);
        assert.equal(res.total_items, (await get(path)).total_items, `${path}?modified_after=${value} is no filter`);
      }
    }

    // An id filter that is not a UUID of ours matches nothing; an empty one is no filter.
    for (const [path, name] of [
      ['/hsds/services', 'taxonomy_term_id'], ['/hsds/services', 'organization_id'], ['/hsds/services', 'taxonomy_id'],
      ['/hsds/service_at_locations', 'taxonomy_term_id'], ['/hsds/service_at_locations', 'organization_id'], ['/hsds/service_at_locations', 'taxonomy_id'],
      ['/hsds/taxonomy_terms', 'taxonomy_id'], ['/hsds/taxonomy_terms', 'parent_id'],
    ] as const) {
      for (const bad of ['x', '42', dir.orgs.A.id, encodeURIComponent('{"$gt":""}'), 'a'.repeat(150)]) {
        const res = await get(`${path}?${name}=${bad}`);
        assert.deepEqual([res.total_items, res.size, res.empty], [0, 0, true], `${path}?${name}=${bad.slice(0, 30)}`);
      }
      assert.equal((await get(`${path}?${name}=`)).total_items, (await get(path)).total_items, `${path}?${name}= is no filter`);
    }
    // Real ids still narrow, whatever their case.
    const orgB = recordUuid(dir.orgs.B.id);
    const byOrg = await get(`/hsds/services?organization_id=${orgB.toUpperCase()}`);
    assert.ok(byOrg.total_items > 0 && byOrg.total_items < 6);
    assert.equal((await get(`/hsds/services?taxonomy_id=${taxonomyId.toUpperCase()}`)).total_items, 6);
  });

  it('answers a method a path does not take with 405, Allow and problem details, on /hsds and /api/v1', async () => {
    const service = recordUuid(dir.services.s1.id);
    const cases: [method: 'trace' | 'delete' | 'post' | 'put' | 'patch', path: string, allow: string][] = [
      ['trace', '/hsds/services', 'GET, HEAD, OPTIONS'],
      ['delete', '/hsds/services', 'GET, HEAD, OPTIONS'],
      ['trace', `/hsds/services/${service}`, 'GET, HEAD, OPTIONS'],
      ['delete', `/hsds/organizations/${recordUuid(dir.orgs.A.id)}`, 'GET, HEAD, OPTIONS'],
      ['post', '/hsds/taxonomy_terms', 'GET, HEAD, OPTIONS'],
      ['put', '/hsds/', 'GET, HEAD, OPTIONS'],
      ['patch', '/hsds/export.zip', 'GET, HEAD, OPTIONS'],
      ['trace', '/api/v1/governorates', 'GET, HEAD, OPTIONS'],
      ['delete', '/api/v1/governorates/IQ-BG', 'GET, HEAD, OPTIONS'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await request(t.app)[method](path);
      assert.equal(res.status, 405, `${method.toUpperCase()} ${path}: ${res.status} ${res.text.slice(0, 200)}`);
      assert.equal(res.headers.allow, allow, `${method.toUpperCase()} ${path}`);
      assert.match(res.headers['content-type']!, /application\/problem\+json/);
      const body = res.body as Json;
      assert.equal(body.status, 405);
      assert.equal(body.instance, path.replace(/\/$/, '/'));
      assert.match(String(body.detail), new RegExp(method.toUpperCase()));
    }
    // A route taking several methods lists them all; what exists under /api/v1 is covered as it is added.
    const services = await request(t.app).delete('/api/v1/services').expect(405);
    assert.match(String(services.headers.allow), /^GET, HEAD, OPTIONS, POST$/);
    const ar = await request(t.app).trace('/hsds/services').set('Accept-Language', 'ar').expect(405);
    assert.equal(ar.headers['content-language'], 'ar');
    const options = await request(t.app).options('/hsds/services').expect(204);
    assert.equal(options.headers.allow, 'GET, HEAD, OPTIONS');
    // The /api/v1 document says so for every operation.
    const doc = (await request(t.app).get('/api/v1/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>;
      components: { responses: Record<string, { headers: Record<string, unknown> }> };
    };
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => [`${m} ${p}`, op] as const));
    assert.ok(operations.length > 10);
    for (const [name, op] of operations) assert.equal(op.responses['405']?.$ref, '#/components/responses/MethodNotAllowed', name);
    assert.ok(doc.components.responses.MethodNotAllowed!.headers.Allow);
    // A path nothing answers stays a 404 whatever the method.
    for (const method of ['get', 'delete', 'trace'] as const) {
      await request(t.app)[method]('/hsds/nothing-here').expect(404);
      await request(t.app)[method]('/api/v1/nothing-here').expect(404);
    }
  });

  it('never answers an organisation id with a 5xx: malformed ids are 400 or 404, odd spellings of real ids resolve', async () => {
    const id = recordUuid(dir.orgs.A.id);
    const notFound = [
      'x', '%00', '%20', '..', 'undefined', 'null', '0', dir.orgs.A.id /* a bare ObjectId */, id.replace(/-/g, ''),
      `${id.slice(0, -1)}1`, recordUuid(dir.services.s1.id), serviceAtLocationUuid(dir.services.s1.id, dir.locations.safeHouse.id),
      termUuid('shelter'), '00000000-0000-8000-8000-000000000000', 'ffffffff-ffff-8fff-8fff-ffffff000000', '00000000-0000-0000-0000-000000000000',
      `${id}%0A`, `${id}x`, encodeURIComponent('{"$gt":""}'),
    ];
    for (const bad of notFound) {
      const res = await request(t.app).get(`/hsds/organizations/${bad}`);
      assert.equal(res.status, 404, `${bad}: ${res.status} ${res.text.slice(0, 200)}`);
      assert.match(res.headers['content-type']!, /application\/problem\+json/, bad);
    }
    for (const bad of ['%ZZ', 'a'.repeat(101)]) {
      const res = await request(t.app).get(`/hsds/organizations/${bad}`);
      assert.equal(res.status, 400, `${bad.slice(0, 20)}: ${res.status}`);
      assert.match(res.headers['content-type']!, /application\/problem\+json/);
    }
    for (const query of ['full_service=maybe', 'lang=fr', 'id=1']) await request(t.app).get(`/hsds/organizations/${id}?${query}`).expect(400);
    const upper = (await request(t.app).get(`/hsds/organizations/${id.toUpperCase()}`).expect(200)).body as Json;
    assert.equal(upper.id, id);
  });
});
