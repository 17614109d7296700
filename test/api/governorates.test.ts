import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { GovernorateCollection, GovernorateList, GovernorateView } from '../../server/contract/directory/governorates/governorate.schemas.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('governorates', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('lists the 19 governorates with P-codes, names in three languages and capitals', async () => {
    const res = await request(t.app).get('/api/v1/governorates').expect(200);
    assert.equal(res.body.items.length, 19);
    const basrah = res.body.items.find((g: { iso: string }) => g.iso === 'IQ-BA');
    assert.equal(basrah.pcode, 'IQG02');
    assert.equal(basrah.name.ar, 'البصرة');
    assert.ok(basrah.lat > 29 && basrah.lat < 32);
    const halabja = res.body.items.find((g: { iso: string }) => g.iso === 'IQ-HA');
    assert.equal(halabja.pcode, null);
    assert.equal(halabja.name.ckb, 'هەڵەبجە');
  });

  it('names every governorate and its capital in Sorani', async () => {
    const res = await request(t.app).get('/api/v1/governorates').set('Accept-Language', 'ckb').expect(200);
    const items = res.body.items as Array<{ iso: string; name: { ckb?: string }; capital: { ckb?: string } }>;
    assert.deepEqual(
      items.filter((g) => !g.name.ckb || !g.capital.ckb).map((g) => g.iso),
      [],
    );
    const ckb = (iso: string) => items.find((g) => g.iso === iso)!;
    assert.equal(ckb('IQ-AR').name.ckb, 'هەولێر');
    assert.equal(ckb('IQ-BG').name.ckb, 'بەغدا');
    assert.equal(ckb('IQ-NI').capital.ckb, 'موسڵ');
    const one = await request(t.app).get('/api/v1/governorates/IQ-BA').set('Accept-Language', 'ckb').expect(200);
    assert.equal(one.body.name.ckb, 'بەسرە');
  });

  it('counts active, non-archived services per governorate of their service area', async () => {
    const base = { organizationId: '000000000000000000000001', name: { en: 'S' }, organizationType: 'local-ngo' };
    await ServiceModel.insertMany([
      { ...base, governorates: ['IQ-BA', 'IQ-NA'] },
      { ...base, governorates: ['IQ-BA'] },
      { ...base, governorates: ['IQ-BA'], status: 'inactive' },
      { ...base, governorates: ['IQ-BA'], archivedAt: new Date() },
    ]);
    const res = await request(t.app).get('/api/v1/governorates').expect(200);
    const count = (iso: string) => res.body.items.find((g: { iso: string }) => g.iso === iso).serviceCount;
    assert.equal(count('IQ-BA'), 2);
    assert.equal(count('IQ-NA'), 1);
    assert.equal(count('IQ-AN'), 0);
  });

  it('serves the boundaries as GeoJSON and one governorate by P-code or ISO code', async () => {
    const geo = await request(t.app).get('/api/v1/governorates.geojson').expect(200);
    assert.equal(geo.body.type, 'FeatureCollection');
    assert.equal(geo.body.features.length, 19);
    const byPcode = await request(t.app).get('/api/v1/governorates/IQG04').expect(200);
    const byIso = await request(t.app).get('/api/v1/governorates/iq-na').expect(200);
    assert.equal(byPcode.body.iso, 'IQ-NA');
    assert.deepEqual(byPcode.body, byIso.body);
    await request(t.app).get('/api/v1/governorates/XX').expect(404);
  });

  // The web app's Governorate types are inferred from these schemas: what is sent must be exactly what they say.
  it('sends what the contract view schemas the web app types come from say, no more', async () => {
    for (const [path, schema] of [
      ['/api/v1/governorates', GovernorateList],
      ['/api/v1/governorates/IQ-HA', GovernorateView],
      ['/api/v1/governorates.geojson', GovernorateCollection],
    ] as const) {
      const { body } = await request(t.app).get(path).expect(200);
      assert.deepEqual(schema.parse(body), body, path);
    }
  });
});
