import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Types } from 'mongoose';
import request from 'supertest';
import { CATEGORY_CODES, TAXONOMY_TERMS } from '../../server/contract/directory/taxonomy/categories.js';
import { ActivityModel } from '../../server/activities/activity.model.js';
import { bundledGovernorates } from '../../server/directory/governorates/governorate-data.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { TaxonomyTermModel } from '../../server/directory/taxonomy/taxonomy.model.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

interface ServiceFixture {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  governorates: string[];
  categories: string[];
  populations: string[];
  status: 'active' | 'inactive';
  archivedAt: Date | null;
  lastVerifiedAt: Date | null;
}

interface Cell {
  services: number;
  organizations: number;
  verifiedShare: number | null;
  gap: boolean;
}
interface GovernorateCoverage {
  code: string;
  pcode: string | null;
  name: { en?: string; ar?: string; ckb?: string };
  categories: Record<string, Cell>;
  totals: { services: number; organizations: number };
  gaps: string[];
  activities: { count: number; reached: Record<'women' | 'men' | 'girls' | 'boys' | 'total', number> };
}

const orgs = Array.from({ length: 4 }, () => new Types.ObjectId());
const service = (overrides: Partial<ServiceFixture>): ServiceFixture => ({
  _id: new Types.ObjectId(),
  organizationId: orgs[0]!,
  governorates: ['IQ-BA'],
  categories: ['shelter'],
  populations: [],
  status: 'active',
  archivedAt: null,
  lastVerifiedAt: null,
  ...overrides,
});

const services: ServiceFixture[] = [
  service({ governorates: ['IQ-BA', 'IQ-NA'], categories: ['shelter', 'medical'], populations: ['women'], lastVerifiedAt: daysAgo(10) }),
  service({ categories: ['shelter'], populations: ['girls'], lastVerifiedAt: daysAgo(400) }),
  service({ organizationId: orgs[1], categories: ['shelter', 'legal-aid'], populations: ['women', 'migrants'], lastVerifiedAt: daysAgo(364) }),
  service({ organizationId: orgs[1], categories: ['shelter'], status: 'inactive', lastVerifiedAt: daysAgo(1) }),
  service({ organizationId: orgs[2], categories: ['shelter'], archivedAt: daysAgo(3) }),
  // Repeated codes count once.
  service({ organizationId: orgs[2], governorates: ['IQ-BG', 'IQ-BA', 'IQ-BA'], categories: ['mhpss', 'mhpss'], populations: ['boys'] }),
  service({ organizationId: orgs[3], governorates: ['IQ-SU'], categories: ['hotlines', 'case-management'], lastVerifiedAt: daysAgo(30) }),
  service({ organizationId: orgs[3], governorates: ['IQ-SU'], categories: ['hotlines'], lastVerifiedAt: daysAgo(30) }),
  // No known governorate, or only a category that is not in the taxonomy: counted nowhere.
  service({ organizationId: orgs[3], governorates: [], categories: ['shelter'] }),
  service({ organizationId: orgs[3], governorates: ['IQ-BA'], categories: ['not-a-category'] }),
];

/** Coverage computed the slow, obvious way from the fixtures, to compare the API with. */
function expectedCoverage(records: ServiceFixture[], categories: string[], populations: string[] = []) {
  const live = records.filter(
    (s) =>
      s.status === 'active' &&
      !s.archivedAt &&
      s.categories.some((c) => categories.includes(c)) &&
      (populations.length === 0 || s.populations.some((p) => populations.includes(p))),
  );
  const recent = daysAgo(365);
  return new Map(
    bundledGovernorates().map((g) => {
      const here = live.filter((s) => s.governorates.includes(g.code));
      const cells = Object.fromEntries(
        categories.map((c) => {
          const matching = here.filter((s) => s.categories.includes(c));
          const verified = matching.filter((s) => s.lastVerifiedAt && s.lastVerifiedAt >= recent).length;
          return [
            c,
            {
              services: matching.length,
              organizations: new Set(matching.map((s) => String(s.organizationId))).size,
              verifiedShare: matching.length ? verified / matching.length : null,
              gap: matching.length === 0,
            },
          ];
        }),
      );
      return [
        g.code,
        {
          categories: cells,
          totals: { services: here.length, organizations: new Set(here.map((s) => String(s.organizationId))).size },
          gaps: categories.filter((c) => cells[c]!.gap),
        },
      ];
    }),
  );
}

function assertMatches(body: { categories: string[]; governorates: GovernorateCoverage[] }, expected: ReturnType<typeof expectedCoverage>) {
  assert.equal(body.governorates.length, 19);
  for (const g of body.governorates) {
    const want = expected.get(g.code)!;
    assert.deepEqual(g.categories, want.categories, g.code);
    assert.deepEqual(g.totals, want.totals, g.code);
    assert.deepEqual(g.gaps, want.gaps, g.code);
  }
}

