import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { CatalogSet, RecordCatalog, type CatalogRecord } from '../../server/directory/catalog/catalog.js';
import { ActivityModel } from '../../server/activities/activity.model.js';
import { ACTIVITY_KINDS } from '../../server/contract/activities/vocabulary.js';
import { activityFeed, directoryFeed } from '../../server/directory/catalog/change-feed.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ACTIVITY_KIND = ACTIVITY_KINDS[0];

/** Two catalogs over one database stand for two app instances. */
function instance() {
  const organizations = new RecordCatalog<CatalogRecord & { name?: { en?: string } }>(
    'organizations',
    () => OrganizationModel as never,
    (doc) => doc as never,
  );
  return { organizations, set: new CatalogSet([organizations as RecordCatalog<CatalogRecord>]) };
}

describe('catalog change feed', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('every write through a model reaches every instance on its next read', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.set.ensureFresh(), b.set.ensureFresh()]);
    const created = await OrganizationModel.create({ name: { en: 'Before' }, type: 'local-ngo' });
    const id = created._id.toHexString();

    await b.set.ensureFresh();
    assert.equal(b.organizations.get(id)?.name?.en, 'Before');

    await OrganizationModel.findOneAndUpdate({ _id: created._id }, { $set: { 'name.en': 'After' } });
    await Promise.all([a.set.ensureFresh(), b.set.ensureFresh()]);
    assert.equal(a.organizations.get(id)?.name?.en, 'After');
    assert.equal(b.organizations.get(id)?.name?.en, 'After');

    await OrganizationModel.deleteOne({ _id: created._id });
    await b.set.ensureFresh();
    assert.equal(b.organizations.get(id), undefined);
  });

  it('writes that select by anything but _id publish exactly the ids they touched, once', async () => {
    const a = instance();
    await a.set.ensureFresh();
    const [one, two] = await OrganizationModel.insertMany([
      { name: { en: 'One' }, type: 'media' },
      { name: { en: 'Two' }, type: 'media' },
    ]);
    await OrganizationModel.create({ name: { en: 'Other' }, type: 'academic' });
    const before = await directoryFeed.currentVersion();
    await OrganizationModel.updateMany({ type: 'media' }, { $set: { acceptsReferrals: true } });
    assert.equal(await directoryFeed.currentVersion(), before + 1, 'one write, one change');
    const change = await directoryFeed.changeAt(before + 1);
    assert.deepEqual(change?.ids.sort(), [one!._id.toHexString(), two!._id.toHexString()].sort());
    await a.set.ensureFresh();
    const media = a.organizations.find({ type: 'media' }) as unknown as { acceptsReferrals: boolean }[];
    assert.equal(media.length, 2);
    assert.ok(media.every((m) => m.acceptsReferrals));
  });

  it('a bulk write publishes the ids of its operations, upserted ones included', async () => {
    const a = instance();
    await a.set.ensureFresh();
    const existing = await OrganizationModel.create({ name: { en: 'Bulk' }, type: 'media' });
    const upserted = new mongoose.Types.ObjectId();
    const before = await directoryFeed.currentVersion();
    await OrganizationModel.bulkWrite([
      { updateOne: { filter: { _id: existing._id }, update: { $set: { 'name.en': 'Bulk renamed' } } } },
      { updateOne: { filter: { _id: upserted }, update: { $set: { name: { en: 'Upserted' }, type: 'media' } }, upsert: true } },
    ]);
    assert.equal(await directoryFeed.currentVersion(), before + 1);
    assert.deepEqual((await directoryFeed.changeAt(before + 1))?.ids.sort(), [existing._id.toHexString(), upserted.toHexString()].sort());
    await a.set.ensureFresh();
    assert.equal(a.organizations.get(existing._id.toHexString())?.name?.en, 'Bulk renamed');
    assert.equal(a.organizations.get(upserted.toHexString())?.name?.en, 'Upserted');
  });

  it('recording an activity leaves the directory feed, and so its cached answers, alone', async () => {
    const organization = await OrganizationModel.create({ name: { en: 'Organiser' }, type: 'local-ngo' });
    const [directoryBefore, activitiesBefore] = await Promise.all([directoryFeed.currentVersion(), activityFeed.currentVersion()]);
    await ActivityModel.create({
      organizationId: organization._id,
      title: { en: 'Outreach' },
      kind: ACTIVITY_KIND,
      governorates: ['IQ-BA'],
      startDate: new Date('2026-01-10'),
      endDate: new Date('2026-01-10'),
    });
    assert.equal(await directoryFeed.currentVersion(), directoryBefore);
    assert.equal(await activityFeed.currentVersion(), activitiesBefore + 1);
  });

  it('many changes to a few records are applied together, each record ending as last written', async () => {
    const a = instance();
    await a.set.ensureFresh();
    const created = await OrganizationModel.create({ name: { en: 'v0' }, type: 'media' });
    for (let i = 1; i <= 40; i++) await OrganizationModel.findOneAndUpdate({ _id: created._id }, { $set: { 'name.en': `v${i}` } });
    await a.set.ensureFresh();
    assert.equal(a.organizations.get(created._id.toHexString())?.name?.en, 'v40');
    assert.equal(a.set.appliedVersion, await directoryFeed.currentVersion());
  });

  it('concurrent writers get distinct, gap-free versions, from the very first change on', async () => {
    await mongoose.connection.collection('directory_changes').deleteMany({});
    const before = await directoryFeed.currentVersion();
    await Promise.all(Array.from({ length: 15 }, (_, i) => directoryFeed.publish('organizations', [new mongoose.Types.ObjectId().toHexString(), String(i)])));
    const after = await directoryFeed.currentVersion();
    assert.ok(after - before >= 15);
    let found = 0;
    for (let v = before + 1; v <= after; v++) if (await directoryFeed.changeAt(v)) found++;
    assert.equal(found, 15);
  });

  it('a reader that arrives during a sync waits for one that includes the latest write', async () => {
    const a = instance();
    await a.set.ensureFresh();
    const inFlight = a.set.ensureFresh();
    const created = await OrganizationModel.create({ name: { en: 'Late' }, type: 'academic' });
    await a.set.ensureFresh();
    await inFlight;
    assert.ok(a.organizations.get(created._id.toHexString()));
  });
});
