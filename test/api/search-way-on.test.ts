import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { bundledGovernorates } from '../../server/directory/governorates/governorate-data.js';
import { withoutWords } from '../../server/contract/directory/search/query-words.js';
import { signedInAgent } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

interface WayOnBody {
  total: number;
  filters: { field: string; code: string; words?: string; total: number }[];
  categories: { code: string; total: number }[];
  hotlines: { id: string; name: { en?: string }; organization: { name: { en?: string } }; phones: { number: string; type: string }[] }[];
}

describe('a way on from a search that finds nothing', () => {
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
    const admin = await signedInAgent(t.app, { role: 'platform-admin' });
    const org = await post<Created>(admin, '/organizations', { name: { en: 'Tigris Rights Centre' }, type: 'local-ngo', governorates: ['IQ-BG', 'IQ-BA', 'IQ-AR'] });
    const service = (body: Record<string, unknown>) => post<Created>(admin, '/services', { organizationId: org.id, ...body });
    await service({ name: { en: 'Clinic of Karkh' }, categories: ['legal-aid'], governorates: ['IQ-BG'], populations: ['women'] });
    await service({ name: { en: 'Legal desk' }, categories: ['legal-aid'], governorates: ['IQ-BA'], populations: ['men'] });
    await service({ name: { en: 'Papers office' }, categories: ['civil-documentation'], governorates: ['IQ-BG'], populations: ['women'] });
    await service({ name: { en: 'Papers office two' }, categories: ['civil-documentation'], governorates: ['IQ-BG'], populations: ['men'] });
    await service({ name: { en: 'Police unit' }, categories: ['law-enforcement'], governorates: ['IQ-BG'], populations: ['women'] });
    await service({ name: { en: 'Baghdad trafficking hotline' }, categories: ['hotlines'], governorates: ['IQ-BG'], phones: [{ number: '+964 770 111 2233', type: 'hotline' }] });
    await service({ name: { en: 'A Baghdad line with no number yet' }, categories: ['hotlines'], governorates: ['IQ-BG'] });
    await service({
      name: { en: 'National hotline' },
      categories: ['hotlines'],
      governorates: bundledGovernorates().map((g) => g.code),
      phones: [{ number: '533', type: 'hotline' }],
    });
  });
  after(() => t.close());

  const total = async (query: string) => (await request(t.app).get(`/api/v1/services?${query}`).expect(200)).body.total as number;
  const wayOn = async (query: string) => (await request(t.app).get(`/api/v1/services/way-on?${query}`).expect(200)).body as WayOnBody;

  it('gives each filter, chosen or typed, the total the search without it alone finds', async () => {
    const q = 'legal aid Baghdad';
    const query = `q=${encodeURIComponent(q)}&population=men`;
    assert.equal(await total(query), 0, 'the search itself finds nothing');
    const body = await wayOn(query);
    assert.equal(body.total, 0);
    assert.deepEqual(
      body.filters.map((f) => [f.field, f.code, f.words ?? null]).sort(),
      [['category', 'legal-aid', 'legal aid'], ['governorate', 'IQ-BG', 'Baghdad'], ['population', 'men', null]],
    );
    for (const f of body.filters) {
      const dropped = f.words ? `q=${encodeURIComponent(withoutWords(q, f.words))}&population=men` : `q=${encodeURIComponent(q)}`;
      assert.equal(f.total, await total(dropped), `${f.field} ${f.code}`);
    }
    const counts = Object.fromEntries(body.filters.map((f) => [f.code, f.total]));
    assert.deepEqual(counts, { men: 1, 'legal-aid': 1, 'IQ-BG': 1 });
  });

  it('offers the categories of the same group in the same place, with their counts', async () => {
    const body = await wayOn(`q=${encodeURIComponent('محامي بغداد')}&population=girls`);
    assert.deepEqual(body.categories, [{ code: 'civil-documentation', total: 2 }, { code: 'law-enforcement', total: 1 }]);
  });

  it("gives the governorate's hotline with its number, else the national one", async () => {
    const baghdad = await wayOn(`q=${encodeURIComponent('لاجئين بغداد')}`);
    assert.deepEqual(baghdad.hotlines.map((h) => [h.name.en, h.phones.map((p) => p.number)]), [
      ['Baghdad trafficking hotline', ['+9647701112233']],
      ['National hotline', ['533']],
      ['A Baghdad line with no number yet', []],
    ], "lines with a number first, the governorate's own before the national one");
    assert.equal(baghdad.hotlines[0]!.organization.name.en, 'Tigris Rights Centre');
    const erbil = await wayOn(`q=${encodeURIComponent('پەناگە هەولێر')}`);
    assert.deepEqual(erbil.hotlines.map((h) => [h.name.en, h.phones.map((p) => p.number)]), [['National hotline', ['533']]]);
    const nowhere = await wayOn('q=zzzz');
    assert.deepEqual(nowhere.hotlines.map((h) => h.name.en), ['National hotline']);
  });

  it('answers a bad filter with problem+json', async () => {
    const res = await request(t.app).get('/api/v1/services/way-on?population=aliens').expect(400);
    assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
  });
});
