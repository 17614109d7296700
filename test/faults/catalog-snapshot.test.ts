import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Express } from 'express';
import mongoose from 'mongoose';
import request from 'supertest';
import { directoryFeed } from '../../server/directory/catalog/change-feed.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { createTestUser, signIn, type SignedIn } from '../support/auth.js';
import { useFreshDatabase } from '../support/database.js';
import { post, type Created } from '../api/directory-fixtures.js';

const API = '/api/v1';
/** The shelter's exact point: digits no other figure of the directory has. */
const SHELTER = { lat: 34.51237, lng: 43.61919 };

/** The app's log entries with this message. */
const logged = (app: AppProcess, msg: string): Record<string, unknown>[] =>
  app
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === msg);

async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const headerOf = (file: string) => JSON.parse(readFileSync(file).subarray(0, 4096).toString('utf8')) as { version: number };

describe('the directory catalog starts from its snapshot and catches up from the change feed', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ct-directory-snapshot-'));
  const snapshotFile = path.join(dataDir, 'catalog-snapshot.bin');
  /** The instance under test: restarted on the same data directory. */
  let app: AppProcess;
  /** Another instance on the same database, with its own data directory: it writes while `app` is down, and loads in full. */
  let other: AppProcess;
  let ids: { organization: string; legal: string; shelter: string };

  const start = () => startAppProcess(db.uri, { DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  const signInAt = async (url: string, who: { user: { email: string }; password: string }) => {
    const { agent, csrf } = await signIn(url as unknown as Express, who.user.email, who.password);
    return { ...who, agent, csrf } as SignedIn;
  };
  /** What anyone is shown: the pages the edited services appear on, searches, the map, facets and HSDS. */
  const publicPaths = () => [
    `${API}/services/${ids.legal}`,
    `${API}/services/${ids.shelter}`,
    `${API}/organizations/${ids.organization}`,
    `${API}/services?q=${encodeURIComponent('tribunal')}`,
    `${API}/services?q=${encodeURIComponent('counselling')}`,
    `${API}/services?q=${encodeURIComponent('clinic')}`,
    `${API}/services?near=${SHELTER.lat},${SHELTER.lng}&radiusKm=5`,
    `${API}/services?near=${SHELTER.lat},${SHELTER.lng}&sort=distance`,
    `${API}/map/services`,
    `${API}/services/facets`,
    '/hsds/services',
  ];
  const answers = async (url: string) => {
    const out: Record<string, string> = {};
    for (const p of publicPaths()) {
      const res = await request(url).get(p);
      assert.equal(res.status, 200, `${p} answered ${res.status}`);
      out[p] = res.text;
    }
    return out;
  };
  const assertHidden = (pages: Record<string, string>) => {
    for (const [p, text] of Object.entries(pages)) {
      for (const digits of [String(SHELTER.lat), String(SHELTER.lng)]) assert.ok(!text.includes(digits), `${p} shows the shelter's ${digits}`);
    }
  };

  before(async () => {
    db = await useFreshDatabase();
    const created = await createTestUser({ role: 'platform-admin' });
    app = await start();
    const admin = await signInAt(app.url, created);
    const organization = (await post<Created>(admin, '/organizations', { name: { en: 'Snapshot Legal Aid' }, type: 'local-ngo', governorates: ['IQ-BG', 'IQ-SD'] })).id;
    const office = await post<Created>(admin, '/locations', { organizationId: organization, name: { en: 'Office' }, address: { governorate: 'IQ-BG' }, lat: 33.31, lng: 44.36 });
    const house = await post<Created>(admin, '/locations', { organizationId: organization, name: { en: 'House' }, address: { governorate: 'IQ-SD' }, ...SHELTER });
    const legal = await post<Created>(admin, '/services', { organizationId: organization, name: { en: 'Legal counselling' }, categories: ['legal-aid'], locationIds: [office.id] });
    const shelter = await post<Created>(admin, '/services', { organizationId: organization, name: { en: 'Night shelter' }, categories: ['shelter'], locationIds: [house.id] });
    ids = { organization, legal: legal.id, shelter: shelter.id };
    // A read brings the catalog up to the last write; once the changes settle, the snapshot reflects it.
    await request(app.url).get(`${API}/services`).expect(200);
    const latest = await directoryFeed.currentVersion();
    await waitFor('the snapshot of every write', () => logged(app, 'catalog snapshot written').find((e) => e.version === latest));
    assert.equal(statSync(snapshotFile).mode & 0o777, 0o600, 'only the server may read the snapshot');
    // A write while it runs goes to the journal beside the snapshot, not into a rewrite of it.
    await post<Created>(admin, '/services', { organizationId: organization, name: { en: 'Mobile clinic' }, categories: ['mhpss'], locationIds: [office.id] });
    await request(app.url).get(`${API}/services`).expect(200);
    const journaled = await directoryFeed.currentVersion();
    await waitFor('the journal entry of the write', () => logged(app, 'catalog snapshot journal appended').find((e) => e.version === journaled));
    assert.equal(logged(app, 'catalog snapshot written').length, 1, 'the base is written once');
    assert.equal(statSync(`${snapshotFile}.journal`).mode & 0o777, 0o600, 'only the server may read the journal');
    await app.stop();

    // While the instance is down, another one hides the shelter's place and renames a service.
    other = await startAppProcess(db.uri);
    const otherAdmin = await signInAt(other.url, created);
    const patch = (id: string, version: number, body: object) =>
      otherAdmin.agent.patch(`${API}/services/${id}`).set('X-CSRF-Token', otherAdmin.csrf).set('If-Match', `"${version}"`).send(body).expect(200);
    await patch(shelter.id, shelter.version, { confidential: true });
    await patch(legal.id, legal.version, { name: { en: 'Legal tribunal support' } });
    assert.ok(headerOf(snapshotFile).version < (await directoryFeed.currentVersion()), 'the writes came after the snapshot');
  });
  after(async () => {
    await Promise.all([app?.stop(), other?.stop()]);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a restart loads the snapshot, then shows the writes made since and keeps the shelter hidden', async () => {
    app = await start();
    const loaded = await waitFor('the catalog loaded', () => logged(app, 'directory catalog loaded')[0]);
    assert.equal(loaded.from, 'snapshot', `loaded: ${JSON.stringify(loaded)}`);
    assert.equal(logged(app, 'catalog snapshot read')[0]?.journalEntries, 1, 'the journal is replayed');
    const restarted = await answers(app.url);
    assert.match(restarted[`${API}/services/${ids.legal}`]!, /Legal tribunal support/);
    assert.match(restarted[`${API}/services?q=tribunal`]!, new RegExp(ids.legal));
    assert.doesNotMatch(restarted[`${API}/services?q=counselling`]!, new RegExp(ids.legal));
    assert.match(restarted[`${API}/services?q=clinic`]!, /Mobile clinic/);
    assertHidden(restarted);
    // The same answers as an instance that read the whole database.
    assert.deepEqual(restarted, await answers(other.url));
    await app.stop();
  });

  it('a damaged snapshot is set aside, once, for a full load with the same answers', async () => {
    const bytes = readFileSync(snapshotFile);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(snapshotFile, bytes, { mode: 0o600 });
    app = await start();
    const loaded = await waitFor('the catalog loaded', () => logged(app, 'directory catalog loaded')[0]);
    assert.equal(loaded.from, 'database');
    const refused = logged(app, 'catalog snapshot not used; loading the catalog from the database');
    assert.equal(refused.length, 1);
    assert.match(String(refused[0]!.reason), /checksum/);
    const reloaded = await answers(app.url);
    assertHidden(reloaded);
    assert.deepEqual(reloaded, await answers(other.url));
  });

  it('a snapshot the change feed no longer reaches back to is set aside for a full load', async () => {
    // The full load above is saved again; then the feed loses the change it was taken at (pruned).
    const { version } = await waitFor('a fresh snapshot', () => logged(app, 'catalog snapshot written')[0]);
    await app.stop();
    await mongoose.connection.collection('directory_changes').deleteOne({ _id: `c${String(version)}` } as never);
    app = await start();
    const loaded = await waitFor('the catalog loaded', () => logged(app, 'directory catalog loaded')[0]);
    assert.equal(loaded.from, 'database');
    assert.match(String(logged(app, 'catalog snapshot not used; loading the catalog from the database')[0]?.reason), /no longer reaches back/);
    assert.deepEqual(await answers(app.url), await answers(other.url));
  });
});
