import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { signedInAgent } from '../support/auth.js';
import { normalizeText } from '../../server/platform/text/normalize.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

describe('search reads what people type', () => {
  let t: TestApp;
  const ids = new Map<string, string>();

  before(async () => {
    t = await startTestApp();
    const admin = await signedInAgent(t.app, { role: 'platform-admin' });
    const org = await post<Created>(admin, '/organizations', { name: { en: 'Tigris Rights Centre' }, type: 'local-ngo', governorates: ['IQ-BG', 'IQ-BA'] });
    const service = async (key: string, body: Record<string, unknown>) =>
      ids.set((await post<Created>(admin, '/services', { organizationId: org.id, ...body })).id, key);
    // Its text never says "Baghdad" nor "lawyer": only its category and governorate do.
    await service('karkh', { name: { en: 'Clinic of Karkh', ar: 'عيادة الكرخ' }, categories: ['legal-aid'], governorates: ['IQ-BG'], populations: ['women', 'men'] });
    await service('gbv', { name: { en: 'Case management' }, description: { en: 'We also arrange legal aid in Baghdad.' }, categories: ['gbv-response'], governorates: ['IQ-BG'], populations: ['women'] });
    await service('basra', { name: { en: 'Legal aid desk' }, categories: ['legal-aid'], governorates: ['IQ-BA'], populations: ['migrants'] });
    await service('mental', { name: { en: 'Mental health support' }, categories: ['mhpss'], governorates: ['IQ-BG'], populations: ['women'] });
    await service('erbilShelter', { name: { ckb: 'ماڵی ئارام' }, categories: ['shelter'], governorates: ['IQ-AR'], populations: ['women'] });
  });
  after(() => t.close());

  async function search(query: string) {
    const res = await request(t.app).get(`/api/v1/services?q=${encodeURIComponent(query)}`).expect(200);
    return { found: (res.body.items as { id: string }[]).map((i) => ids.get(i.id)).sort(), understood: res.body.understood as { field: string; code: string; words: string }[] };
  }

  it('"legal aid Baghdad", in any order, is legal aid in Baghdad, and says what it understood', async () => {
    for (const query of ['legal aid Baghdad', 'Baghdad legal aid', 'legal aid in baghdad']) {
      const { found, understood } = await search(query);
      assert.deepEqual(found, ['karkh'], query);
      assert.deepEqual(
        understood.map((u) => [u.field, u.code]).sort(),
        [['category', 'legal-aid'], ['governorate', 'IQ-BG']],
        query,
      );
    }
    const { understood } = await search('legal aid Baghdad');
    assert.deepEqual(understood.map((u) => u.words), ['legal aid', 'Baghdad'], 'the words as typed, to remove them');
  });

  it('Arabic and Sorani words for the need and the place', async () => {
    assert.deepEqual((await search('محامي بغداد')).found, ['karkh']);
    assert.deepEqual((await search('المحامي في بغداد')).found, ['karkh'], 'with the article and a linking word');
    assert.deepEqual((await search('پارێزەر بەغدا')).found, ['karkh']);
    assert.deepEqual((await search('پەناگە هەولێر')).found, ['erbilShelter']);
    assert.deepEqual((await search('ملجأ')).found, ['erbilShelter']);
    assert.deepEqual((await search('refuge')).found, ['erbilShelter']);
    assert.deepEqual((await search('بەسرە')).found, ['basra']);
  });

  it('"men" means services for men, never "mental"', async () => {
    assert.deepEqual((await search('men')).found, ['karkh']);
    assert.deepEqual((await search('mental')).found, ['mental'], 'a word that names nothing stays text');
  });

  it('an explicit filter wins: the same kind of word typed stays text', async () => {
    const res = await request(t.app).get(`/api/v1/services?governorate=IQ-BA&q=${encodeURIComponent('legal aid Baghdad')}`).expect(200);
    assert.deepEqual(res.body.items, []);
    assert.deepEqual(res.body.understood.map((u: { code: string }) => u.code), ['legal-aid']);
  });
});

