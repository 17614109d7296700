import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { ContactModel } from '../../server/directory/contacts/contact.model.js';
import { LocationModel } from '../../server/directory/locations/location.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { recordUuid } from '../../server/standards/hsds/ids.js';
import { commandsWhile, startMonitoredTestApp } from '../support/database-commands.js';
import type { TestApp } from '../support/test-app.js';
import { referralIn, referralNetwork, type Network } from './referrals-fixtures.js';

/**
 * The embedded database answers a filter that is exactly `{ _id: <one id> }` by its index and any
 * other filter by reading and decoding the whole collection. Every command the server sends while
 * serving a signed-in member's inbox and outbox (filtered, paged), a referral's page, the service and
 * organisation pages (the app's and HSDS's), and while a service is edited and a referral moves, is
 * recorded at the driver (so the session store's own client is seen too) and must select one record
 * by `_id`.
 */
type Selection = { op: string; collection: string; filter: unknown };

/** The filters a command selects by (none for inserts); a cursor or aggregation counts as a scan. */
function selections(e: CommandStartedEvent): Selection[] {
  const c = e.command as Record<string, unknown>;
  const collection = String(c[e.commandName]);
  switch (e.commandName) {
    case 'find':
      return [{ op: 'find', collection, filter: c.filter }];
    case 'findAndModify':
      return [{ op: 'findAndModify', collection, filter: c.query }];
    case 'count':
      return [{ op: 'count', collection, filter: c.query }];
    case 'update':
      return (c.updates as { q: unknown }[]).map((u) => ({ op: 'update', collection, filter: u.q }));
    case 'delete':
      return (c.deletes as { q: unknown }[]).map((d) => ({ op: 'delete', collection, filter: d.q }));
    case 'insert':
      return [];
    default:
      return [{ op: e.commandName, collection, filter: c }];
  }
}

const isOneId = (filter: unknown) => {
  if (!filter || typeof filter !== 'object') return false;
  const keys = Object.keys(filter);
  const id = (filter as { _id?: unknown })._id;
  return keys.length === 1 && keys[0] === '_id' && (typeof id === 'string' || id instanceof mongoose.mongo.ObjectId);
};

