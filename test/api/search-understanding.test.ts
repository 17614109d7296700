import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { signedInAgent } from '../support/auth.js';
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