describe('a misspelt need or place', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    const admin = await signedInAgent(t.app, { role: 'platform-admin' });
    const org = await post<Created>(admin, '/organizations', { name: { en: 'Karkh Law Office' }, type: 'local-ngo', governorates: ['IQ-BG'] });
    await post<Created>(admin, '/services', { organizationId: org.id, name: { en: 'Representation in court' }, categories: ['legal-aid'], governorates: ['IQ-BG'] });
  });
  after(() => t.close());

  const search = (query: string) => request(t.app).get(`/api/v1/services?${query}`).expect(200);

  it('a word of five letters or more one edit from a vocabulary word is read as it, and says so', async () => {
    for (const typo of ['lawyr Baghdad', 'Baghdda lawyer', 'محاميي بغداد', 'پارێزر بەغدا']) {
      const res = await search(`q=${encodeURIComponent(typo)}`);
      assert.equal(res.body.total, 1, typo);
      assert.ok(res.body.understood.some((u: { correctedTo?: string }) => u.correctedTo), `${typo}: ${JSON.stringify(res.body.understood)}`);
    }
  });

  it('asTyped=true searches the words as typed: the original one tap away', async () => {
    const res = await search(`q=${encodeURIComponent('lawyr')}&asTyped=true`);
    assert.equal(res.body.total, 0);
    assert.deepEqual(res.body.understood, []);
  });

  it('short words are never corrected', async () => {
    const res = await search(`q=${encodeURIComponent('lawy')}`);
    assert.deepEqual(res.body.understood, []);
  });
});

describe('a misspelt word of the text', () => {
  let t: TestApp;
  const ids = new Map<string, string>();
  before(async () => {
    t = await startTestApp();
    const admin = await signedInAgent(t.app, { role: 'platform-admin' });
    const org = await post<Created>(admin, '/organizations', { name: { en: 'Tigris Rights Centre' }, type: 'local-ngo', governorates: ['IQ-BG'] });
    const service = async (key: string, name: Record<string, string>) =>
      ids.set((await post<Created>(admin, '/services', { organizationId: org.id, name, categories: ['medical'], governorates: ['IQ-BG'] })).id, key);
    await service('dialysis', { en: 'Dialysis unit', ar: 'وحدة غسيل الكلى', ckb: 'یەکەی دیالیز' });
    await service('dental', { en: 'Dental clinic', ar: 'عيادة الاسنان', ckb: 'کلینیکی ددان' });
    // "dialysis" is written by two services, "dialyses" by one: the more frequent word wins.
    await service('dialysis2', { en: 'Mobile dialysis' });
    await service('dialyses', { en: 'Dialyses' });
  });
  after(() => t.close());

  const search = (query: string) => request(t.app).get(`/api/v1/services?${query}`).expect(200);
  const found = (body: { items: { id: string }[] }) => body.items.map((i) => ids.get(i.id)).sort();

  it('a word of five letters or more that matches nothing is read as the word one edit away, in each language, and says so', async () => {
    for (const [typo, word, expected] of [
      ['dialysys', 'dialysis', ['dialysis', 'dialysis2']],
      ['غسييل', 'غسيل', ['dialysis']],
      ['دیالیزز', 'دیالیز', ['dialysis']],
    ] as const) {
      const res = await search(`q=${encodeURIComponent(typo)}`);
      assert.deepEqual(found(res.body), expected, typo);
      // Reported as searched: normalised (Kurdish ی as Arabic ي).
      assert.deepEqual(res.body.corrected, [{ word: normalizeText(typo), correctedTo: normalizeText(word) }], typo);
      assert.deepEqual(res.body.understood, [], typo);
    }
  });

  it('asTyped=true searches the word as typed; a word that matches, or a short one, is never corrected', async () => {
    for (const query of ['q=dialysys&asTyped=true', 'q=dialy', 'q=dntl']) {
      const res = await search(query);
      assert.deepEqual(res.body.corrected, [], query);
    }
    assert.equal((await search('q=dialysys&asTyped=true')).body.total, 0);
    const all = await search('q=dialy');
    assert.deepEqual(found(all.body), ['dialyses', 'dialysis', 'dialysis2']);
  });
});

