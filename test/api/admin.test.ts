import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { seedDatabase } from '../../seed/seed.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

interface QueueEntry {
  kind: 'organization' | 'service';
  id: string;
  isNew: boolean;
  changedFields: string[];
  organization: { id: string } | null;
}

describe('administration: verification of services and the queue, clearing sample data', () => {
  let t: TestApp;
  let admin: SignedIn;
  let orgAdmin: SignedIn;
  let org: Created;

  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
    org = await post<Created>(admin, '/organizations', { name: { en: 'Queue Test NGO' }, type: 'local-ngo', governorates: ['IQ-BG'] });
    orgAdmin = await signedInAgent(t.app, { role: 'org-admin', organizationId: org.id });
  });
  after(() => t.close());

  const api = (path: string) => `/api/v1${path}`;
  const queue = async () => (await admin.agent.get(api('/admin/verification-queue?perPage=100')).expect(200)).body as { items: QueueEntry[]; total: number };
  const newService = (name: string) =>
    post<Created & { verification?: { status: string } }>(orgAdmin, '/services', { organizationId: org.id, name: { en: name }, governorates: ['IQ-BG'] });

  it('a new service waits for verification; only platform admins see its status', async () => {
    const created = await newService('Legal counselling');
    assert.equal(created.verification, undefined, 'the organisation does not see verification');
    const asAdmin = await admin.agent.get(api(`/services/${created.id}`)).expect(200);
    assert.deepEqual(asAdmin.body.verification, { status: 'pending' });
    const publicView = await request(t.app).get(api(`/services/${created.id}`)).expect(200);
    assert.equal(publicView.body.verification, undefined);

    const pending = await admin.agent.get(api('/services?verification=pending&fields=name,verification')).expect(200);
    assert.ok(pending.body.items.some((s: { name: { en: string }; verification: { status: string } }) => s.name.en === 'Legal counselling' && s.verification.status === 'pending'));
    await request(t.app).get(api('/services?verification=pending')).expect(403);
    await orgAdmin.agent.get(api('/services?verification=pending')).expect(403);
  });

  it('the queue lists new services and changed records, newest first; verifying takes them out', async () => {
    const service = await newService('Shelter referral desk');
    let entries = (await queue()).items;
    assert.deepEqual([entries[0]!.kind, entries[0]!.id], ['service', service.id], 'the newest first');
    assert.equal(entries.find((e) => e.id === org.id), undefined, 'an organisation a platform admin created is verified as created');
    assert.equal(entries.find((e) => e.id === service.id)?.organization?.id, org.id);

    const verified = await admin.agent.post(api(`/services/${service.id}/verify`)).set('X-CSRF-Token', admin.csrf).expect(200);
    assert.equal(verified.body.verification.status, 'verified');
    assert.ok(verified.body.lastVerifiedAt);
    await orgAdmin.agent.post(api(`/services/${service.id}/verify`)).set('X-CSRF-Token', orgAdmin.csrf).expect(403);
    assert.ok(!(await queue()).items.some((e) => e.id === service.id));

    // A real change by the organisation sends it back, saying what changed; a no-op edit does not.
    const unchanged = await orgAdmin.agent
      .patch(api(`/services/${service.id}`))
      .set('X-CSRF-Token', orgAdmin.csrf)
      .set('If-Match', `"${verified.body.version}"`)
      .send({ name: { en: 'Shelter referral desk' } })
      .expect(200);
    assert.ok(!(await queue()).items.some((e) => e.id === service.id));
    await orgAdmin.agent
      .patch(api(`/services/${service.id}`))
      .set('X-CSRF-Token', orgAdmin.csrf)
      .set('If-Match', `"${unchanged.body.version}"`)
      .send({ description: { en: 'Open on weekdays' }, free: true })
      .expect(200);
    entries = (await queue()).items;
    const changed = entries.find((e) => e.id === service.id);
    assert.equal(changed?.isNew, false);
    assert.deepEqual(changed?.changedFields, ['description']);
    assert.equal(entries[0]!.id, service.id, 'most recently changed first');

    const audit = await admin.agent.get(api(`/audit?action=service.verify&entityId=${service.id}`)).expect(200);
    assert.equal(audit.body.total, 1);
  });

  it('an organisation goes back to pending only when its content changes', async () => {
    const verified = await admin.agent.post(api(`/organizations/${org.id}/verify`)).set('X-CSRF-Token', admin.csrf).expect(200);
    assert.ok(!(await queue()).items.some((e) => e.id === org.id));
    await orgAdmin.agent
      .patch(api(`/organizations/${org.id}`))
      .set('X-CSRF-Token', orgAdmin.csrf)
      .set('If-Match', `"${verified.body.version}"`)
      .send({ website: 'https://queue.example.test' })
      .expect(200);
    assert.deepEqual((await queue()).items.find((e) => e.id === org.id)?.changedFields, ['website']);
  });

  it('only platform admins read the queue', async () => {
    await orgAdmin.agent.get(api('/admin/verification-queue')).expect(403);
    await request(t.app).get(api('/admin/verification-queue')).expect(401);
  });

  it('clears the sample directory: counts, audit, and the directory no longer shows it', async () => {
    await seedDatabase({ sample: true, scale: 100, log: () => {} });
    assert.equal((await request(t.app).get(api('/meta')).expect(200)).body.sampleData, true);
    const before = (await request(t.app).get(api('/organizations?perPage=1')).expect(200)).body.total as number;

    await orgAdmin.agent.post(api('/admin/sample-data/clear')).set('X-CSRF-Token', orgAdmin.csrf).expect(403);
    const cleared = await admin.agent.post(api('/admin/sample-data/clear')).set('X-CSRF-Token', admin.csrf).expect(200);
    assert.ok(cleared.body.organizations > 0 && cleared.body.services > 0, JSON.stringify(cleared.body));

    assert.equal((await request(t.app).get(api('/meta')).expect(200)).body.sampleData, false);
    const afterwards = (await request(t.app).get(api('/organizations?perPage=1')).expect(200)).body.total as number;
    assert.equal(before - afterwards, cleared.body.organizations);
    const audit = await admin.agent.get(api('/audit?action=sample.clear')).expect(200);
    assert.equal(audit.body.items[0].changes.find((c: { field: string }) => c.field === 'services').after, String(cleared.body.services));
  });
});
