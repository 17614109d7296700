import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { createApp } from '../../server/app.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import type { MapPoints } from '../../server/contract/directory/search/map.schemas.js';
import { recordUuid } from '../../server/standards/hsds/ids.js';
import { createLogger } from '../../server/platform/logging.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildDirectory, type Directory } from './directory-fixtures.js';

const api = (path: string) => `/api/v1${path}`;
const DAY_MS = 86_400_000;

/** POST /services/:id/capacity as `who`, with If-Match when a version is given. */
function setCapacity(who: SignedIn, id: string, body: object, version?: number | string) {
  const req = who.agent.post(api(`/services/${id}/capacity`)).set('X-CSRF-Token', who.csrf);
  if (version !== undefined) req.set('If-Match', `"${version}"`);
  return req.send(body);
}

const idsOf = (body: { items: { id: string }[] }) => body.items.map((s) => s.id);

describe('service capacity', () => {
  let t: TestApp;
  let d: Directory;
  /** Caseworkers of organisation A (the shelters') and of B (another organisation). */
  let caseworkerA: SignedIn;
  let caseworkerB: SignedIn;

  before(async () => {
    t = await startTestApp();
    d = await buildDirectory(t.app);
    caseworkerA = await signedInAgent(t.app, { role: 'caseworker', organizationId: d.orgs.A.id });
    caseworkerB = await signedInAgent(t.app, { role: 'caseworker', organizationId: d.orgs.B.id });
  });
  after(() => t.close());

  it("lets the service's own caseworker set it with If-Match, audited and versioned", async () => {
    const { s1 } = d.services;
    const current = await request(t.app).get(api(`/services/${s1.id}`)).expect(200);
    const version = current.body.version as number;
    const body = { capacity: [{ unit: 'beds', available: 3, maximum: 12 }] };

    await setCapacity(caseworkerA, s1.id, body).expect(428);
    await setCapacity(caseworkerA, s1.id, body, version - 1).expect(412);
    await setCapacity(caseworkerB, s1.id, body, version).expect(403);
    await request(t.app).post(api(`/services/${s1.id}/capacity`)).set('If-Match', `"${version}"`).send(body).expect((r) => assert.ok([401, 403].includes(r.status)));
    const refused = await setCapacity(caseworkerA, s1.id, { capacity: [{ unit: 'beds', available: 13, maximum: 12 }] }, version)
      .set('Accept-Language', 'ar')
      .expect(400);
    assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.match(JSON.stringify(refused.body), /العدد المتاح أكبر من الحد الأقصى/);

    const before = Date.now();
    const ok = await setCapacity(caseworkerA, s1.id, body, version).expect(200);
    assert.match(ok.headers.etag!, new RegExp(`^"${version + 1}\\.`));
    const [beds] = ok.body.capacity;
    assert.deepEqual({ ...beds, updatedAt: undefined }, { unit: 'beds', available: 3, maximum: 12, description: {}, updatedAt: undefined, stale: false });
    assert.ok(Date.parse(beds.updatedAt) >= before - 1000);
    const entry = await AuditEntryModel.findOne({ entity: 'service', entityId: s1.id, action: 'service.capacity' }).lean();
    assert.equal(String(entry?.organizationId), d.orgs.A.id);
    assert.equal(String(entry?.actorId), caseworkerA.user.id);
  });

  it('shows a public service’s capacity to all, a confidential one’s to signed-in referrers only', async () => {
    const { s1, s3 } = d.services;
    const version = (await request(t.app).get(api(`/services/${s3.id}`)).expect(200)).body.version as number;
    await setCapacity(caseworkerA, s3.id, { capacity: [{ unit: 'beds', available: 2, maximum: 8 }] }, version).expect(200);

    const anonymousPublic = await request(t.app).get(api(`/services/${s1.id}`)).expect(200);
    assert.equal(anonymousPublic.body.capacity[0].available, 3);
    const anonymousConfidential = await request(t.app).get(api(`/services/${s3.id}`)).expect(200);
    assert.equal('capacity' in anonymousConfidential.body, false);
    assert.doesNotMatch(JSON.stringify(anonymousConfidential.body), /"available"/);
    const list = await request(t.app).get(api('/services?perPage=100')).expect(200);
    assert.equal('capacity' in list.body.items.find((s: { id: string }) => s.id === s3.id), false);

    const referrer = await caseworkerB.agent.get(api(`/services/${s3.id}`)).expect(200);
    assert.deepEqual([referrer.body.capacity[0].available, referrer.body.capacity[0].maximum], [2, 8]);
  });

  it('filters hasCapacity=true: free now, confidential ones only for referrers', async () => {
    const { s1, s2, s3 } = d.services;
    const anonymous = await request(t.app).get(api('/services?hasCapacity=true&perPage=100')).expect(200);
    assert.deepEqual(idsOf(anonymous.body), [s1.id]);
    const referrer = await caseworkerB.agent.get(api('/services?hasCapacity=true&perPage=100')).expect(200);
    assert.deepEqual(idsOf(referrer.body).sort(), [s1.id, s3.id].sort());
    assert.ok(!idsOf(referrer.body).includes(s2.id));

    // A full shelter has no free capacity.
    const version = (await request(t.app).get(api(`/services/${s1.id}`)).expect(200)).body.version as number;
    await setCapacity(caseworkerA, s1.id, { capacity: [{ unit: 'beds', available: 0, maximum: 12 }] }, version).expect(200);
    const full = await request(t.app).get(api('/services?hasCapacity=true&perPage=100')).expect(200);
    assert.deepEqual(idsOf(full.body), []);
    await setCapacity(caseworkerA, s1.id, { capacity: [{ unit: 'beds', available: 3, maximum: 12 }] }, version + 1).expect(200);
  });

  it('filters the map, the facet counts and the way-on by free capacity, never telling a confidential service’s', async () => {
    const { s1, s3 } = d.services;
    /** The map's services with their capacity figures, by id. */
    const features = (body: MapPoints) => body.id.map((id, i) => ({ id, k: body.capacity[i] }));
    // The map is one answer for everyone: public services' figures only, even for a referrer.
    for (const who of [request(t.app), caseworkerB.agent]) {
      const all = features((await who.get(api('/map/services')).expect(200)).body);
      const shelter = all.find((f) => f.id === s1.id);
      assert.deepEqual(shelter?.k?.map((k) => [k.unit, k.available, k.maximum, k.stale]), [['beds', 3, 12, false]]);
      assert.ok(all.some((f) => f.id === s3.id));
      assert.equal(all.find((f) => f.id === s3.id)?.k, undefined);
      const free = features((await who.get(api('/map/services?hasCapacity=true')).expect(200)).body);
      assert.deepEqual(free.map((f) => f.id), [s1.id]);
    }
    // The counts are the list's: a referrer counts the confidential shelter, the public does not.
    assert.equal((await request(t.app).get(api('/services/facets?hasCapacity=true')).expect(200)).body.total, 1);
    assert.equal((await caseworkerB.agent.get(api('/services/facets?hasCapacity=true')).expect(200)).body.total, 2);
    assert.equal((await request(t.app).get(api('/services/facets?hasCapacity=true')).expect(200)).body.total, 1);
    // A search finding nothing free says what dropping the filter would find.
    const wayOn = await request(t.app).get(api('/services/way-on?hasCapacity=true&governorate=IQ-NI')).expect(200);
    const dropped = wayOn.body.filters.find((f: { field: string }) => f.field === 'hasCapacity');
    assert.ok(dropped && dropped.total >= 0);
  });

  it('shows a figure older than CAPACITY_STALE_DAYS as stale and no longer counts it as free', async () => {
    const { s1 } = d.services;
    const eightDaysAgo = new Date(Date.now() - 8 * DAY_MS);
    await ServiceModel.updateOne({ _id: s1.id }, { $set: { 'capacity.0.updatedAt': eightDaysAgo, capacityFreeAt: eightDaysAgo } });

    const read = await request(t.app).get(api(`/services/${s1.id}`)).expect(200);
    assert.equal(read.body.capacity[0].stale, true);
    assert.equal(read.body.capacity[0].updatedAt, eightDaysAgo.toISOString());
    const list = await request(t.app).get(api('/services?hasCapacity=true&perPage=100')).expect(200);
    assert.deepEqual(idsOf(list.body), []);
    const map = (await request(t.app).get(api('/map/services')).expect(200)).body as MapPoints;
    assert.equal(map.capacity[map.id.indexOf(s1.id)]![0]!.stale, true);
    assert.deepEqual(((await request(t.app).get(api('/map/services?hasCapacity=true')).expect(200)).body as MapPoints).id, []);

    // The age is configured: with 30 days the same figure is current and free.
    const patient = createApp({ config: { ...t.config, CAPACITY_STALE_DAYS: 30 }, logger: createLogger('silent') });
    assert.equal((await request(patient).get(api(`/services/${s1.id}`)).expect(200)).body.capacity[0].stale, false);
    assert.deepEqual(idsOf((await request(patient).get(api('/services?hasCapacity=true&perPage=100')).expect(200)).body), [s1.id]);
  });
  it('re-importing the public HSDS export keeps a confidential service’s capacity, and a public one’s round-trips', async () => {
    const { s1, s3 } = d.services;
    const stored = async (id: string) => {
      const s = (await ServiceModel.findById(id, { capacity: 1, capacityFreeAt: 1 }).lean())!;
      return { capacity: s.capacity.map((c) => ({ ...c, updatedAt: new Date(c.updatedAt).toISOString() })), capacityFreeAt: s.capacityFreeAt };
    };
    const before = { s1: await stored(s1.id), s3: await stored(s3.id) };
    assert.deepEqual(before.s3.capacity.map((c) => [c.unit, c.available, c.maximum]), [['beds', 2, 8]]);
    assert.deepEqual(before.s1.capacity.map((c) => [c.unit, c.available, c.maximum]), [['beds', 3, 12]]);

    const exported = await request(t.app).get('/hsds/export.zip').responseType('blob').expect(200);
    const zip = exported.body as Buffer;
    const capacityCsv = strFromU8(unzipSync(new Uint8Array(zip))['service_capacity.csv']!);
    assert.ok(capacityCsv.includes(recordUuid(s1.id)), 'the public service’s capacity is exported');
    assert.ok(!capacityCsv.includes(recordUuid(s3.id)), 'the confidential service’s capacity is not');

    const admin = d.admin;
    const res = await admin.agent.post(api('/admin/import')).set('X-CSRF-Token', admin.csrf).type('application/zip').send(zip).expect(200);
    assert.deepEqual(res.body.errors, []);
    assert.equal(res.body.imported, true);
    assert.deepEqual(res.body.keptCapacity, [recordUuid(s3.id)]);
    assert.ok(res.body.warnings.some((w: { table: string; message: string }) => w.table === 'service_capacity' && w.message.includes(recordUuid(s3.id))));

    assert.deepEqual(await stored(s3.id), before.s3, 'the confidential service keeps its capacity');
    assert.deepEqual(await stored(s1.id), before.s1, 'the public service’s capacity round-trips');
    const referrer = await caseworkerB.agent.get(api(`/services/${s3.id}`)).expect(200);
    assert.deepEqual([referrer.body.capacity[0].available, referrer.body.capacity[0].maximum], [2, 8]);
    const audit = (await AuditEntryModel.findOne({ entity: 'hsds-package' }).sort({ at: -1 }).lean())!;
    assert.ok(audit.changes.some((c) => c.field === 'keptCapacity' && c.after!.includes(recordUuid(s3.id))));
  });
});
