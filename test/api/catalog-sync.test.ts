import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { CatalogSet, RecordCatalog, type CatalogRecord } from '../../server/directory/catalog/catalog.js';
import { changeAt, currentVersion, publishChange } from '../../server/directory/catalog/change-feed.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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

  it('writes that select by anything but _id reload the collection', async () => {
    const a = instance();
    await a.set.ensureFresh();
    await OrganizationModel.insertMany([
      { name: { en: 'One' }, type: 'media' },
      { name: { en: 'Two' }, type: 'media' },
    ]);
    await OrganizationModel.updateMany({ type: 'media' }, { $set: { acceptsReferrals: true } });
    await a.set.ensureFresh();
    const media = a.organizations.find({ type: 'media' }) as unknown as { acceptsReferrals: boolean }[];
    assert.equal(media.length, 2);
    assert.ok(media.every((m) => m.acceptsReferrals));
  });

  it('concurrent writers get distinct, gap-free versions, from the very first change on', async () => {
    await mongoose.connection.collection('directory_changes').deleteMany({});
    const before = await currentVersion();
    await Promise.all(Array.from({ length: 15 }, (_, i) => publishChange('organizations', [new mongoose.Types.ObjectId().toHexString(), String(i)])));
    const after = await currentVersion();
    assert.ok(after - before >= 15);
    let found = 0;
    for (let v = before + 1; v <= after; v++) if (await changeAt(v)) found++;
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
