import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import request from 'supertest';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { commandsWhile, startMonitoredTestApp } from '../support/database-commands.js';
import type { TestApp } from '../support/test-app.js';
import { buildDirectory, post, SECRET, type Created, type Directory } from './directory-fixtures.js';

/**
 * A service, organisation, location or contact is read from the directory catalog, current for the
 * request as searches are, not from the embedded database (which scans for it). Only a record the
 * catalog does not hold yet (its change is not in the feed) is read from the database, and both
 * sources give the same bytes and validators to every viewer. Taxonomy terms are read from the copy
 * of the terms kept per change of them.
 */
const DIRECTORY = ['services', 'organizations', 'locations', 'contacts'];

describe('GET one record answers from the catalog', () => {
  let t: TestApp;
  let d: Directory;
  let member: SignedIn;
  let admin: SignedIn;
  /** Archived: its editors see it, the public gets a 404. */
  let contact: Created;

  before(async () => {
    t = await startMonitoredTestApp();
    d = await buildDirectory(t.app);
    member = await signedInAgent(t.app, { role: 'org-admin', organizationId: d.orgs.A.id });
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
    contact = await post<Created>(d.admin, '/contacts', { organizationId: d.orgs.A.id, serviceId: d.services.s3.id, name: 'Night desk', email: 'night@hope.example' });
    await post(d.admin, `/contacts/${contact.id}/archive`, {}, 200);
  });
  after(() => t.close());

  /** The collections of the commands the app sends while `run` runs. */
  const collectionsReadWhile = (run: () => Promise<unknown>) =>
    commandsWhile((e) => [String((e.command as Record<string, unknown>)[e.commandName])], run);

  const viewers = () =>
    [
      ['anonymous', request(t.app)],
      ['a member of the organisation', member.agent],
      ['a platform admin', admin.agent],
    ] as const;

  const records = () =>
    [
      ['services', d.services.s3.id],
      ['organizations', d.orgs.A.id],
      ['locations', d.locations.safeHouse.id],
      ['contacts', contact.id],
    ] as const;

  it('reads no record from the database when the catalog is current', async () => {
    for (const [collection, id] of records()) {
      for (const [who, agent] of viewers()) {
        // The first read after other requests may catch up with the feed; the one after reads nothing it need not.
        // The safe house is a 404 to the public: that answer too comes from the catalog.
        await agent.get(`/api/v1/${collection}/${id}`);
        const read = await collectionsReadWhile(() => agent.get(`/api/v1/${collection}/${id}`));
        // Nor the records the page shows with it (its organisation, places, contacts).
        const directory = read.filter((c) => DIRECTORY.includes(c));
        assert.deepEqual(directory, [], `${who}: GET /${collection}/:id read ${read.join(', ')}`);
      }
    }
  });

  it('gives every viewer the same bytes and ETag as the database-served answer', async () => {
    for (const [collection, id] of records()) {
      // A copy written by another instance that has taken its feed version but not recorded the change
      // yet: the catalog cannot tell whether the record exists, so the database answers.
      const stored = await mongoose.connection.collection(collection).findOne({ _id: new mongoose.Types.ObjectId(id) });
      const copy = new mongoose.Types.ObjectId();
      await mongoose.connection.collection(collection).insertOne({ ...stored, _id: copy });
      const feed = mongoose.connection.collection<{ _id: string; version?: number; collection?: string; ids?: string[]; at?: Date }>('directory_changes');
      const taken = await feed.findOneAndUpdate({ _id: 'state' }, { $inc: { version: 1 } }, { returnDocument: 'after' });
      const path = `/api/v1/${collection}/${copy.toHexString()}`;

      const fromDatabase = new Map<string, { status: number; text: string; etag: string | undefined }>();
      for (const [who, agent] of viewers()) {
        let res: request.Response | undefined;
        const read = await collectionsReadWhile(async () => {
          res = await agent.get(path);
        });
        assert.ok(read.includes(collection), `${who}: the copy not yet in the feed comes from the database`);
        fromDatabase.set(who, { status: res!.status, text: res!.text, etag: res!.headers.etag });
      }
      // Each viewer gets its own view: the member the safe house, the public not (a copied organisation
      // has no places); the archived contact is the member's and the admin's, a 404 to the public.
      if (collection === 'contacts') {
        assert.deepEqual([...fromDatabase.values()].map((r) => r.status), [404, 200, 200], 'contacts: status per viewer');
      }
      if (collection === 'services' || collection === 'locations') {
        assert.ok(fromDatabase.get('a member of the organisation')!.text.includes(SECRET.street), `${collection}: the member sees the safe house`);
        assert.ok(!fromDatabase.get('anonymous')!.text.includes(SECRET.street), `${collection}: the public does not`);
      }

      // The writer records its change.
      await feed.insertOne({ _id: `c${taken!.version}`, collection, ids: [copy.toHexString()], at: new Date() });
      // The next read catches up with the feed, which reads the copy once into the catalog.
      await request(t.app).get(path);
      for (const [who, agent] of viewers()) {
        let res: request.Response | undefined;
        const read = await collectionsReadWhile(async () => {
          res = await agent.get(path);
        });
        assert.ok(!read.includes(collection), `${who}: the catalog holds the copy now, yet ${read.join(', ')} were read`);
        assert.equal(res!.status, fromDatabase.get(who)!.status, `${collection}, ${who}: status`);
        assert.equal(res!.text, fromDatabase.get(who)!.text, `${collection}, ${who}: body`);
        assert.equal(res!.headers.etag, fromDatabase.get(who)!.etag, `${collection}, ${who}: ETag`);
      }
    }
  });

  it('answers an unknown id with 404 without looking for it in the database', async () => {
    for (const [collection] of records()) {
      const path = `/api/v1/${collection}/${new mongoose.Types.ObjectId().toHexString()}`;
      await request(t.app).get(path).expect(404);
      const read = await collectionsReadWhile(() => request(t.app).get(path).expect(404));
      assert.deepEqual(read.filter((c) => DIRECTORY.includes(c)), [], `${path} read ${read.join(', ')}`);
    }
  });

  it('reads a taxonomy term from the terms in memory, as the database gives it, to every viewer', async () => {
    const created = await admin.agent
      .post('/api/v1/taxonomy')
      .set('X-CSRF-Token', admin.csrf)
      .send({ code: 'night-shelter', parent: 'safety', name: { en: 'Night shelter', ar: 'مأوى ليلي' }, synonyms: { en: ['overnight'] } })
      .expect(201);
    const path = '/api/v1/taxonomy/night-shelter';
    // Archiving answers with the stored record, read back from the database.
    const archived = await admin.agent.post(`${path}/archive`).set('X-CSRF-Token', admin.csrf).expect(200);
    assert.notEqual(archived.headers.etag, created.headers.etag);
    // The first read after a change of the terms reads them all again, once.
    await request(t.app).get(path);
    const expected = { anonymous: 404, 'a member of the organisation': 404, 'a platform admin': 200 } as const;
    for (const [who, agent] of viewers()) {
      let res: request.Response | undefined;
      const read = await collectionsReadWhile(async () => {
        res = await agent.get(path);
      });
      assert.deepEqual(read.filter((c) => c === 'taxonomy_terms'), [], `${who}: GET one term read ${read.join(', ')}`);
      assert.equal(res!.status, expected[who], `${who}: status`);
      if (res!.status === 200) {
        assert.equal(res!.text, archived.text, `${who}: body`);
        assert.equal(res!.headers.etag, archived.headers.etag, `${who}: ETag`);
        assert.equal(res!.headers['cache-control'], archived.headers['cache-control'], `${who}: Cache-Control`);
      }
    }
    // Unknown codes and the list of archived terms come from memory too.
    const read = await collectionsReadWhile(async () => {
      await request(t.app).get('/api/v1/taxonomy/no-such-term').expect(404);
      const only = await admin.agent.get('/api/v1/taxonomy?archived=only').expect(200);
      assert.deepEqual(only.body.items.map((i: { code: string }) => i.code), ['night-shelter']);
    });
    assert.deepEqual(read.filter((c) => c === 'taxonomy_terms'), [], `read ${read.join(', ')}`);
  });

  it('shows an edit to the very next read, to its author and to the public', async () => {
    const path = `/api/v1/services/${d.services.s3.id}`;
    const read = await admin.agent.get(path).expect(200);
    await admin.agent
      .patch(path)
      .set('X-CSRF-Token', admin.csrf)
      .set('If-Match', read.headers.etag!)
      .send({ name: { en: 'Protected stay' } })
      .expect(200);
    const own = await admin.agent.get(path).expect(200);
    assert.equal(own.body.name.en, 'Protected stay');
    assert.notEqual(own.headers.etag, read.headers.etag);
    assert.equal((await request(t.app).get(path).expect(200)).body.name.en, 'Protected stay');

    await admin.agent.post(`${path}/archive`).set('X-CSRF-Token', admin.csrf).expect(200);
    await request(t.app).get(path).expect(404);
    const archived = await member.agent.get(path).expect(200);
    assert.ok(archived.body.archivedAt, 'its editors still see it, archived, to restore it');
  });
});
