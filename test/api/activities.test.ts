import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { createTestOrganization, signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const campaign = {
  title: {
    en: 'Know the signs: anti-trafficking campaign',
    ar: 'اعرف العلامات: حملة لمكافحة الاتجار بالبشر',
    ckb: 'نیشانەکان بناسە: هەڵمەتی دژە بازرگانیکردن بە مرۆڤ',
  },
  kind: 'campaign',
  topic: 'awareness',
  governorates: ['IQ-NA', 'IQG02', 'iq-bg'],
  districts: ['Kufa'],
  startDate: '2026-03-01',
  endDate: '2026-03-20',
  audience: ['public', 'communities-at-risk'],
  reached: { women: 120, men: 80, girls: 30, boys: 25 },
};

describe('activities (4W)', () => {
  let t: TestApp;
  let admin: SignedIn;
  let partnerId: string;

  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'org-admin' });
    partnerId = await createTestOrganization('local-ngo', 'Partner organisation');
  });
  after(() => t.close());

  const post = (who: SignedIn, body: object) =>
    who.agent.post('/api/v1/activities').set('X-CSRF-Token', who.csrf).send(body);
  const patch = (who: SignedIn, id: string, body: object, ifMatch?: string) => {
    const req = who.agent.patch(`/api/v1/activities/${id}`).set('X-CSRF-Token', who.csrf);
    return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
  };

  it('records a campaign in three governorates for the own organisation', async () => {
    const res = await post(admin, { ...campaign, partners: [partnerId] }).expect(201);
    assert.match(res.headers.etag!, /^"1\./);
    assert.equal(res.headers.location, `/api/v1/activities/${res.body.id}`);
    assert.equal(res.body.organization.id, admin.user.organizationId);
    assert.match(res.body.organization.name.en, /^Test organisation/);
    assert.deepEqual(res.body.governorates, ['IQ-NA', 'IQ-BA', 'IQ-BG']);
    assert.deepEqual(res.body.reached, { women: 120, men: 80, girls: 30, boys: 25, total: 255 });
    assert.deepEqual(res.body.partners, [{ id: partnerId, name: { en: 'Partner organisation' } }]);
    assert.equal(res.body.title.ar, campaign.title.ar);
    assert.equal(res.body.startDate, '2026-03-01');
    assert.equal(res.body.endDate, '2026-03-20');
    assert.equal(res.body.version, 1);
    assert.equal(res.body.sample, false);

    const audit = await AuditEntryModel.findOne({ entity: 'activity', entityId: res.body.id }).lean();
    assert.equal(audit?.action, 'activity.create');
    assert.equal(String(audit?.organizationId), admin.user.organizationId);
  });

  it('defaults endDate to startDate and optional lists to empty', async () => {
    const res = await post(admin, {
      title: { en: 'Training for police investigators' },
      kind: 'training',
      governorates: ['IQ-BA'],
      startDate: '2026-04-02',
    }).expect(201);
    assert.equal(res.body.endDate, '2026-04-02');
    assert.deepEqual(res.body.audience, []);
    assert.deepEqual(res.body.reached, { women: 0, men: 0, girls: 0, boys: 0, total: 0 });
    assert.equal(res.body.topic, null);
  });

  it('rejects invalid activities with the offending fields', async () => {
    const cases: [object, string][] = [
      [{ ...campaign, colour: 'red' }, 'body'],
      [{ ...campaign, startDate: '2026-03-21' }, 'body.endDate'],
      [{ ...campaign, governorates: ['IQ-XX'] }, 'body.governorates.0'],
      [{ ...campaign, governorates: [] }, 'body.governorates'],
      [{ ...campaign, reached: { women: -1 } }, 'body.reached.women'],
      [{ ...campaign, reached: { adults: 4 } }, 'body.reached'],
      [{ ...campaign, kind: 'party' }, 'body.kind'],
      [{ ...campaign, audience: ['everyone'] }, 'body.audience.0'],
      [{ ...campaign, startDate: '2026-02-30' }, 'body.startDate'],
      [{ ...campaign, title: {} }, 'body.title'],
      [{ ...campaign, partners: ['000000000000000000000000'] }, 'body.partners.0'],
    ];
    for (const [body, field] of cases) {
      const res = await post(admin, body).expect(400);
      assert.ok(
        res.body.errors.some((e: { field: string }) => e.field === field),
        `${JSON.stringify(body)} → ${JSON.stringify(res.body.errors)}`,
      );
    }
  });

  it('lists activities publicly, filtered by governorate, organisation, kind and period', async () => {
    const other = await signedInAgent(t.app, { role: 'caseworker' });
    await post(other, { ...campaign, title: { en: 'Session in Erbil' }, kind: 'awareness-session', governorates: ['IQ-AR'] }).expect(201);

    const all = await request(t.app).get('/api/v1/activities').expect(200);
    assert.equal(all.body.total, 3);
    assert.equal(all.body.page, 1);
    assert.equal(all.body.perPage, 20);
    assert.deepEqual(
      all.body.items.map((a: { startDate: string }) => a.startDate),
      ['2026-04-02', '2026-03-01', '2026-03-01'],
    );

    const titles = async (query: string) =>
      (await request(t.app).get(`/api/v1/activities?${query}`).expect(200)).body.items.map((a: { title: { en: string } }) => a.title.en);
    assert.deepEqual(await titles('governorate=IQG04'), [campaign.title.en]);
    assert.deepEqual(await titles('governorate=IQ-NA,IQ-AR&kind=awareness-session'), ['Session in Erbil']);
    assert.deepEqual(await titles(`organization=${other.user.organizationId}`), ['Session in Erbil']);
    assert.deepEqual(await titles('from=2026-03-21'), ['Training for police investigators']);
    assert.deepEqual((await titles('to=2026-03-05')).length, 2);
    assert.deepEqual(await titles('from=2026-03-20&to=2026-03-20&governorate=IQ-BG'), [campaign.title.en]);

    const paged = await request(t.app).get('/api/v1/activities?perPage=2&page=2').expect(200);
    assert.equal(paged.body.items.length, 1);
    assert.equal(paged.body.total, 3);

    await request(t.app).get('/api/v1/activities?from=2026-05-01&to=2026-04-01').expect(400);
    await request(t.app).get('/api/v1/activities?governorate=nowhere').expect(400);
    await request(t.app).get('/api/v1/activities?sort=title').expect(400);
  });

  it('changes an activity only with the current version in If-Match', async () => {
    const created = await post(admin, campaign).expect(201);
    const id: string = created.body.id;

    await patch(admin, id, { districts: ['Kufa', 'Najaf city'] }).expect(428);
    const changed = await patch(admin, id, { districts: ['Kufa', 'Najaf city'], reached: { women: 130, men: 80, girls: 30, boys: 25 } }, '"1"').expect(200);
    assert.match(changed.headers.etag!, /^"2\./);
    assert.equal(changed.body.version, 2);
    assert.deepEqual(changed.body.districts, ['Kufa', 'Najaf city']);
    assert.equal(changed.body.reached.total, 265);
    assert.equal(changed.body.title.en, campaign.title.en);

    const stale = await patch(admin, id, { topic: 'indicators' }, '"1"').expect(412);
    assert.equal(stale.body.currentVersion, 2);
    await patch(admin, id, { topic: 'indicators' }, 'garbage').expect(412);

    // The end date is checked against the stored start date.
    const early = await patch(admin, id, { endDate: '2026-02-01' }, '"2"').expect(400);
    assert.equal(early.body.errors[0].field, 'body.endDate');
    await patch(admin, id, {}, '"2"').expect(400);
    await patch(admin, id, { organizationId: partnerId }, '"2"').expect(400);

    const read = await request(t.app).get(`/api/v1/activities/${id}`).expect(200);
    assert.match(read.headers.etag!, /^"2\./);
    assert.equal(read.body.topic, 'awareness');

    const audit = await AuditEntryModel.findOne({ entityId: id, action: 'activity.update' }).lean();
    assert.deepEqual(audit?.changes.map((c) => c.field).sort(), ['districts', 'reached']);
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const created = await post(admin, campaign).expect(201);
    const results = await Promise.all([
      patch(admin, created.body.id, { topic: 'first' }, '"1"'),
      patch(admin, created.body.id, { topic: 'second' }, '"1"'),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 412]);
    const read = await request(t.app).get(`/api/v1/activities/${created.body.id}`).expect(200);
    assert.equal(read.body.version, 2);
    assert.equal(read.body.topic, results.find((r) => r.status === 200)!.body.topic);
  });

  it('archives an activity: it leaves the list, stays readable and can no longer change', async () => {
    const created = await post(admin, { ...campaign, title: { en: 'To archive' } }).expect(201);
    const id: string = created.body.id;
    const archived = await admin.agent
      .post(`/api/v1/activities/${id}/archive`)
      .set('X-CSRF-Token', admin.csrf)
      .set('If-Match', '"1"')
      .send({})
      .expect(200);
    assert.ok(archived.body.archivedAt);
    assert.equal(archived.body.version, 2);

    const list = await request(t.app).get('/api/v1/activities?perPage=100').expect(200);
    assert.ok(!list.body.items.some((a: { id: string }) => a.id === id));
    await request(t.app).get(`/api/v1/activities/${id}`).expect(200);
    await patch(admin, id, { topic: 'x' }, '"2"').expect(409);
    // Archiving again changes nothing.
    const again = await admin.agent.post(`/api/v1/activities/${id}/archive`).set('X-CSRF-Token', admin.csrf).send({}).expect(200);
    assert.equal(again.body.version, 2);
  });

  it('lets only members of the organisation (and platform admins) write its activities', async () => {
    const created = await post(admin, campaign).expect(201);
    const id: string = created.body.id;

    await request(t.app).post('/api/v1/activities').send(campaign).expect(401);
    await request(t.app).patch(`/api/v1/activities/${id}`).set('If-Match', '"1"').send({ topic: 'x' }).expect(401);
    await request(t.app).post(`/api/v1/activities/${id}/archive`).send({}).expect(401);

    const outsider = await signedInAgent(t.app, { role: 'org-admin' });
    await patch(outsider, id, { topic: 'x' }, '"1"').expect(403);
    await outsider.agent.post(`/api/v1/activities/${id}/archive`).set('X-CSRF-Token', outsider.csrf).send({}).expect(403);
    await post(outsider, { ...campaign, organizationId: admin.user.organizationId }).expect(403);

    const liaison = await signedInAgent(t.app, { role: 'gov-liaison' });
    await post(liaison, campaign).expect(201);
    const colleague = await signedInAgent(t.app, { role: 'caseworker', organizationId: admin.user.organizationId });
    await patch(colleague, id, { topic: 'labour exploitation' }, '"1"').expect(200);

    const platform = await signedInAgent(t.app, { role: 'platform-admin' });
    const noOrg = await post(platform, campaign).expect(400);
    assert.equal(noOrg.body.errors[0].field, 'body.organizationId');
    const forOrg = await post(platform, { ...campaign, organizationId: partnerId }).expect(201);
    assert.equal(forOrg.body.organization.id, partnerId);
    await post(platform, { ...campaign, organizationId: '0123456789abcdef01234567' }).expect(400);

    // A state-changing call with a session needs the CSRF token.
    await admin.agent.post('/api/v1/activities').send(campaign).expect(403);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    await request(t.app).get('/api/v1/activities/0123456789abcdef01234567').expect(404);
    await request(t.app).get('/api/v1/activities/not-an-id').expect(404);
  });

  it('documents every activity operation in the OpenAPI document', async () => {
    const doc = await request(t.app).get('/api/v1/openapi.json').expect(200);
    assert.deepEqual(Object.keys(doc.body.paths['/api/v1/activities']).sort(), ['get', 'post']);
    assert.deepEqual(Object.keys(doc.body.paths['/api/v1/activities/{id}']).sort(), ['get', 'patch']);
    assert.ok(doc.body.paths['/api/v1/activities/{id}/archive'].post);
  });
});