describe('no scan on the signed-in request paths', () => {
  let t: TestApp;
  let n: Network;
  let referral: string;

  before(async () => {
    t = await startMonitoredTestApp();
    n = await referralNetwork(t.app);
    const place = await LocationModel.create({ organizationId: n.receiverOrg, name: { en: 'Office' }, address: { governorate: 'IQ-AR' }, lat: 36.19, lng: 44.01 });
    await ServiceModel.updateOne({ _id: n.serviceId }, { $set: { locationIds: [place._id] } });
    await ContactModel.create({ organizationId: n.receiverOrg, serviceId: n.serviceId, name: 'Shelter desk' });
    referral = await referralIn(n, 'sent');
    await referralIn(n, 'accepted');
    await n.receiver.post(`/api/v1/referrals/${referral}/comments`, { body: 'We call her this afternoon.' }).expect(201);
    await referralIn(n, 'draft');
    // The in-memory indexes load once, as the server does at start; requests then read by _id only.
    for (const [what, who, url] of pages()) assert.equal((await who.get(url)).status, 200, what);
    // So are the service categories, once per change of them: the first edit reads them.
    await n.receiverAdmin.patch(`/api/v1/services/${n.serviceId}`, { name: { en: 'Safe shelter' } }, 1).expect(200);
  });
  after(() => t.close());

  const selectionsWhile = (run: () => Promise<unknown>) => commandsWhile(selections, run);

  const scansOf = (commands: Selection[]) =>
    commands.filter((c) => !isOneId(c.filter)).map((c) => `${c.op} ${c.collection} ${String(JSON.stringify(c.filter)).slice(0, 160)}`);

  const pages = () => [
    ['the inbox', n.receiver, '/api/v1/referrals?box=inbox'],
    ['the inbox, filtered', n.receiver, '/api/v1/referrals?box=inbox&status=sent&urgency=high&overdue=false&governorate=IQ-AR'],
    ['the inbox, page 2', n.receiver, '/api/v1/referrals?box=inbox&pageSize=1&page=2'],
    ['the outbox', n.sender, '/api/v1/referrals?box=outbox&pageSize=2&page=2'],
    ['the outbox, filtered', n.sender, '/api/v1/referrals?box=outbox&status=sent,draft&urgency=high&overdue=false'],
    ['the header counts', n.receiver, '/api/v1/referrals/counts'],
    ["a referral's page", n.receiver, `/api/v1/referrals/${referral}`],
    ["a referral's comments", n.receiver, `/api/v1/referrals/${referral}/comments`],
    ['a service page', n.receiver, `/api/v1/services/${n.serviceId}`],
    ['an organisation page', n.receiver, `/api/v1/organizations/${n.receiverOrg}`],
    ['an HSDS service', n.receiver, `/hsds/services/${recordUuid(n.serviceId)}`],
    ['an HSDS organisation', n.receiver, `/hsds/organizations/${recordUuid(n.receiverOrg)}`],
  ] as const;

  it('selects every record it reads or writes by its _id alone', async () => {
    const scans: Record<string, string[]> = {};
    for (const [what, who, url] of pages()) {
      let body: Record<string, unknown> = {};
      const commands = await selectionsWhile(async () => {
        body = (await who.get(url).expect(200)).body as Record<string, unknown>;
      });
      assert.ok(commands.length > 0, `${what}: the session at least is read`);
      scans[`${what} (${url})`] = scansOf(commands);
      if (url.includes('box=inbox&status')) assert.equal(body.total, 1);
      if (url.includes('box=outbox&status')) assert.equal(body.total, 2, what);
      if (url.includes('page=2')) assert.equal((body.items as unknown[]).length, 1, what);
      if (url.endsWith('/comments')) assert.equal(JSON.stringify(body).includes('We call her this afternoon.'), true, what);
      if (url.endsWith(referral)) assert.equal(body.status, 'sent', what);
      if (url.startsWith('/hsds/organizations/')) assert.match(String(body.name), /^Receiver NGO/, what);
      if (url.includes('/services/')) assert.equal(JSON.stringify(body).includes('Shelter desk') && JSON.stringify(body).includes('Office'), true, what);
    }
    // Every page at once, so one failure shows every path that still scans.
    assert.deepEqual(Object.entries(scans).filter(([, s]) => s.length), [], 'these pages sent queries that scan');
  });

  it('a signed-in read writes nothing: the session’s stored expiry is renewed at most once a minute', async () => {
    await n.receiver.get('/api/v1/referrals?box=inbox').expect(200);
    const writes = await commandsWhile(
      (e) => (['update', 'insert', 'delete', 'findAndModify'].includes(e.commandName) ? [`${e.commandName} ${String((e.command as Record<string, unknown>)[e.commandName])}`] : []),
      async () => {
        for (const [, who, url] of pages()) await who.get(url).expect(200);
      },
    );
    assert.deepEqual(writes, [], 'reads sent writes');
  });

  it('edits a service and moves a referral selecting every record by its _id alone', async () => {
    const url = `/api/v1/services/${n.serviceId}`;
    const { version } = (await n.receiverAdmin.get(url).expect(200)).body as { version: number };
    let edited: Record<string, unknown> = {};
    const edit = await selectionsWhile(async () => {
      edited = (await n.receiverAdmin.patch(url, { name: { en: 'Safe shelter, east wing' } }, version).expect(200)).body as Record<string, unknown>;
    });
    assert.deepEqual(scansOf(edit), [], 'the service edit sent queries that scan');
    assert.deepEqual([(edited.name as { en: string }).en, edited.version], ['Safe shelter, east wing', version + 1]);

    const sent = await referralIn(n, 'sent');
    let moved: Record<string, unknown> = {};
    const move = await selectionsWhile(async () => {
      moved = (await n.receiver.post(`/api/v1/referrals/${sent}/transitions`, { to: 'acknowledged' }).expect(200)).body as Record<string, unknown>;
    });
    assert.deepEqual(scansOf(move), [], 'the referral transition sent queries that scan');
    assert.equal(moved.status, 'acknowledged');
  });

  it('computes coverage reading no directory or taxonomy collection', async () => {
    let body: { governorates: { code: string; categories: Record<string, { services: number }> }[] } = { governorates: [] };
    const commands = await selectionsWhile(async () => {
      body = (await n.receiver.get('/api/v1/coverage?category=shelter').expect(200)).body as typeof body;
    });
    // Activities are still aggregated by the database (no read model holds them): the one scan left.
    const scans = scansOf(commands.filter((c) => !(c.op === 'aggregate' && c.collection === 'activities')));
    assert.deepEqual(scans, [], 'coverage sent queries that scan');
    assert.equal(body.governorates.find((g) => g.code === 'IQ-AR')?.categories.shelter?.services, 1, 'the shelter in Erbil');
  });
});