describe('a district typed or chosen', () => {
  let t: TestApp;
  const ids = new Map<string, string>();
  before(async () => {
    t = await startTestApp();
    const admin = await signedInAgent(t.app, { role: 'platform-admin' });
    const org = await post<Created>(admin, '/organizations', { name: { en: 'Tigris Rights Centre' }, type: 'local-ngo', governorates: ['IQ-BG'] });
    const place = async (district: string, confidential = false) =>
      (await post<Created>(admin, '/locations', { organizationId: org.id, name: { en: `${district} office` }, address: { governorate: 'IQ-BG', district }, confidential })).id;
    const service = async (key: string, locationIds: string[], extra: Record<string, unknown> = {}) =>
      ids.set((await post<Created>(admin, '/services', { organizationId: org.id, name: { en: `Help desk ${ids.size}` }, categories: ['legal-aid'], governorates: ['IQ-BG'], locationIds, ...extra })).id, key);
    // Locations record the district as partners write it: in English, or in Arabic.
    await service('karkh', [await place('Karkh')]);
    await service('karkhArabic', [await place('الكرخ')]);
    await service('rusafa', [await place('Rusafa')]);
    // A confidential service, or one at a secret place, is never placed by a district filter.
    await service('confidential', [await place('Karkh')], { confidential: true });
    await service('safeHouse', [await place('Karkh', true)]);
  });
  after(() => t.close());

  const search = async (query: string) => {
    const res = await request(t.app).get(`/api/v1/services?${query}`).expect(200);
    return { found: (res.body.items as { id: string }[]).map((i) => ids.get(i.id)).sort(), understood: res.body.understood as { field: string; code: string; name?: unknown }[] };
  };

  it('its name in Arabic, Sorani or English is that district: a filter with a chip of its names', async () => {
    for (const q of ['legal aid Karkh', 'محامي الكرخ', 'پارێزەر کەرخ']) {
      const { found, understood } = await search(`q=${encodeURIComponent(q)}`);
      assert.deepEqual(found, ['karkh', 'karkhArabic'], q);
      assert.deepEqual(
        understood.filter((u) => u.field === 'district'),
        [{ field: 'district', code: 'IQ-BG-karkh', words: q.split(' ').at(-1), name: { en: 'Karkh', ar: 'الكرخ', ckb: 'کەرخ' }, governorate: 'IQ-BG' }],
        q,
      );
    }
  });

  it('knows every district by its names in the three languages, with its governorate', async () => {
    const cases = {
      'IQ-NI-sinjar': ['Sinjar', 'سنجار', 'شنگال'],
      'IQ-DA-zakho': ['Zakho', 'زاخو', 'زاخۆ'],
      // Districts the first list lacked.
      'IQ-NI-akre': ['Akre', 'عقرة', 'ئاکرێ'],
      'IQ-SU-kalar': ['Kalar', 'كلار', 'کەلار'],
      'IQ-AN-haditha': ['Haditha', 'قضاء حديثة', 'حەدیسە'],
      'IQ-DQ-al-chibayish': ['Chibayish', 'الجبايش', 'چەبایش'],
    };
    for (const [code, names] of Object.entries(cases)) {
      for (const q of names) {
        const { understood } = await search(`q=${encodeURIComponent(q)}`);
        assert.deepEqual(understood.map((u) => [u.field, u.code, (u as { governorate?: string }).governorate]), [['district', code, code.slice(0, 5)]], q);
      }
    }
    // "حديثة" is also the word "recent": alone it stays text.
    assert.deepEqual((await search(`q=${encodeURIComponent('خدمات حديثة')}`)).understood, []);
  });

  it('the facets count services per district of the governorate chosen or typed, never a confidential one', async () => {
    const facets = async (query: string) => (await request(t.app).get(`/api/v1/services/facets?${query}`).expect(200)).body;
    const baghdad = await facets('governorate=IQ-BG');
    assert.deepEqual(baghdad.district, { 'IQ-BG-karkh': 2, 'IQ-BG-rusafa': 1 });
    assert.equal(Object.keys(baghdad.districtNames).length, 10, 'every district of Baghdad is named');
    assert.deepEqual(baghdad.districtNames['IQ-BG-karkh'], { en: 'Karkh', ar: 'الكرخ', ckb: 'کەرخ' });
    // A district chosen is counted without its own selection, like every other filter; a district typed names its governorate.
    assert.deepEqual((await facets('district=IQ-BG-rusafa')).district, { 'IQ-BG-karkh': 2, 'IQ-BG-rusafa': 1 });
    assert.deepEqual((await facets(`q=${encodeURIComponent('legal aid الرصافة')}`)).district, { 'IQ-BG-karkh': 2, 'IQ-BG-rusafa': 1 });
    // With no governorate there are too many districts to list.
    const all = await facets('');
    assert.deepEqual([all.district, all.districtNames], [{}, {}]);
  });

  it('the district filter applies alone, several values with OR; an unknown one is a 400', async () => {
    assert.deepEqual((await search('district=IQ-BG-rusafa')).found, ['rusafa']);
    assert.deepEqual((await search('district=IQ-BG-rusafa,IQ-BG-karkh')).found, ['karkh', 'karkhArabic', 'rusafa']);
    const res = await request(t.app).get('/api/v1/services?district=Karkh').expect(400);
    assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
  });

  it('the way on says what dropping the district would find', async () => {
    const res = await request(t.app).get(`/api/v1/services/way-on?q=${encodeURIComponent('legal aid Rusafa')}`).expect(200);
    const district = res.body.filters.find((f: { field: string }) => f.field === 'district');
    assert.deepEqual([district.code, district.words, district.total], ['IQ-BG-rusafa', 'Rusafa', 5]);
  });
});

