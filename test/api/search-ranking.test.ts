import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { signedInAgent } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

describe('search ranks what it finds', () => {
  let t: TestApp;
  const keys = new Map<string, string>();

  before(async () => {
    t = await startTestApp();
    const admin = await signedInAgent(t.app, { role: 'platform-admin' });
    const org = await post<Created>(admin, '/organizations', { name: { en: 'Tigris Rights Centre' }, type: 'local-ngo', governorates: ['IQ-BG', 'IQ-NI'] });
    const service = async (key: string, body: Record<string, unknown>) =>
      keys.set((await post<Created>(admin, '/services', { organizationId: org.id, governorates: ['IQ-NI'], categories: ['mhpss'], ...body })).id, key);
    // Names sort so that today's order (name holds every word, then by name) is the wrong one.
    await service('nightingale', { name: { en: 'Alpha Nightingale desk' } });
    await service('night', { name: { en: 'Beta Night desk' } });
    await service('able', { name: { en: 'Able point' }, description: { en: 'A ferry at night.' } });
    await service('charlie', { name: { en: 'Charlie Ferry point' }, description: { en: 'Open at night.' } });
    await service('both', { name: { en: 'Zulu night ferry' } });
    // Both are legal aid in Baghdad; only one is a legal-aid service first of all, though its text says neither "lawyer" nor "Baghdad".
    await service('gbv', { name: { en: 'Case management' }, description: { en: 'We also arrange legal aid.' }, categories: ['gbv-response', 'legal-aid'], governorates: ['IQ-BG'] });
    await service('clinic', { name: { en: 'Clinic of Karkh', ar: 'عيادة الكرخ' }, categories: ['legal-aid'], governorates: ['IQ-BG'] });
  });
  after(() => t.close());

  async function found(query: string): Promise<string[]> {
    const res = await request(t.app).get(`/api/v1/services?q=${encodeURIComponent(query)}`).expect(200);
    return (res.body.items as { id: string }[]).map((i) => keys.get(i.id) ?? i.id);
  }

  it('puts a whole word above a word it only starts', async () => {
    assert.deepEqual(await found('night'), ['night', 'both', 'nightingale', 'able', 'charlie']);
  });

  it('puts words in the name above the same words elsewhere, and more of them first', async () => {
    assert.deepEqual(await found('ferry night'), ['both', 'charlie', 'able']);
    assert.deepEqual(await found('night ferry'), ['both', 'charlie', 'able'], 'whatever the order of the words');
  });

  it('puts the services whose need it understood first of all before those that also offer it', async () => {
    for (const query of ['محامي بغداد', 'legal aid Baghdad', 'پارێزەر بەغدا']) assert.deepEqual(await found(query), ['clinic', 'gbv'], query);
  });

  it('changes the order only: the same services, and sort=name still by name', async () => {
    const res = await request(t.app).get(`/api/v1/services?q=night&sort=name`).expect(200);
    assert.deepEqual(
      (res.body.items as { id: string }[]).map((i) => keys.get(i.id)),
      ['able', 'nightingale', 'night', 'charlie', 'both'],
    );
  });

  it('HSDS search understands the words as the directory search does', async () => {
    for (const query of ['محامي بغداد', 'legal aid Baghdad', 'night ferry']) {
      const hsds = await request(t.app).get(`/hsds/services?search=${encodeURIComponent(query)}&lang=en`).expect(200);
      const names = (hsds.body.contents as { name: string }[]).map((s) => s.name).sort();
      const api = await request(t.app).get(`/api/v1/services?q=${encodeURIComponent(query)}`).expect(200);
      assert.deepEqual(names, (api.body.items as { name: { en: string } }[]).map((s) => s.name.en).sort(), query);
      assert.ok(names.length, query);
    }
  });
});
