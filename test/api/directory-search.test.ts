import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { RecordCatalog } from '../../server/directory/catalog/catalog.js';
import { haversineKm } from '../../server/directory/search/distance.js';
import type { MapPoints } from '../../server/contract/directory/search/map.schemas.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { signedInAgent } from '../support/auth.js';
import { buildDirectory, post, type Created, type Directory } from './directory-fixtures.js';

interface Item {
  id: string;
  name: { en?: string };
  distanceKm?: number;
  point: { lat: number; lng: number; precision: string } | null;
}

const BAGHDAD = { lat: 33.3152, lng: 44.3661 };
const ERBIL_CAPITAL = { lat: 36.18333, lng: 44.01193 };
const SULAYMANIYAH_CAPITAL = { lat: 35.56496, lng: 45.4329 };

describe('directory search', () => {
  let t: TestApp;
  let d: Directory;
  const keys = new Map<string, string>();

  before(async () => {
    t = await startTestApp();
    d = await buildDirectory(t.app);
    for (const [key, s] of Object.entries(d.services)) keys.set(s.id, key);
  });
  after(() => t.close());

  const get = (path: string) => request(t.app).get(`/api/v1${path}`);
  /** The fixture keys (s1…s6) a service search returns, in order. */
  async function found(query: string): Promise<string[]> {
    const res = await get(`/services?${query}`).expect(200);
    return (res.body.items as Item[]).map((i) => keys.get(i.id) ?? i.id);
  }
  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  const sorted = (list: string[]) => [...list].sort();
  /** The filters interpreted while `run` runs: only a catalog's find and count interpret them (filter-match.ts). */
  async function interpretedWhile(run: () => Promise<void>): Promise<string[]> {
    const interpreted: string[] = [];
    const { find, count } = RecordCatalog.prototype;
    RecordCatalog.prototype.find = function (this: RecordCatalog<never>, filter) {
      interpreted.push(`${this.collection} ${JSON.stringify(filter)}`);
      return find.call(this, filter);
    };
    RecordCatalog.prototype.count = function (this: RecordCatalog<never>, filter) {
      interpreted.push(`${this.collection} ${JSON.stringify(filter)}`);
      return count.call(this, filter);
    };
    try {
      await run();
    } finally {
      Object.assign(RecordCatalog.prototype, { find, count });
    }
    return interpreted;
  }

  describe('text in Arabic, Kurdish and English', () => {
    it('finds the same services with and without hamza, diacritics and tatweel', async () => {
      const expected = await found(q('مأوى'));
      assert.deepEqual(expected, ['s1', 's3'], 'name match (s1) before category match (s3)');
      for (const variant of ['ماوى', 'ماوي', 'مَأْوًى', 'مـأوى', 'المأوى']) assert.deepEqual(await found(q(variant)), expected, variant);
    });

    it('treats alef forms, ya/alef maqsura and ta marbuta/ha alike', async () => {
      // A word for shelter: the shelter category, the service whose name holds it first.
      assert.deepEqual(await found(q('الإيواء')), ['s3', 's1']);
      assert.deepEqual(await found(q('الايواء')), ['s3', 's1']);
      assert.deepEqual(await found(q('ايواء')), ['s3', 's1'], 'without the article');
      assert.deepEqual(await found(q('حماية')), ['s4']);
      assert.deepEqual(await found(q('حمايه')), ['s4']);
      assert.deepEqual(await found(q('للنساء')), ['s1']);
    });

    it('finds Kurdish text, with Kurdish or Arabic letter forms', async () => {
      const shelter = await found(q('پەناگە'));
      // The Sorani word for shelter is the shelter category; s4 only mentions shelter in its description.
      assert.deepEqual(sorted(shelter), ['s1', 's3']);
      assert.deepEqual(sorted(await found(q('پهناگه'))), sorted(shelter), 'heh instead of ae');
      assert.deepEqual(await found(q('پاراستنی منداڵ')), ['s4']);
      assert.deepEqual(await found(q('پاراستنى مندال')), ['s4'], 'Arabic ya and lam');
    });

    it('matches word prefixes, every word, case-insensitively', async () => {
      assert.deepEqual(await found(q('shelt')), ['s1', 's2', 's3'], 'the name match first, then by name');
      assert.deepEqual(await found(q('SHELTER women')), ['s1']);
      assert.deepEqual(await found(q('legal clinic')), ['s2']);
      assert.deepEqual(await found(q('shelter xyzzy')), []);
      assert.deepEqual(await found(q('hope')), ['s1', 's3'], 'organisation names are searchable');
    });

    it('ranks name matches before description and category matches', async () => {
      const res = await get(`/services?${q('shelter')}`).expect(200);
      assert.equal(res.body.total, 2, 'shelter is the category: not the legal clinic that mentions shelter');
      assert.equal(keys.get(res.body.items[0].id), 's1');
      assert.deepEqual(await found(q('women')), ['s1'], 'a population word is the population');
      // With an explicit sort the ranking gives way.
      assert.deepEqual(await found(`${q('shelt')}&sort=name`), ['s1', 's2', 's3']);
      assert.deepEqual(await found(q('shelt')), ['s1', 's2', 's3'], 'a prefix is text: the name match first');
    });

    it('does not let q reach location text', async () => {
      assert.deepEqual(await found(q('Karrada')), []);
      assert.deepEqual(await found(q('Jasmine')), []);
    });
  });

  describe('filters', () => {
    it('combine with AND across filters and OR within one', async () => {
      assert.deepEqual(await found('governorate=IQ-BG'), ['s1']);
      assert.deepEqual(sorted(await found('governorate=IQG02')), ['s2', 's5'], 'P-code');
      assert.deepEqual(sorted(await found('governorate=IQ-BG,IQ-BA')), ['s1', 's2', 's5']);
      assert.deepEqual(sorted(await found('governorate=IQ-BG&governorate=iqg02')), ['s1', 's2', 's5'], 'repeated');
      assert.deepEqual(await found('governorate=IQ-BA&category=hotlines'), ['s5']);
      assert.deepEqual(sorted(await found('population=women,migrants')), ['s1', 's2', 's5']);
      assert.deepEqual(await found('population=women,migrants&language=ar&organizationType=local-ngo'), ['s1']);
      assert.deepEqual(sorted(await found('language=bn,ckb')), ['s3', 's4', 's5']);
      assert.deepEqual(sorted(await found('organizationType=international-ngo')), ['s2', 's5']);
      assert.deepEqual(sorted(await found(`organization=${d.orgs.B.id}`)), ['s2', 's5']);
      assert.deepEqual(sorted(await found('acceptsReferrals=true')), ['s1', 's3', 's4']);
      assert.deepEqual(sorted(await found('acceptsReferrals=false')), ['s2', 's5']);
      assert.deepEqual(await found(`${q('clinic')}&governorate=IQ-BA`), ['s2']);
      assert.deepEqual(await found(`${q('clinic')}&governorate=IQ-BG`), []);
    });

    it('a parent category includes its children', async () => {
      assert.deepEqual(sorted(await found('category=safety')), ['s1', 's3']);
      assert.deepEqual(sorted(await found('category=protection,information')), ['s4', 's5']);
    });

    it('shows active services unless asked for another status', async () => {
      assert.deepEqual(await found('status=inactive'), ['s6']);
      assert.deepEqual(sorted(await found('status=active,inactive&category=shelter')), ['s1', 's3', 's6']);
    });

    it('verifiedWithinDays keeps recently confirmed services', async () => {
      // The fixture's records were made by a platform admin, so checked as made; an organisation's own new service is not.
      const org = await post<Created>(d.admin, '/organizations', { name: { en: 'Unchecked Desk NGO' }, type: 'local-ngo', governorates: ['IQ-NI'] });
      const staff = await signedInAgent(t.app, { role: 'org-admin', organizationId: org.id });
      const fresh = await post<Created>(staff, '/services', { organizationId: org.id, name: { en: 'Unchecked desk' }, governorates: ['IQ-NI'] });
      try {
        assert.deepEqual(sorted(await found('verifiedWithinDays=30&governorate=IQ-NI')), []);
        assert.deepEqual(await found(`verifiedWithinDays=30&organization=${d.orgs.A.id}`), ['s1', 's3']);
        assert.deepEqual(await found(`organization=${org.id}`), [fresh.id]);
      } finally {
        await post(d.admin, `/organizations/${org.id}/archive`, {}, 200);
      }
    });

    it('rejects unknown values with the offending field', async () => {
      for (const bad of ['population=aliens', 'governorate=XX', 'organizationType=club', 'status=open', 'sort=best', 'perPage=101', 'near=north', 'sort=distance', 'unknown=1']) {
        const res = await get(`/services?${bad}`).expect(400);
        assert.ok(Array.isArray(res.body.errors) && res.body.errors.length, bad);
      }
      await get('/services?q[$ne]=x').expect(400);
    });
  });

  describe('distance', () => {
    it('near sorts by great-circle distance and reports km', async () => {
      const res = await get(`/services?near=${BAGHDAD.lat},${BAGHDAD.lng}`).expect(200);
      const items = res.body.items as Item[];
      const order = items.map((i) => keys.get(i.id) ?? i.id);
      assert.deepEqual(order.slice(0, 3), ['s1', 's4', 's3']);
      assert.deepEqual(sorted(order.slice(3)), ['s2', 's5'], 'the Basrah office and the Basrah capital are metres apart');
      const km = Object.fromEntries(items.map((i) => [keys.get(i.id), i.distanceKm]));
      assert.equal(km.s1, 0);
      assert.ok(Math.abs(km.s2! - 447) < 2, `Baghdad → Basrah ${km.s2}`);
      // Confidential (s3) and confidential-location (s4) services are measured from the governorate capital.
      assert.equal(km.s3, Math.round(haversineKm(BAGHDAD, ERBIL_CAPITAL) * 10) / 10);
      assert.equal(km.s4, Math.round(haversineKm(BAGHDAD, SULAYMANIYAH_CAPITAL) * 10) / 10);
      const distances = items.map((i) => i.distanceKm!);
      assert.deepEqual(distances, [...distances].sort((a, b) => a - b));
    });

    it('radiusKm keeps services within the radius, also on later pages and in the total', async () => {
      const res = await get(`/services?near=${BAGHDAD.lat},${BAGHDAD.lng}&radiusKm=360`).expect(200);
      assert.deepEqual((res.body.items as Item[]).map((i) => keys.get(i.id)), ['s1', 's4', 's3']);
      assert.equal(res.body.total, 3);
      const page2 = await get(`/services?near=${BAGHDAD.lat},${BAGHDAD.lng}&radiusKm=360&perPage=2&page=2`).expect(200);
      assert.deepEqual((page2.body.items as Item[]).map((i) => keys.get(i.id)), ['s3']);
      assert.deepEqual(await found(`near=${BAGHDAD.lat},${BAGHDAD.lng}&radiusKm=50&${q('shelter')}`), ['s1']);
    });
  });

  describe('lists', () => {
    it('pages in a stable order with totals, and fields asks for less', async () => {
      const all = await found('sort=name');
      assert.deepEqual(all, ['s4', 's1', 's2', 's3', 's5']);
      const pages = [];
      for (let page = 1; page <= 3; page++) {
        const res = await get(`/services?sort=name&perPage=2&page=${page}`).expect(200);
        assert.equal(res.body.total, 5);
        assert.equal(res.body.perPage, 2);
        assert.equal(res.body.page, page);
        pages.push(...(res.body.items as Item[]).map((i) => keys.get(i.id)));
      }
      assert.deepEqual(pages, all);
      assert.deepEqual(await found('sort=-name'), [...all].reverse());
      assert.equal((await found('sort=-lastVerifiedAt'))[0], 's1');
      const slim = await get('/services?fields=name,categories&perPage=1').expect(200);
      assert.deepEqual(Object.keys(slim.body.items[0]).sort(), ['categories', 'id', 'name']);
    });

    it('a service summary has the agreed shape', async () => {
      const res = await get(`/services?organization=${d.orgs.A.id}&${q('emergency')}`).expect(200);
      const s = res.body.items[0];
      assert.deepEqual(Object.keys(s).sort(), [
        'acceptsReferrals', 'capacity', 'categories', 'confidential', 'description', 'governorates', 'id', 'languages',
        'lastVerifiedAt', 'name', 'organization', 'point', 'populations', 'status',
      ]);
      assert.deepEqual(s.capacity, [], 'no capacity figures published');
      assert.deepEqual(s.organization, { id: d.orgs.A.id, name: { en: 'Hope Shelter Network', ar: 'شبكة مأوى الأمل' }, type: 'local-ngo' });
      assert.deepEqual(s.point, { ...BAGHDAD, precision: 'exact' });
      assert.deepEqual(s.governorates, ['IQ-BG'], 'service area defaults to the governorates of its locations');
      assert.equal(s.acceptsReferrals, true, 'copied from the organisation');
    });

    it('organisations: search, filters via their services, and the agreed shape', async () => {
      const list = async (query: string) =>
        ((await get(`/organizations?${query}`).expect(200)).body.items as { name: { en: string } }[]).map((o) => o.name.en);
      assert.deepEqual(await list(q('legal')), ['Legal Aid Iraq']);
      assert.deepEqual(await list(q('القانونيه')), ['Legal Aid Iraq']);
      assert.deepEqual(await list(q('پاراستن')), ['Kurdistan Protection Office']);
      assert.deepEqual(await list('category=shelter'), ['Hope Shelter Network']);
      assert.deepEqual(await list('category=safety,legal-aid&governorate=IQ-BA'), ['Legal Aid Iraq']);
      assert.deepEqual(await list('organizationType=government,international-ngo'), ['Kurdistan Protection Office', 'Legal Aid Iraq']);
      assert.deepEqual(await list('acceptsReferrals=true&sort=-name'), ['Kurdistan Protection Office', 'Hope Shelter Network']);
      const res = await get('/organizations?perPage=1').expect(200);
      assert.equal(res.body.total, 3);
      assert.deepEqual(Object.keys(res.body.items[0]).sort(), [
        'acceptsReferrals', 'acceptsReferralsOnPlatform', 'alternateName', 'description', 'email', 'governorates', 'id', 'languages',
        'lastVerifiedAt', 'name', 'phones', 'type', 'verification', 'website',
      ]);
    });

    it('organisations: the list runs compiled plans, no filter is interpreted', async () => {
      const interpreted = await interpretedWhile(async () => {
        for (const query of [q('legal'), 'category=safety,legal-aid&governorate=IQ-BA', `organization=${d.orgs.C.id.toUpperCase()}&language=ar`, 'acceptsReferrals=false&verifiedWithinDays=30&verification=pending&organizationType=government']) {
          await get(`/organizations?${query}`).expect(200);
        }
      });
      assert.deepEqual(interpreted, []);
      // Ids in any case; an id outside the category's organisations matches nothing.
      const names = async (query: string) => ((await get(`/organizations?${query}`).expect(200)).body.items as { name: { en: string } }[]).map((o) => o.name.en);
      assert.deepEqual(await names(`organization=${d.orgs.B.id.toUpperCase()}`), ['Legal Aid Iraq']);
      assert.deepEqual(await names(`organization=${d.orgs.B.id},${d.orgs.C.id}&category=legal-aid`), ['Legal Aid Iraq']);
      assert.deepEqual(await names(`organization=${d.orgs.A.id}&category=legal-aid`), []);
      assert.deepEqual(await names('acceptsReferrals=false'), ['Legal Aid Iraq']);
    });

    it('places, contacts, HSDS and the verification queue run compiled plans, no filter is interpreted', async () => {
      const hsds = (path: string) => request(t.app).get(`/hsds${path}`).expect(200);
      const counts: Record<string, number> = {};
      const interpreted = await interpretedWhile(async () => {
        counts.places = (await get(`/locations?organization=${d.orgs.A.id.toUpperCase()}&governorate=IQ-BG,IQ-AR`).expect(200)).body.total;
        counts.publicPlaces = (await get('/locations').expect(200)).body.total;
        counts.adminPlaces = (await d.admin.agent.get(`/api/v1/locations?archived=include&organization=${d.orgs.A.id}`).expect(200)).body.total;
        counts.contacts = (await get(`/contacts?organization=${d.orgs.A.id},${d.orgs.B.id}&referralFocalPoint=false`).expect(200)).body.total;
        counts.hsdsSearch = (await hsds('/services?search=shelter')).body.total_items;
        counts.hsdsServices = (await hsds(`/services?organization_id=${d.orgs.B.id}&full=true`)).body.total_items;
        counts.hsdsOrganizations = (await hsds('/organizations')).body.total_items;
        counts.hsdsOrganizationSearch = (await hsds('/organizations?search=legal')).body.total_items;
        counts.pairs = (await hsds('/service_at_locations')).body.total_items;
        counts.queue = (await d.admin.agent.get('/api/v1/admin/verification-queue?perPage=100').expect(200)).body.total;
        await get('/meta').expect(200);
      });
      assert.deepEqual(interpreted, []);
      // Answers, not empty pages: the plans found what the fixtures hold.
      assert.ok(Object.values(counts).every((n) => typeof n === 'number'), JSON.stringify(counts));
      assert.ok(counts.hsdsSearch! > 0 && counts.hsdsOrganizations === 3 && counts.hsdsOrganizationSearch === 1 && counts.publicPlaces! > 0, JSON.stringify(counts));
    });

    it('an organisation page has its live services, contacts and the locations the public may see', async () => {
      const res = await get(`/organizations/${d.orgs.A.id}`).expect(200);
      assert.match(res.headers.etag!, new RegExp(`^"${res.body.version}\\.`));
      assert.deepEqual(sorted((res.body.services as Item[]).map((s) => keys.get(s.id)!)), ['s1', 's3', 's6']);
      assert.deepEqual(res.body.locations.map((l: { name: { en: string } }) => l.name.en), ['Karrada centre']);
      assert.deepEqual(res.body.contacts, []);
      assert.equal(res.body.verification.status, 'verified', 'created by a platform admin');
      const slim = await get('/organizations?fields=name,type&sort=name').expect(200);
      assert.deepEqual(slim.body.items[0], { id: d.orgs.A.id, name: { en: 'Hope Shelter Network', ar: 'شبكة مأوى الأمل' }, type: 'local-ngo' });
    });

    it('taxonomy lists groups and categories in order', async () => {
      const res = await get('/taxonomy').expect(200);
      const shelter = res.body.items.find((t: { code: string }) => t.code === 'shelter');
      assert.equal(shelter.parent, 'safety');
      assert.equal(shelter.name.ar, 'المأوى والسكن الآمن');
      assert.equal(res.body.items[0].code, 'safety');
    });
  });

  describe('facets and map', () => {
    it('facets count the same search per dimension', async () => {
      const res = await get('/services/facets').expect(200);
      assert.equal(res.body.total, 5);
      assert.deepEqual(res.body.category, { shelter: 2, 'child-protection': 1, hotlines: 1, 'legal-aid': 1 });
      assert.equal(res.body.governorate['IQ-BA'], 2);
      assert.equal(res.body.population['trafficking-survivors'], 3);
      assert.equal(res.body.language.ar, 5);
      assert.deepEqual(res.body.organizationType, { 'local-ngo': 2, 'international-ngo': 2, government: 1 });
      const filtered = await get(`/services/facets?${q('shelter')}&near=${BAGHDAD.lat},${BAGHDAD.lng}&radiusKm=360`).expect(200);
      assert.equal(filtered.body.total, 2);
      assert.deepEqual(filtered.body.governorate, { 'IQ-AR': 1, 'IQ-BG': 1 });
    });

    it('a dimension with a selection is counted without it (values of one filter combine with OR)', async () => {
      const all = (await get('/services/facets').expect(200)).body;
      const basrah = (await get('/services/facets?governorate=IQ-BA').expect(200)).body;
      assert.equal(basrah.total, all.governorate['IQ-BA']);
      assert.deepEqual(basrah.governorate, all.governorate, 'the other governorates keep their counts');
      const basrahServices = (await get('/services?governorate=IQ-BA&perPage=100').expect(200)).body.items as { categories: string[] }[];
      const expected: Record<string, number> = {};
      for (const s of basrahServices) for (const c of new Set(s.categories)) expected[c] = (expected[c] ?? 0) + 1;
      assert.deepEqual(basrah.category, Object.fromEntries(Object.entries(basrah.category).map(([c]) => [c, expected[c]])));
      assert.deepEqual(Object.keys(basrah.category).sort(), Object.keys(expected).sort(), 'other dimensions count the selection only');
    });

    it('the map is compact columns with the service names in the asked language, confidential services at the governorate', async () => {
      const res = await get('/map/services?lang=ar').expect(200);
      assert.match(res.headers['content-type'] ?? '', /^application\/json/);
      const body = JSON.parse(res.text) as MapPoints;
      assert.equal(body.id.length, 5);
      for (const column of [body.name, body.lng, body.lat, body.category]) assert.equal(column.length, 5);
      const at = (id: string) => body.id.indexOf(id);
      const s1 = at(d.services.s1.id);
      assert.equal(body.name[s1], 'مأوى طوارئ للنساء');
      assert.ok(!res.text.includes('شبكة مأوى الأمل'), 'no organisation names: the popup reads them from the service page');
      // Whole 1/10,000 degrees: the public point, rounded.
      assert.deepEqual([body.lng[s1], body.lat[s1]], [443661, 333152]);
      assert.deepEqual(body.categorySets[body.category[s1]!], ['shelter']);
      assert.ok(!body.approximate.includes(s1));
      const s3 = at(d.services.s3.id);
      assert.deepEqual([body.lng[s3], body.lat[s3]], [Math.round(ERBIL_CAPITAL.lng * 1e4), Math.round(ERBIL_CAPITAL.lat * 1e4)]);
      assert.ok(body.approximate.includes(s3));
      // The names are in the answer: each language has its own bytes and tag.
      const en = await get('/map/services?lang=en').expect(200);
      assert.equal((JSON.parse(en.text) as MapPoints).name[s1], 'Emergency Shelter for Women');
      assert.notEqual(en.headers.etag, res.headers.etag);
      const protection = JSON.parse((await get(`/map/services?lang=ckb&category=protection`).expect(200)).text) as MapPoints;
      // A group code stands for its categories.
      assert.deepEqual(protection.id, [d.services.s4.id]);
      assert.deepEqual(protection.categorySets[protection.category[0]!], ['child-protection']);
      assert.deepEqual(protection.name, ['یەکەی پاراستنی منداڵ']);
    });
  });
});