describe('a search word a platform admin gives a category', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedInAgent>>;
  let shelter = '';
  // A Sorani word for a refuge that no record contains and no vocabulary has yet.
  const word = 'سەرپەنا';
  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
    const org = await post<Created>(admin, '/organizations', { name: { en: 'Tigris Rights Centre' }, type: 'local-ngo', governorates: ['IQ-AR'] });
    shelter = (await post<Created>(admin, '/services', { organizationId: org.id, name: { en: 'Safe house' }, categories: ['shelter'], governorates: ['IQ-AR'] })).id;
    await post<Created>(admin, '/services', { organizationId: org.id, name: { en: 'Legal desk' }, categories: ['legal-aid'], governorates: ['IQ-AR'] });
  });
  after(() => t.close());

  const get = (path: string) => request(t.app).get(path).expect(200);
  const q = encodeURIComponent(word);

  it('is understood at once by the search, its counts and the HSDS search parameter, and the change is audited', async () => {
    // Asked before the change: nothing found, and the counts of that answer are cached.
    assert.equal((await get(`/api/v1/services?q=${q}`)).body.total, 0);
    assert.deepEqual((await get(`/api/v1/services/facets?q=${q}`)).body.category, {});
    assert.equal((await get(`/hsds/services?search=${q}`)).body.total_items, 0);

    const read = await admin.agent.get('/api/v1/taxonomy/shelter').expect(200);
    const ckb = [...(read.body.synonyms.ckb as string[]), word];
    await admin.agent
      .patch('/api/v1/taxonomy/shelter')
      .set('X-CSRF-Token', admin.csrf)
      .set('If-Match', read.headers.etag as string)
      .send({ synonyms: { ckb: [...ckb, word] } })
      .expect(200)
      .expect((res) => assert.deepEqual(res.body.synonyms.ckb, ckb, 'a word listed twice is kept once'));

    const found = (await get(`/api/v1/services?q=${q}`)).body;
    assert.deepEqual(found.items.map((i: { id: string }) => i.id), [shelter]);
    assert.deepEqual(found.understood.map((u: { field: string; code: string }) => [u.field, u.code]), [['category', 'shelter']]);
    assert.deepEqual((await get(`/api/v1/services/facets?q=${q}`)).body.category, { shelter: 1 }, 'the counts follow at once, not when their cache expires');
    assert.deepEqual((await get(`/hsds/services?search=${q}`)).body.contents.map((s: { name: string }) => s.name), ['Safe house']);

    const audit = await AuditEntryModel.findOne({ entity: 'taxonomyTerm', action: 'taxonomyTerm.update', actorId: admin.user.id }).lean();
    assert.deepEqual(audit?.changes.map((c) => c.field), ['synonyms']);
    assert.match(audit!.changes[0]!.after ?? '', new RegExp(word));
  });

  it('refuses a word too long, in the language of the request, beside the word', async () => {
    const read = await admin.agent.get('/api/v1/taxonomy/legal-aid').expect(200);
    const res = await admin.agent
      .patch('/api/v1/taxonomy/legal-aid')
      .set('X-CSRF-Token', admin.csrf)
      .set('If-Match', read.headers.etag as string)
      .set('Accept-Language', 'ar')
      .send({ synonyms: { ar: ['محامي', 'م'.repeat(81)] } })
      .expect(400);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(res.body.errors, [{ field: 'body.synonyms.ar.1', message: 'يجب ألا يزيد عدد الأحرف على 80.' }]);
  });
});
