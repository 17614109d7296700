import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ValidateFunction } from 'ajv';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { ORGANIZATION_TYPES, POPULATIONS, SERVICE_LANGUAGES } from '../../server/contract/directory/vocabulary.js';
import { recordUuid, serviceAtLocationUuid, termUuid } from '../../server/standards/hsds/ids.js';
import { hsdsRoutes } from '../../server/standards/hsds/hsds.routes.js';
import { PROFILE_FILES, profilePatch, profileSchema } from '../../server/standards/hsds/spec.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildDirectory, post, SECRET, type Created, type Directory } from './directory-fixtures.js';
import { serviceAreaMapper } from '../../server/standards/hsds/mappers.js';
import { ServiceAreaRow } from '../../server/standards/hsds/rows.js';
import { UpstreamValidators, addHsdsExtras, assertValid, hsdsAjv, profileValidators, type HsdsObject } from './hsds-support.js';

type Json = Record<string, unknown>;
type Page = { total_items: number; total_pages: number; page_number: number; per_page: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: Json[] };

describe('Open Referral HSDS 3.0 API (/hsds)', () => {
  let t: TestApp;
  let dir: Directory;
  let extras: Awaited<ReturnType<typeof addHsdsExtras>>;
  let upstream: UpstreamValidators;
  let profile: (name: HsdsObject) => ValidateFunction;
  const uuid = (d: { id: string }) => recordUuid(d.id);

  before(async () => {
    t = await startTestApp();
    dir = await buildDirectory(t.app);
    extras = await addHsdsExtras(dir);
    upstream = new UpstreamValidators();
    profile = await profileValidators(t.app);
  });
  after(() => t.close());

  const get = async (path: string, status = 200) => (await request(t.app).get(path).expect(status)).body as Json;
  const page = async (path: string) => (await get(path)) as unknown as Page;

  /** Validates against HSDS 3.0 (compiled schemas) and against the Iraq profile. */
  const valid = (name: HsdsObject, value: unknown, list: boolean, what: string) => {
    assertValid(list ? upstream.listItem(name) : upstream.full(name), value, `${what} (HSDS 3.0)`);
    assertValid(profile(name), value, `${what} (Iraq profile)`);
  };

  it('GET /hsds/ names the version, the profile (which resolves) and the OpenAPI document', async () => {
    const root = await get('/hsds/');
    assert.equal(root.version, '3.0');
    const profileUrl = new URL(String(root.profile));
    assert.equal(profileUrl.pathname, '/hsds/profile/');
    const readme = await request(t.app).get(profileUrl.pathname).expect(200);
    assert.match(readme.headers['content-type']!, /text\/markdown/);
    assert.match(readme.text, /HSDS Iraq profile/);
    const openapi = await get(new URL(String(root.openapi_url)).pathname);
    assert.equal(openapi.openapi, '3.1.0');
    const params = (openapi.components as { parameters: Json }).parameters;
    assert.ok(params.lang);
    assert.match(String((params.postcode as Json).description), /ignored/, 'the profile says what the API does with each HSDS parameter');
  });

  it('GET /hsds/openapi.json resolves offline: every schema inside it, with the profile’s fields, and the answers match it', async () => {
    const openapi = await get('/hsds/openapi.json');
    const refs = JSON.stringify(openapi).match(/"\$ref":"[^"]*"/g) ?? [];
    assert.ok(refs.length > 10);
    assert.deepEqual(refs.filter((r) => !r.startsWith('"$ref":"#/')), [], 'no reference leaves the document');
    const schemas = (openapi.components as { schemas: Record<string, Json> }).schemas;
    for (const ref of new Set(refs)) {
      const [, kind, name] = /"#\/components\/(\w+)\/(\w+)"/.exec(ref)!;
      assert.ok(((openapi.components as Record<string, Json>)[kind!] as Json)[name!], `${ref} resolves`);
    }
    assert.ok(((schemas.service as Json).properties as Json).confidential, 'the profile’s service fields are in it');
    const phone = ((((schemas.service as Json).properties as Json).phones as Json).items as Json).properties as Json;
    assert.deepEqual(Object.keys(phone).filter((k) => k === 'hotline' || k === 'messaging_apps').sort(), ['hotline', 'messaging_apps']);

    // The document's own answer schema for /services, with its references, validates a real page.
    const local = (node: unknown): unknown =>
      JSON.parse(JSON.stringify(node).replaceAll('"#/components/schemas/', '"#/$defs/'));
    const paths = openapi.paths as Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: Json } } } } } }>;
    const answer = paths['/services']!.get.responses[200].content['application/json'].schema;
    const validate = hsdsAjv().compile({ $defs: local(schemas), ...(local(answer) as object) });
    assertValid(validate, await page('/hsds/services?per_page=100'), '/hsds/services against /hsds/openapi.json');
  });

  it('names Halabja, which has no ISO 3166-2 code or P-code yet, instead of inventing a code, and reads it back', async () => {
    const halabja = await post<Created>(dir.admin, '/services', { organizationId: dir.orgs.C.id, name: { en: 'Halabja outreach (sample)' }, governorates: ['IQ-HA'] });
    const service = await get(`/hsds/services/${uuid(halabja)}`);
    valid('service', service, false, 'a Halabja service');
    const [area] = service.service_areas as Json[];
    assert.equal(area!.iso_3166_2, undefined);
    assert.equal(area!.pcode, undefined);
    assert.equal(area!.name, 'Halabja');
    assert.doesNotMatch(JSON.stringify(service), /IQ-HA/);
    // What an import makes of the area: the directory's Halabja.
    assert.equal(serviceAreaMapper.fromHsds(ServiceAreaRow.parse(area)), 'IQ-HA');
    assert.equal(ServiceAreaRow.safeParse({ ...area, name: 'Atlantis', translations: undefined }).success, false, 'an area must name a governorate');
    // Out of the counts the other tests make.
    await dir.admin.agent.post(`/api/v1/services/${halabja.id}/archive`).set('X-CSRF-Token', dir.admin.csrf).set('If-Match', `"${halabja.version}"`).expect(200);
  });

  it('every list and item endpoint validates against HSDS 3.0 and the Iraq profile', async () => {
    const lists: [string, HsdsObject][] = [
      ['/hsds/services', 'service'],
      ['/hsds/organizations', 'organization'],
      ['/hsds/service_at_locations', 'service_at_location'],
      ['/hsds/taxonomies', 'taxonomy'],
      ['/hsds/taxonomy_terms', 'taxonomy_term'],
    ];
    for (const [path, name] of lists) {
      const p = await page(`${path}?per_page=100`);
      assertValid(upstream.page, p, `${path} page`);
      assert.ok(p.total_items > 0, `${path} is not empty`);
      assert.equal(p.size, p.contents.length);
      for (const item of p.contents) {
        valid(name, item, true, `${path} item`);
        const one = await get(`${path}/${String(item.id)}`);
        valid(name, one, false, `${path}/${String(item.id)}`);
        assert.equal(one.id, item.id);
      }
    }
    // The fully nested service carries what HSDS nests, and the organisation its services.
    const s2 = await get(`/hsds/services/${uuid(dir.services.s2)}`);
    for (const key of ['organization', 'phones', 'schedules', 'service_areas', 'service_at_locations', 'languages', 'attributes', 'contacts']) {
      assert.ok(key in s2, `service has ${key}`);
    }
    const org = await get(`/hsds/organizations/${uuid(dir.orgs.B)}`);
    for (const service of org.services as Json[]) valid('service', service, true, 'organization.services item');
  });

  it('maps a service field by field: status, translations, areas with P-codes, languages, categories, contacts', async () => {
    const s2 = await get(`/hsds/services/${uuid(dir.services.s2)}`);
    assert.equal(s2.status, 'temporarily closed');
    assert.equal(s2.name, 'Legal Aid Clinic');
    assert.deepEqual((s2.translations as Json).name, { en: 'Legal Aid Clinic', ar: 'عيادة المساعدة القانونية' });
    assert.equal(s2.organization_id, uuid(dir.orgs.B));
    assert.equal(s2.minimum_age, 18);
    assert.equal(s2.url, 'https://legal-aid.example.org/clinic');
    const [area] = s2.service_areas as Json[];
    assert.deepEqual([area!.iso_3166_2, area!.pcode], ['IQ-BA', 'IQG02']);
    assert.match(String(area!.name), /Basrah/);
    assert.match(String(((area!.translations as Json).name as Json).ar), /البصرة/);
    assert.deepEqual((s2.languages as Json[]).map((l) => [l.code, l.name]), [['en', 'English'], ['ar', 'Arabic']]);
    const [attribute] = s2.attributes as Json[];
    assert.equal(attribute!.taxonomy_term_id, termUuid('legal-aid'));
    assert.equal((attribute!.taxonomy_term as Json).code, 'legal-aid');
    const [schedule] = s2.schedules as Json[];
    assert.deepEqual([schedule!.freq, schedule!.byday, schedule!.opens_at, schedule!.closes_at], ['WEEKLY', 'SU,MO,TU,WE,TH', '09:00:00', '15:00:00']);
    // HSDS types are RFC 6350's; WhatsApp and hotlines are said by the profile's own fields.
    assert.deepEqual(
      (s2.phones as Json[]).map((p) => [p.number, p.type, p.messaging_apps, p.hotline, p.service_id]),
      [
        ['+9647800001111', 'cell', ['whatsapp'], false, s2.id],
        ['533', 'voice', undefined, true, s2.id],
        ['+96415551234', 'voice', undefined, false, s2.id],
        ['+9647710002222', 'cell', undefined, false, s2.id],
        ['+96415551235', 'fax', undefined, false, s2.id],
        ['+9647720003333', 'text', undefined, false, s2.id],
      ],
    );
    assert.deepEqual((s2.contacts as Json[]).map((c) => c.name), ['Clinic desk']);
    const [sal] = s2.service_at_locations as Json[];
    assert.equal(sal!.id, serviceAtLocationUuid(dir.services.s2.id, dir.locations.basrah.id));
    const [address] = (sal!.location as Json).addresses as Json[];
    assert.deepEqual([address!.state_province, address!.pcode, address!.country, address!.city], ['IQ-BA', 'IQG02', 'IQ', 'Basrah']);
    // HSDS 3.1 service_capacity, with the unit as an object; a confidential service's stays out.
    const [beds] = s2.capacities as Json[];
    assert.deepEqual([beds!.available, beds!.maximum, beds!.description, beds!.unit_id], [4, 10, 'Beds for women', (beds!.unit as Json).id]);
    assert.deepEqual([(beds!.unit as Json).identifier, (beds!.unit as Json).name], ['beds', 'beds']);
    assert.deepEqual((beds!.translations as Json).description, { en: 'Beds for women', ar: 'أسرّة للنساء' });
    assert.ok(Date.now() - Date.parse(String(beds!.updated)) < 600_000);
    assert.deepEqual((await get(`/hsds/services/${uuid(dir.services.s3)}`)).capacities, []);
    // An inactive service is published with its status.
    assert.equal((await get(`/hsds/services/${uuid(dir.services.s6)}`)).status, 'inactive');
  });

  it('chooses the language by lang or Accept-Language, falling back per field', async () => {
    const ar = await get(`/hsds/services/${uuid(dir.services.s2)}?lang=ar`);
    assert.equal(ar.name, 'عيادة المساعدة القانونية');
    assert.equal(ar.description, 'Free legal representation; also arranges shelter referrals.', 'no Arabic description: falls back');
    const res = await request(t.app).get(`/hsds/services/${uuid(dir.services.s4)}`).set('Accept-Language', 'ckb, ar;q=0.5').expect(200);
    assert.equal(res.body.name, 'یەکەی پاراستنی منداڵ');
    assert.equal(res.headers['content-language'], 'ckb');
    await request(t.app).get('/hsds/services?lang=fr').expect(400);
  });

  it('keeps confidential places out of every HSDS route (walked from the router), the ndjson feeds and the export', async () => {
    const s3 = await get(`/hsds/services/${uuid(dir.services.s3)}`);
    assert.equal(s3.confidential, true);
    assert.deepEqual(s3.service_at_locations, []);
    assert.deepEqual((s3.service_areas as Json[]).map((a) => a.iso_3166_2), ['IQ-AR']);
    assert.deepEqual((await get(`/hsds/services/${uuid(dir.services.s4)}`)).service_at_locations, [], 'a location flagged confidential');
    const orgA = await get(`/hsds/organizations/${uuid(dir.orgs.A)}`);
    assert.deepEqual((orgA.locations as Json[]).map((l) => l.id), [uuid(dir.locations.baghdad)], 'the safe house is secret because a confidential service uses it');
    await get(`/hsds/service_at_locations/${serviceAtLocationUuid(dir.services.s3.id, dir.locations.safeHouse.id)}`, 404);

    // Every GET route of the HSDS router, with every id it can take: a new endpoint is walked too.
    const ids: Record<string, string[]> = {};
    for (const kind of ['services', 'organizations', 'service_at_locations', 'taxonomies', 'taxonomy_terms']) {
      ids[kind] = (await page(`/hsds/${kind}?per_page=100`)).contents.map((x) => String(x.id));
    }
    ids.services!.push(uuid(dir.services.s3), uuid(dir.services.s4));
    const routes = hsdsRoutes({ config: t.config }).stack.flatMap((layer) => {
      const route = layer.route as { path?: unknown; methods?: Record<string, boolean> } | undefined;
      return route?.methods?.get && typeof route.path === 'string' ? [route.path] : [];
    });
    assert.ok(routes.length >= 15, `walks ${routes.length} routes`);
    const bodies: string[] = [];
    for (const route of routes) {
      const kind = route.split('/')[1]!;
      const expanded = route.includes(':id')
        ? ids[kind]!.map((id) => route.replace(':id', id))
        : route.includes(':file')
          ? PROFILE_FILES.map((f) => route.replace(':file', `${f}.json`))
          : [route];
      assert.ok(expanded.length, `${route} has instances to fetch`);
      for (const path of expanded) {
        const res = await request(t.app).get(`/hsds${path}`).responseType('blob').expect(200);
        const body = res.body as Buffer;
        bodies.push(path === '/export.zip' ? Object.values(unzipSync(new Uint8Array(body))).map((f) => strFromU8(f)).join('\n') : body.toString('utf8'));
        if (ids[kind] && !route.includes(':')) bodies.push((await request(t.app).get(`/hsds${path}?format=ndjson`).expect(200)).text);
      }
    }
    const all = bodies.join('\n');
    for (const secret of [SECRET.street, SECRET.name, SECRET.nameAr, String(SECRET.lat), String(SECRET.lng), 'Sarchinar', uuid(dir.locations.safeHouse), uuid(dir.locations.flagged)]) {
      assert.ok(!all.includes(secret), `"${secret}" leaked`);
    }
  });

  it('filters with search, taxonomy_term_id (a group includes its categories), organization_id and modified_after, ANDed', async () => {
    const names = async (query: string) => (await page(`/hsds/services?${query}`)).contents.map((s) => s.name).sort();
    // Names, descriptions, organisation and category names are searched ("shelter referrals", category "Shelter …").
    assert.deepEqual(await names('search=shelt'), ['Emergency Shelter for Women', 'Legal Aid Clinic', 'Safe accommodation', 'Shelter aftercare programme']);
    assert.deepEqual(await names('search=shelt+emergen'), ['Emergency Shelter for Women']);
    assert.deepEqual(await names(`search=${encodeURIComponent('مأوى')}`), ['Emergency Shelter for Women', 'Safe accommodation', 'Shelter aftercare programme']);
    assert.deepEqual(await names(`search=${encodeURIComponent('ماوى طوارئ')}`), ['Emergency Shelter for Women'], 'spelling variants meet');
    assert.deepEqual(await names(`taxonomy_term_id=${termUuid('safety')}`), ['Emergency Shelter for Women', 'Safe accommodation', 'Shelter aftercare programme']);
    assert.deepEqual(await names(`taxonomy_term_id=${termUuid('safety')}&organization_id=${uuid(dir.orgs.A)}&search=emergency`), ['Emergency Shelter for Women']);
    assert.deepEqual(await names(`modified_after=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`), []);
    assert.equal((await names('modified_after=2020-01-01')).length, 6);
    assert.deepEqual(await names(`organization_id=${recordUuid('0123456789abcdef01234567')}`), []);
    assert.deepEqual((await page(`/hsds/service_at_locations?organization_id=${uuid(dir.orgs.B)}`)).contents.map((x) => x.service_id), [uuid(dir.services.s2)]);
    assert.deepEqual((await page(`/hsds/organizations?search=legal`)).contents.map((o) => o.name), ['Legal Aid Iraq']);
    assert.deepEqual((await page(`/hsds/taxonomy_terms?top_only=true`)).contents.length, 6);
    assert.deepEqual((await page(`/hsds/taxonomy_terms?parent_id=${termUuid('health')}`)).contents.map((x) => x.code), ['medical', 'mhpss']);
    assert.deepEqual((await page(`/hsds/taxonomy_terms?search=${encodeURIComponent('حماية')}`)).contents.map((x) => x.code), ['protection', 'child-protection']);
  });

  it('leaves archived organisations and their services out', async () => {
    const all = await page('/hsds/services?per_page=100');
    assert.equal(all.total_items, 6);
    assert.ok(!all.contents.some((s) => s.name === 'Orphaned service'));
    await get(`/hsds/services/${uuid(extras.archived.service)}`, 404);
    await get(`/hsds/organizations/${uuid(extras.archived.org)}`, 404);
  });

  it('paginates with the Page wrapper and streams ndjson without pagination', async () => {
    const p2 = await page('/hsds/services?per_page=4&page=2');
    assert.deepEqual(
      { ...p2, contents: p2.contents.length },
      { total_items: 6, total_pages: 2, page_number: 2, per_page: 4, size: 2, first_page: false, last_page: true, empty: false, contents: 2 },
    );
    const none = await page('/hsds/services?search=zzzzzz');
    assert.deepEqual([none.empty, none.total_pages, none.size], [true, 0, 0]);
    const nd = await request(t.app).get('/hsds/services?format=ndjson&per_page=1').expect(200);
    assert.match(nd.headers['content-type']!, /application\/x-ndjson/);
    const lines = nd.text.trim().split('\n').map((l) => JSON.parse(l) as Json);
    assert.equal(lines.length, 6);
    for (const line of lines) valid('service', line, true, 'ndjson line');
  });

  it('rejects unknown and malformed parameters with problem details; unknown ids are 404', async () => {
    for (const path of ['/hsds/services?fuller=true', '/hsds/services?full=yes', '/hsds/services?per_page=ten', '/hsds/services?page=1.5', '/hsds/services?page=', '/hsds/organizations?taxonomy_term_id=x', '/hsds/?x=1']) {
      const res = await request(t.app).get(path).expect(400);
      assert.match(res.headers['content-type']!, /application\/problem\+json/, path);
    }
    for (const path of ['/hsds/services/nope', `/hsds/services/${uuid(dir.orgs.A)}`, `/hsds/organizations/${termUuid('x')}`, '/hsds/taxonomy_terms/nope', '/hsds/taxonomies/nope', `/hsds/service_at_locations/${uuid(dir.services.s1)}`, '/hsds/nothing']) {
      const res = await request(t.app).get(path).expect(404);
      assert.match(res.headers['content-type']!, /application\/problem\+json/, path);
    }
  });

  it('publishes a valid profile: merge patches that give 2020-12 schemas, vocabularies in step with the code', async () => {
    const ajv = hsdsAjv();
    for (const name of PROFILE_FILES.filter((f) => f !== 'openapi')) {
      const patch = await get(`/hsds/profile/${name}.json`);
      assert.deepEqual(patch, profilePatch(name));
      assert.ok(ajv.validateSchema(profileSchema(name)!), `${name}: ${JSON.stringify(ajv.errors)}`);
      assert.ok(ajv.validateSchema(await get(`/hsds/profile/schema/${name}.json`)), `compiled ${name}`);
    }
    const enumOf = (file: string, prop: string) => {
      const p = (profileSchema(file)!.properties as Record<string, { enum?: string[]; items?: { enum?: string[] } }>)[prop]!;
      return p.enum ?? p.items?.enum;
    };
    assert.deepEqual(enumOf('organization', 'organization_type'), [...ORGANIZATION_TYPES]);
    assert.deepEqual(enumOf('service', 'populations'), [...POPULATIONS]);
    assert.deepEqual(enumOf('language', 'code'), [...SERVICE_LANGUAGES]);
    const address = profileSchema('address')!;
    assert.ok(!(address.required as string[]).includes('postal_code'));
    const pkg = await get('/hsds/profile/datapackage.json');
    assert.equal(pkg.profile, 'tabular-data-package');
  });
});
