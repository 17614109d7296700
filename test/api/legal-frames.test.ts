import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { ROLES } from '../../server/accounts/permissions.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Frame {
  id: string;
  code: string;
  name: Record<string, string>;
  citation: Record<string, string>;
  competentBodies: Record<string, string>[];
  governorates: string[];
}

const KURDISTAN_REGION = ['IQ-AR', 'IQ-DA', 'IQ-HA', 'IQ-SU'];

describe('legal frames: the anti-trafficking law per governorate, kept by platform admins', () => {
  let t: TestApp;
  let admin: SignedIn;
  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
  });
  after(() => t.close());

  const list = async (): Promise<Frame[]> => (await request(t.app).get('/api/v1/legal-frames')).body.items;
  const byCode = async (code: string) => (await list()).find((f) => f.code === code)!;
  const patch = (who: SignedIn, id: string, etag: string, body: object) =>
    who.agent.patch(`/api/v1/legal-frames/${id}`).set('X-CSRF-Token', who.csrf).set('If-Match', etag).send(body);

  it('anyone reads the two seeded frames: federal law 28/2012 outside the Kurdistan Region, law 6/2018 in it', async () => {
    const res = await request(t.app).get('/api/v1/legal-frames');
    assert.equal(res.status, 200);
    assert.match(res.headers['cache-control']!, /^public, max-age=\d+/);
    const [federal, kri] = res.body.items as Frame[];
    assert.equal(federal!.code, 'federal');
    assert.equal(federal!.citation.en, 'Law No. 28 of 2012 on Combating Trafficking in Persons');
    assert.equal(federal!.citation.ar, 'قانون مكافحة الاتجار بالبشر رقم (28) لسنة 2012');
    assert.match(federal!.citation.ckb!, /ژمارە \(٢٨\)ی ساڵی ٢٠١٢/);
    assert.match(federal!.competentBodies[0]!.en!, /^Central Committee for Combating Human Trafficking \(Ministry of Interior\)$/);
    assert.equal(federal!.competentBodies[0]!.ar, 'اللجنة المركزية لمكافحة الاتجار بالبشر (وزارة الداخلية)');
    assert.equal(kri!.code, 'kurdistan-region');
    assert.match(kri!.citation.en!, /Law No\. 6 of 2018/);
    assert.match(kri!.citation.ckb!, /ژمارە \(٦\)ی ساڵی ٢٠١٨/);
    assert.deepEqual([...kri!.governorates].sort(), KURDISTAN_REGION);
    // Every governorate under exactly one frame.
    const governorates = (await request(t.app).get('/api/v1/governorates')).body.items.map((g: { code: string }) => g.code).sort();
    assert.deepEqual([...federal!.governorates, ...kri!.governorates].sort(), governorates);
    assert.equal(governorates.length, 19);
    const openapi = (await request(t.app).get('/api/v1/openapi.json')).body;
    assert.ok(openapi.paths['/api/v1/legal-frames']?.get && openapi.paths['/api/v1/legal-frames/{id}']?.patch, 'documented');
  });

  it('a platform admin corrects a frame with If-Match; the write is audited and the public list shows it', async () => {
    const kri = await byCode('kurdistan-region');
    const read = await request(t.app).get(`/api/v1/legal-frames/${kri.id}`);
    assert.equal(read.status, 200);
    const bodies = [{ en: 'KRG High Committee (test)', ar: 'اللجنة العليا (اختبار)', ckb: 'لیژنەی باڵا (تاقیکردنەوە)' }];
    const changed = await patch(admin, kri.id, read.headers.etag!, { competentBodies: bodies });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.competentBodies, bodies);
    assert.notEqual(changed.headers.etag, read.headers.etag);

    const stale = await patch(admin, kri.id, read.headers.etag!, { order: 5 });
    assert.equal(stale.status, 412, 'a stale version writes nothing');
    const noIfMatch = await admin.agent.patch(`/api/v1/legal-frames/${kri.id}`).set('X-CSRF-Token', admin.csrf).send({ order: 5 });
    assert.equal(noIfMatch.status, 428);

    const audit = await AuditEntryModel.find({ entity: 'legalFrame', entityId: kri.id }).lean();
    assert.deepEqual(audit.map((a) => a.action), ['legalFrame.update']);
    assert.equal(String(audit[0]!.actorId), admin.user.id);
    assert.deepEqual((await byCode('kurdistan-region')).competentBodies, bodies);
  });

  it('one frame per governorate: a governorate another frame holds is refused in the requester’s language', async () => {
    const federal = await byCode('federal');
    const read = await request(t.app).get(`/api/v1/legal-frames/${federal.id}`);
    const res = await admin.agent
      .patch(`/api/v1/legal-frames/${federal.id}`)
      .set('X-CSRF-Token', admin.csrf)
      .set('If-Match', read.headers.etag!)
      .set('Accept-Language', 'ar')
      .send({ governorates: [...federal.governorates, 'IQ-AR'] });
    assert.equal(res.status, 409);
    assert.match(res.headers['content-type']!, /^application\/problem\+json/);
    assert.match(res.body.detail, /إطار قانوني واحد لكل محافظة: IQ-AR/);
    assert.deepEqual((await byCode('federal')).governorates, federal.governorates, 'nothing written');

    const created = await admin.agent.post('/api/v1/legal-frames').set('X-CSRF-Token', admin.csrf).send({
      code: 'test-frame',
      name: { en: 'Test' },
      citation: { en: 'Test law' },
      governorates: ['IQG11'],
    });
    assert.equal(created.status, 409, 'a P-code is read as the governorate it names (Erbil, held by the Region)');
  });

  it('only platform admins write; refused writes leave no trace', async () => {
    const federal = await byCode('federal');
    const before = await AuditEntryModel.countDocuments({ entity: 'legalFrame' });
    for (const role of ROLES.filter((r) => r !== 'platform-admin')) {
      const who = await signedInAgent(t.app, { role });
      assert.equal((await patch(who, federal.id, '"1"', { order: 1 })).status, 403, `${role} update`);
      assert.equal((await who.agent.post(`/api/v1/legal-frames/${federal.id}/archive`).set('X-CSRF-Token', who.csrf)).status, 403, `${role} archive`);
      assert.equal((await who.agent.get('/api/v1/legal-frames?archived=include')).status, 403, `${role} archived list`);
    }
    assert.equal((await request(t.app).patch(`/api/v1/legal-frames/${federal.id}`).set('If-Match', '"1"').send({ order: 1 })).status, 401);
    assert.equal(await AuditEntryModel.countDocuments({ entity: 'legalFrame' }), before);
    assert.equal((await byCode('federal')).citation.en, 'Law No. 28 of 2012 on Combating Trafficking in Persons');
  });
});