const reach = (women: number, men: number, girls: number, boys: number) => ({ women, men, girls, boys });
const activity = (overrides: object) => ({
  organizationId: orgs[0],
  title: { en: 'Activity' },
  kind: 'awareness-session',
  governorates: ['IQ-BA'],
  startDate: daysAgo(40),
  endDate: daysAgo(40),
  reached: reach(1, 1, 1, 1),
  ...overrides,
});

describe('coverage', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await ServiceModel.insertMany(services.map((s) => ({ ...s, name: { en: 'Service' }, organizationType: 'local-ngo' })));
    await ActivityModel.insertMany([
      activity({ kind: 'campaign', governorates: ['IQ-NA', 'IQ-BA', 'IQ-BG'], reached: reach(100, 50, 20, 10) }),
      activity({ governorates: ['IQ-BA'], reached: reach(5, 6, 7, 8) }),
      // Two sessions alike in all the figures counted.
      activity({ governorates: ['IQ-KA'], reached: reach(3, 3, 3, 3) }),
      activity({ governorates: ['IQ-KA'], reached: reach(3, 3, 3, 3), kind: 'training' }),
      activity({ governorates: ['IQ-BA'], startDate: daysAgo(800), endDate: daysAgo(799), reached: reach(1000, 0, 0, 0) }),
      activity({ governorates: ['IQ-BA'], archivedAt: daysAgo(1), reached: reach(2000, 0, 0, 0) }),
    ]);
  });
  after(() => t.close());

  const get = async (query = '') => (await request(t.app).get(`/api/v1/coverage${query}`).expect(200)).body;
  const governorate = (body: { governorates: GovernorateCoverage[] }, code: string) => body.governorates.find((g) => g.code === code)!;

  it('counts active services, distinct organisations, verified share and gaps per governorate and category', async () => {
    const body = await get();
    assert.deepEqual(body.categories, CATEGORY_CODES);
    assert.deepEqual(
      body.governorates.map((g: GovernorateCoverage) => g.code),
      bundledGovernorates().map((g) => g.code),
    );
    assertMatches(body, expectedCoverage(services, CATEGORY_CODES));

    // The same, spelled out for Basrah.
    const basrah = governorate(body, 'IQ-BA');
    assert.equal(basrah.pcode, 'IQG02');
    assert.equal(basrah.name.ar, 'البصرة');
    assert.deepEqual(basrah.categories.shelter, { services: 3, organizations: 2, verifiedShare: 2 / 3, gap: false });
    assert.deepEqual(basrah.categories.mhpss, { services: 1, organizations: 1, verifiedShare: 0, gap: false });
    assert.deepEqual(basrah.categories.education, { services: 0, organizations: 0, verifiedShare: null, gap: true });
    assert.deepEqual(basrah.totals, { services: 4, organizations: 3 });
    assert.deepEqual(
      basrah.gaps,
      CATEGORY_CODES.filter((c) => !['shelter', 'medical', 'legal-aid', 'mhpss'].includes(c)),
    );
    assert.deepEqual(governorate(body, 'IQ-AN').gaps, CATEGORY_CODES);

    assert.deepEqual(body.national.totals, { services: 6, organizations: 4 });
    assert.deepEqual(body.national.categories.shelter, { services: 3, organizations: 2, verifiedShare: 2 / 3, gap: false });
    assert.deepEqual(body.national.categories.hotlines, { services: 2, organizations: 1, verifiedShare: 1, gap: false });
  });

  it('filters by category (a group stands for its categories) and by population', async () => {
    const health = await get('?category=health');
    assert.deepEqual(health.categories, ['medical', 'mhpss']);
    assertMatches(health, expectedCoverage(services, ['medical', 'mhpss']));
    assert.deepEqual(governorate(health, 'IQ-BA').totals, { services: 2, organizations: 2 });

    const mixed = await get('?category=legal-aid&category=safety');
    const safety = TAXONOMY_TERMS.filter((t) => t.parent === 'safety').map((t) => t.code);
    assert.deepEqual(mixed.categories, [...safety, 'legal-aid']);
    assertMatches(mixed, expectedCoverage(services, [...safety, 'legal-aid']));

    const women = await get('?population=women,girls');
    assertMatches(women, expectedCoverage(services, CATEGORY_CODES, ['women', 'girls']));
    assert.deepEqual(governorate(women, 'IQ-BA').totals, { services: 3, organizations: 2 });
    assert.deepEqual(governorate(women, 'IQ-SU').totals, { services: 0, organizations: 0 });

    const both = await get('?category=shelter&population=migrants');
    assert.deepEqual(governorate(both, 'IQ-BA').categories, { shelter: { services: 1, organizations: 1, verifiedShare: 1, gap: false } });
  });

  it('rejects unknown categories, populations and parameters', async () => {
    const res = await request(t.app).get('/api/v1/coverage?category=shelter,nonsense').expect(400);
    assert.equal(res.body.errors[0].field, 'query.category');
    await request(t.app).get('/api/v1/coverage?population=aliens').expect(400);
    await request(t.app).get('/api/v1/coverage?governorate=IQ-BA').expect(400);
    await request(t.app).get('/api/v1/coverage?from=2026-01-02&to=2026-01-01').expect(400);
  });

  it('reports activity reach per governorate for the last twelve months or the period asked', async () => {
    const body = await get();
    assert.deepEqual(governorate(body, 'IQ-BA').activities, {
      count: 2,
      reached: { women: 105, men: 56, girls: 27, boys: 18, total: 206 },
    });
    assert.deepEqual(governorate(body, 'IQ-NA').activities, {
      count: 1,
      reached: { women: 100, men: 50, girls: 20, boys: 10, total: 180 },
    });
    assert.deepEqual(governorate(body, 'IQ-KA').activities, {
      count: 2,
      reached: { women: 6, men: 6, girls: 6, boys: 6, total: 24 },
    });
    assert.deepEqual(governorate(body, 'IQ-AN').activities.count, 0);
    // Nationally the campaign counts once.
    assert.deepEqual(body.national.activities, { count: 4, reached: { women: 111, men: 62, girls: 33, boys: 24, total: 230 } });
    assert.equal(body.period.to, new Date().toISOString().slice(0, 10));

    const from = daysAgo(900).toISOString().slice(0, 10);
    const to = daysAgo(700).toISOString().slice(0, 10);
    const old = await get(`?from=${from}&to=${to}`);
    assert.deepEqual(old.period, { from, to });
    assert.equal(governorate(old, 'IQ-BA').activities.reached.women, 1000);
    assert.equal(governorate(old, 'IQ-NA').activities.count, 0);
  });

  it('changes at once when a service is archived or added', async () => {
    const before = await get('?category=shelter,medical');
    assert.equal(governorate(before, 'IQ-NA').categories.medical!.services, 1);

    await ServiceModel.updateOne({ _id: services[0]!._id }, { $set: { archivedAt: new Date() } });
    const afterArchive = await get('?category=shelter,medical');
    const archived = services.map((s, i) => (i === 0 ? { ...s, archivedAt: new Date() } : s));
    assertMatches(afterArchive, expectedCoverage(archived, ['shelter', 'medical']));
    assert.deepEqual(governorate(afterArchive, 'IQ-NA').categories.medical, { services: 0, organizations: 0, verifiedShare: null, gap: true });
    assert.deepEqual(governorate(afterArchive, 'IQ-NA').gaps, ['shelter', 'medical']);

    const added = service({ governorates: ['IQ-NA'], categories: ['medical'], lastVerifiedAt: new Date() });
    await ServiceModel.create({ ...added, name: { en: 'New clinic' }, organizationType: 'local-ngo' });
    const afterAdd = await get('?category=shelter,medical');
    assertMatches(afterAdd, expectedCoverage([...archived, added], ['shelter', 'medical']));

    await ServiceModel.deleteOne({ _id: added._id });
    assertMatches(await get('?category=shelter,medical'), expectedCoverage(archived, ['shelter', 'medical']));
    await ServiceModel.updateOne({ _id: services[0]!._id }, { $set: { archivedAt: null } });
  });

  describe('CSV and HXL export', () => {
    const HEADER = [
      'Governorate',
      'Governorate (Arabic)',
      'P-code',
      'ISO 3166-2 code',
      'Category code',
      'Category',
      'Active services',
      'Organisations',
      'Verified in the last 365 days (%)',
      'Gap (1 = no active service)',
      'Activities in the governorate',
      'Reached: women (governorate)',
      'Reached: men (governorate)',
      'Reached: girls (governorate)',
      'Reached: boys (governorate)',
      'Reached: total (governorate)',
    ];
    const HXL = [
      '#adm1+name',
      '#adm1+name+i_ar',
      '#adm1+code',
      '#adm1+iso3166_2',
      '#sector+code',
      '#sector+name',
      '#output+services+num',
      '#org+num',
      '#indicator+verified+pct',
      '#indicator+gap',
      '#output+activities+num',
      '#reached+f+adults+num',
      '#reached+m+adults+num',
      '#reached+f+children+num',
      '#reached+m+children+num',
      '#reached+total+num',
    ];
    const download = async (query = '') => {
      const res = await request(t.app)
        .get(`/api/v1/coverage.csv${query}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
        })
        .expect(200);
      return { res, text: res.body as string, rows: parse(res.body as string, { bom: true }) as string[][] };
    };

    it('is a UTF-8 CSV with BOM, CRLF line ends and one row per governorate and category', async () => {
      const { res, text, rows } = await download();
      assert.match(res.headers['content-type']!, /^text\/csv; charset=utf-8/);
      assert.match(res.headers['content-disposition']!, /^attachment; filename="?coverage-\d{4}-\d{2}-\d{2}\.csv"?$/);
      assert.ok(text.startsWith('\uFEFF'), 'starts with a byte order mark');
      assert.equal(text.split('\r\n').length, rows.length + 1);
      assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
      assert.match(rows[0]![0]!, /^Coverage of the referral directory, \d{4}-\d{2}-\d{2}\. Filters: none \(every category and population\)$/);
      assert.equal(rows[0]!.length, HEADER.length, 'the first line is as wide as the table');
      assert.deepEqual(rows[1], HEADER);
      assert.equal(rows.length, 2 + 19 * CATEGORY_CODES.length);

      const shelter = rows.find((r) => r[3] === 'IQ-BA' && r[4] === 'shelter');
      assert.deepEqual(shelter, [
        'Al-Basrah', 'البصرة', 'IQG02', 'IQ-BA', 'shelter', 'Shelter and safe accommodation',
        '3', '2', '66.7', '0', '2', '105', '56', '27', '18', '206',
      ]);
      // Halabja has no ISO 3166-2 code (nor P-code) yet: named, with no invented code in either column.
      const halabja = rows.find((r) => r[0] === 'Halabja' && r[4] === 'education');
      assert.deepEqual(halabja?.slice(0, 10), ['Halabja', 'حلبجة', '', '', 'education', 'Education', '0', '0', '', '1']);
    });

    it('with hxl=1 has the HXL hashtag row under the header, and keeps the filters', async () => {
      const { res, rows } = await download('?hxl=1&category=health');
      assert.match(res.headers['content-disposition']!, /filename="?coverage-hxl-category-health-\d{4}-\d{2}-\d{2}\.csv"?$/);
      assert.match(rows[0]![0]!, /Filters: Categories: health$/);
      assert.deepEqual(rows[1], HEADER);
      assert.deepEqual(rows[2], HXL);
      // An HXL tool's `#adm1+code` (attribute subset) selects the P-code column alone.
      const pcodeColumns = rows[2]!.filter((tag) => ['#adm1', '+code'].every((part) => tag.split(/(?=\+)/).includes(part)));
      assert.deepEqual(pcodeColumns, ['#adm1+code']);
      assert.equal(rows.length, 3 + 19 * 2);
      assert.deepEqual(new Set(rows.slice(3).map((r) => r[4])), new Set(['medical', 'mhpss']));
      await request(t.app).get('/api/v1/coverage.csv?hxl=maybe').expect(400);
    });

    it('names every filter it applied in its first line and its file name, never exporting a filtered view silently', async () => {
      const { res, rows } = await download('?category=legal-aid&category=shelter&population=women&from=2026-01-01&to=2026-06-30');
      assert.match(
        res.headers['content-disposition']!,
        /filename="?coverage-category-legal-aid\+shelter-population-women-period-2026-01-01_2026-06-30-\d{4}-\d{2}-\d{2}\.csv"?$/,
      );
      assert.match(rows[0]![0]!, /Filters: Categories: legal-aid, shelter; Populations: women; Activities: 2026-01-01 to 2026-06-30$/);
      assert.deepEqual(rows[1], HEADER);
    });

    it('neutralises cells a spreadsheet would run as formulas', async () => {
      await TaxonomyTermModel.updateOne({ code: 'education' }, { $set: { 'name.en': '=HYPERLINK("http://evil.example","Education")' } });
      const { rows, text } = await download('?category=education');
      assert.equal(rows[2]![5], `'=HYPERLINK("http://evil.example","Education")`);
      // Cells with commas or quotes are quoted, quotes doubled.
      assert.ok(text.includes(`,"'=HYPERLINK(""http://evil.example"",""Education"")",`), 'quoted cell');
      await TaxonomyTermModel.updateOne({ code: 'education' }, { $set: { 'name.en': 'Education' } });
    });
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await request(t.app).get('/api/v1/openapi.json').expect(200);
    assert.ok(doc.body.paths['/api/v1/coverage'].get);
    assert.ok(doc.body.paths['/api/v1/coverage.csv'].get.responses['200'].content['text/csv']);
  });
});
