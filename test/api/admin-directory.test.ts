import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { actor, referralBody, referralIn, referralNetwork, type Actor, type Network } from './referrals-fixtures.js';

/** What the administration screens for organisations, categories and the partner network need of the API. */
describe('admin directory: archived organisations and terms, the network both ways', () => {
  let t: TestApp;
  let admin: Actor;
  let n: Network;
  before(async () => {
    t = await startTestApp();
    admin = await actor(t.app, 'platform-admin');
    n = await referralNetwork(t.app);
  });
  after(() => t.close());

  const names = (body: { items: { name: { en?: string } }[] }) => body.items.map((o) => o.name.en);

  it('lists archived organisations only for platform admins, with their archive date', async () => {
    const created = await admin.post('/api/v1/organizations', { name: { en: 'Marshes Outreach' }, type: 'community-based' }).expect(201);
    const id = created.body.id as string;
    assert.equal(created.body.archivedAt, null);
    await admin.post(`/api/v1/organizations/${id}/archive`).expect(200);

    const live = await admin.get('/api/v1/organizations?q=marshes').expect(200);
    assert.deepEqual(names(live.body), []);
    const only = await admin.get('/api/v1/organizations?q=marshes&archived=only&fields=name,archivedAt').expect(200);
    assert.deepEqual(names(only.body), ['Marshes Outreach']);
    assert.match(only.body.items[0].archivedAt, /^\d{4}-\d\d-\d\dT/);
    const all = await admin.get('/api/v1/organizations?archived=include&perPage=100').expect(200);
    assert.ok(names(all.body).includes('Marshes Outreach'));
    assert.ok(all.body.total > (await admin.get('/api/v1/organizations').expect(200)).body.total);

    await request(t.app).get('/api/v1/organizations?archived=include').expect(401);
    await n.senderAdmin.get('/api/v1/organizations?archived=only').expect(403);
    await admin.post(`/api/v1/organizations/${id}/restore`).expect(200);
    assert.deepEqual(names((await admin.get('/api/v1/organizations?q=marshes').expect(200)).body), ['Marshes Outreach']);
  });

  it('lists archived taxonomy terms for platform admins, so they can be restored', async () => {
    await admin.post('/api/v1/taxonomy', { code: 'survivor-network', parent: 'justice', name: { en: 'Survivor network', ar: 'شبكة الناجين' } }).expect(201);
    await admin.post('/api/v1/taxonomy/survivor-network/archive').expect(200);
    const codes = (body: { items: { code: string }[] }) => body.items.map((term) => term.code);
    assert.ok(!codes((await request(t.app).get('/api/v1/taxonomy').expect(200)).body).includes('survivor-network'));
    const withArchived = await admin.get('/api/v1/taxonomy?archived=include').expect(200);
    const term = withArchived.body.items.find((item: { code: string }) => item.code === 'survivor-network');
    assert.equal(term.parent, 'justice');
    assert.match(term.archivedAt, /^\d{4}-/);
    assert.equal(withArchived.body.items.find((item: { code: string }) => item.code === 'shelter').archivedAt, null);
    await request(t.app).get('/api/v1/taxonomy?archived=include').expect(401);
    await n.liaison.get('/api/v1/taxonomy?archived=include').expect(403);
  });

  it('counts the referrals of each pair in both directions', async () => {
    await referralIn(n, 'sent');
    await referralIn(n, 'accepted');
    await n.receiver.post('/api/v1/referrals', referralBody(n.senderOrg, { send: true })).expect(201);
    const res = await n.sender.get('/api/v1/network').expect(200);
    const edge = res.body.edges.find((e: { source: string; target: string }) => [e.source, e.target].sort().join() === [n.senderOrg, n.receiverOrg].sort().join());
    const fromSender = edge.source === n.senderOrg ? edge.sourceToTarget : edge.targetToSource;
    const fromReceiver = edge.source === n.senderOrg ? edge.targetToSource : edge.sourceToTarget;
    assert.deepEqual([edge.referrals, fromSender, fromReceiver], [3, 2, 1]);
  });

});
