import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { ROLES } from '../../server/accounts/permissions.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const newHotline = (number: string) => ({
  number,
  name: { en: 'Test line', ar: 'خط تجريبي', ckb: 'هێڵی تاقیکردنەوە' },
  purpose: { en: 'For the test.' },
  governorates: ['IQ-BG', 'IQG08'],
  source: { text: 'A test source', url: 'https://example.org/source' },
});

describe('hotlines: public reference data kept by platform admins', () => {
  let t: TestApp;
  let admin: SignedIn;
  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
  });
  after(() => t.close());

  const post = (who: SignedIn, path: string, body?: object) => who.agent.post(`/api/v1${path}`).set('X-CSRF-Token', who.csrf).send(body);

  it('lists the bundled numbers for everyone, emergency first, unverified, with sources, cacheable publicly', async () => {
    const res = await request(t.app).get('/api/v1/hotlines');
    assert.equal(res.status, 200);
    assert.match(res.headers['cache-control']!, /^public, max-age=\d+/);
    assert.doesNotMatch(res.headers.vary ?? '', /cookie/i);
    const numbers = res.body.items.map((h: { number: string }) => h.number);
    assert.deepEqual(numbers.slice(0, 3), ['911', '104', '119']);
    const [emergency, , gbv] = res.body.items;
    assert.equal(emergency.emergency, true);
    assert.deepEqual(emergency.governorates, [], 'all Iraq');
    assert.deepEqual(gbv.governorates.sort(), ['IQ-AR', 'IQ-DA', 'IQ-HA', 'IQ-SU']);
    for (const h of res.body.items) {
      assert.equal(h.verified, false, `${h.number} starts as a sample`);
      assert.equal(h.lastCheckedAt, null, 'nobody has dialled the bundled numbers');
      assert.match(h.source.url, /^https:\/\//);
      assert.ok(h.name.en && h.name.ar && h.name.ckb && h.purpose.ckb, `${h.number} in three languages`);
    }
  });

  it('the list is documented in the OpenAPI document', async () => {
    const res = await request(t.app).get('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    assert.ok(res.body.paths['/api/v1/hotlines']?.get, 'GET /hotlines');
    assert.ok(res.body.paths['/api/v1/hotlines/{id}/verify']?.post, 'POST /hotlines/{id}/verify');
  });

  it('a platform admin creates, changes and verifies a hotline; each write is audited', async () => {
    const created = await post(admin, '/hotlines', newHotline('٠٧٧٠ ١٢٣ ٤٥٦٧'));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.number, '+9647701234567', 'the Iraqi phone rule normalises the number');
    assert.deepEqual(created.body.governorates, ['IQ-BG'], 'a P-code is read as the same governorate');
    assert.equal(created.body.verified, false);
    const id = created.body.id as string;

    const verified = await post(admin, `/hotlines/${id}/verify`);
    assert.equal(verified.status, 200);
    assert.equal(verified.body.verified, true);
    assert.ok(verified.body.lastCheckedAt, 'verifying is a check');

    const renamed = await admin.agent.patch(`/api/v1/hotlines/${id}`).set('X-CSRF-Token', admin.csrf).set('If-Match', verified.headers.etag!).send({ name: { en: 'Renamed line' } });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal(renamed.body.verified, true, 'a new name does not change what was checked');

    const renumbered = await admin.agent.patch(`/api/v1/hotlines/${id}`).set('X-CSRF-Token', admin.csrf).set('If-Match', renamed.headers.etag!).send({ number: '533' });
    assert.equal(renumbered.status, 200, JSON.stringify(renumbered.body));
    assert.equal(renumbered.body.number, '533', 'short codes stay as dialled');
    assert.equal(renumbered.body.verified, false, 'a new number is a sample until checked again');

    const audit = await AuditEntryModel.find({ entity: 'hotline', entityId: id }).sort({ at: 1 }).lean();
    assert.deepEqual(audit.map((a) => a.action), ['hotline.create', 'hotline.verify', 'hotline.update', 'hotline.update']);
    assert.ok(audit.every((a) => String(a.actorId) === admin.user.id));

    const list = await request(t.app).get('/api/v1/hotlines');
    assert.ok(list.body.items.some((h: { id: string; number: string }) => h.id === id && h.number === '533'));
  });

  it('refuses a number outside the Iraqi phone rule as problem+json in the requester’s language', async () => {
    const res = await admin.agent.post('/api/v1/hotlines').set('X-CSRF-Token', admin.csrf).set('Accept-Language', 'ckb').send(newHotline('12'));
    assert.equal(res.status, 400);
    assert.match(res.headers['content-type']!, /^application\/problem\+json/);
    assert.equal(res.headers['content-language'], 'ckb');
    const number = (res.body.errors as { field: string; message: string }[]).find((e) => e.field === 'body.number');
    assert.ok(number, JSON.stringify(res.body));
    assert.match(number.message, /ژمارە تەلەفۆنێکی عێراقی/);
  });

  it('refuses a missing source, an unknown governorate and a duplicate number', async () => {
    const { source: _source, ...withoutSource } = newHotline('0770 765 4321');
    const noSource = await post(admin, '/hotlines', withoutSource);
    assert.equal(noSource.status, 400);
    assert.ok(noSource.body.errors.some((e: { field: string }) => e.field === 'body.source'), JSON.stringify(noSource.body));
    const badPlace = await post(admin, '/hotlines', { ...newHotline('0770 765 4321'), governorates: ['IQ-XX'] });
    assert.equal(badPlace.status, 400);
    const duplicate = await post(admin, '/hotlines', newHotline('911'));
    assert.equal(duplicate.status, 409);
    assert.match(duplicate.headers['content-type']!, /^application\/problem\+json/);
  });

  it('only platform admins write; anonymous visitors are asked to sign in', async () => {
    const any = (await request(t.app).get('/api/v1/hotlines')).body.items[0].id as string;
    for (const role of ROLES.filter((r) => r !== 'platform-admin')) {
      const who = await signedInAgent(t.app, { role });
      assert.equal((await post(who, '/hotlines', newHotline('0770 111 2233'))).status, 403, `${role} create`);
      assert.equal((await post(who, `/hotlines/${any}/verify`)).status, 403, `${role} verify`);
      assert.equal((await who.agent.patch(`/api/v1/hotlines/${any}`).set('X-CSRF-Token', who.csrf).set('If-Match', '"1"').send({ order: 1 })).status, 403, `${role} update`);
    }
    assert.equal((await request(t.app).post('/api/v1/hotlines').send(newHotline('0770 111 2233'))).status, 401);
    assert.equal((await AuditEntryModel.countDocuments({ entity: 'hotline', entityId: any })), 0, 'refused writes leave no trace');
  });

  it('an archived hotline leaves the public list; platform admins still list it', async () => {
    const created = await post(admin, '/hotlines', newHotline('0750 222 3344'));
    assert.equal((await post(admin, `/hotlines/${created.body.id}/archive`)).status, 200);
    const list = await request(t.app).get('/api/v1/hotlines');
    assert.ok(!list.body.items.some((h: { id: string }) => h.id === created.body.id));

    // The admin screen lists archived entries too, to restore them: never from a shared cache.
    const all = await admin.agent.get('/api/v1/hotlines?archived=include');
    assert.equal(all.status, 200);
    assert.match(all.headers['cache-control']!, /private/);
    const archived = all.body.items.find((h: { id: string }) => h.id === created.body.id);
    assert.ok(archived?.archivedAt, JSON.stringify(archived));
    assert.equal(all.body.items.find((h: { number: string }) => h.number === '911').archivedAt, null);
    const caseworker = await signedInAgent(t.app, { role: 'caseworker' });
    assert.equal((await caseworker.agent.get('/api/v1/hotlines?archived=include')).status, 403);
    assert.equal((await request(t.app).get('/api/v1/hotlines?archived=include')).status, 401);
  });
});
