import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { ActivityModel } from '../../server/activities/activity.model.js';
import { ContactModel } from '../../server/directory/contacts/contact.model.js';
import { bundledGovernorates } from '../../server/directory/governorates/governorate-data.js';
import { LocationModel } from '../../server/directory/locations/location.model.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { ORGANIZATION_TYPES } from '../../server/contract/directory/vocabulary.js';
import { SAMPLE_SERVICE_COUNT } from '../../seed/sample/generator.js';
import { removeSampleData, seedDatabase, seedSampleIntoEmptyDatabase } from '../../seed/seed.js';
import { insertMissingHotlines, insertMissingLegalFrames } from '../../seed/reference-data.js';
import { BUNDLED_HOTLINES } from '../../server/directory/hotlines/hotline.data.js';
import { HotlineModel } from '../../server/directory/hotlines/hotline.model.js';
import { LegalFrameModel } from '../../server/directory/legal-frames/legal-frame.model.js';
import { CATEGORY_CODES } from '../../server/contract/directory/taxonomy/categories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const quiet = () => {};
const KURDISTAN_REGION = ['IQ-AR', 'IQ-DA', 'IQ-SU', 'IQ-HA'];

async function countAll() {
  const [organizations, services, locations, contacts, activities] = await Promise.all([
    OrganizationModel.countDocuments(),
    ServiceModel.countDocuments(),
    LocationModel.countDocuments(),
    ContactModel.countDocuments(),
    ActivityModel.countDocuments(),
  ]);
  return { organizations, services, locations, contacts, activities };
}

describe('seeding the sample directory', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('reports no sample data on an empty database', async () => {
    const res = await request(t.app).get('/api/v1/meta').expect(200);
    assert.equal(res.body.sampleData, false);
    assert.equal(res.body.tileUrl, null);
    assert.equal(typeof res.body.tileAttribution, 'string');
    assert.deepEqual(res.body.languages, ['en', 'ar', 'ckb']);
    assert.match(res.body.version, /^\d+\.\d+\.\d+/);
  });

  it('instances starting together on an empty database all seed the hotlines, each number once', async () => {
    await HotlineModel.deleteMany({});
    await Promise.all([insertMissingHotlines(), insertMissingHotlines()]);
    const numbers = (await HotlineModel.find().lean()).map((h) => h.number).sort();
    assert.deepEqual(numbers, BUNDLED_HOTLINES.map((h) => h.number).sort());
  });

  it('instances starting together seed the legal frames once each, and leave an edited frame alone', async () => {
    await LegalFrameModel.deleteMany({});
    await Promise.all([insertMissingLegalFrames(), insertMissingLegalFrames()]);
    assert.deepEqual((await LegalFrameModel.find().lean()).map((f) => f.code).sort(), ['federal', 'kurdistan-region']);
    await LegalFrameModel.updateOne({ code: 'federal' }, { $set: { 'citation.en': 'Edited by an admin' } });
    await insertMissingLegalFrames();
    assert.equal((await LegalFrameModel.findOne({ code: 'federal' }).lean())?.citation.en, 'Edited by an admin');
  });

  it('loads the sample once: running it again changes nothing', async () => {
    const first = await seedDatabase({ sample: true, log: quiet });
    assert.equal(first.referenceData.governorates, 19);
    const counts = await countAll();
    assert.deepEqual(first.sample, counts);
    assert.equal(counts.services, SAMPLE_SERVICE_COUNT);
    assert.ok(counts.organizations >= 120, `${counts.organizations} organisations`);
    assert.ok(counts.contacts >= 300, `${counts.contacts} contacts`);
    assert.ok(counts.activities > 0);

    const second = await seedDatabase({ sample: true, log: quiet });
    assert.equal(second.sample, undefined);
    assert.deepEqual(await countAll(), counts);
    assert.equal(await seedSampleIntoEmptyDatabase(quiet), undefined, 'the start-up seeding leaves a non-empty database alone');
  });

  it('covers every governorate with services and a hotline, and every category', async () => {
    const services = await ServiceModel.find({}, { governorates: 1, categories: 1, status: 1 }).lean();
    for (const { code } of bundledGovernorates()) {
      const here = services.filter((s) => s.governorates.includes(code));
      assert.ok(here.length > 0, `${code} has services`);
      assert.ok(here.some((s) => s.categories.includes('hotlines') && s.status === 'active'), `${code} has a hotline`);
    }
    const covered = new Set(services.flatMap((s) => s.categories));
    for (const code of CATEGORY_CODES) assert.ok(covered.has(code), `category ${code} is covered`);

    const organizations = await OrganizationModel.find({}, { headOfficeGovernorate: 1 }).lean();
    const perGovernorate = (code: string) => organizations.filter((o) => o.headOfficeGovernorate === code).length;
    for (const { code } of bundledGovernorates()) assert.ok(perGovernorate(code) >= 1, `${code} has organisations`);
    for (const big of ['IQ-BG', 'IQ-BA', 'IQ-NA', 'IQ-AR', 'IQ-DA', 'IQ-NI']) {
      assert.ok(perGovernorate(big) > perGovernorate('IQ-MU'), `${big} has more organisations than Muthanna`);
    }
  });

  it('marks every record as sample and uses e-mail addresses at example.org only', async () => {
    for (const model of [OrganizationModel, ServiceModel, LocationModel, ContactModel, ActivityModel] as const) {
      assert.equal(await model.countDocuments({ sample: { $ne: true } }), 0, `${model.modelName} all sample`);
    }
    const emails = [
      ...(await OrganizationModel.distinct('email')),
      ...(await ServiceModel.distinct('email')),
      ...(await ContactModel.distinct('email')),
    ].filter((email): email is string => typeof email === 'string');
    assert.ok(emails.length > 300);
    for (const email of emails) assert.match(email, /@example\.org$/);
  });

  it('draws confidential services at their governorate capital, with confidential locations', async () => {
    const capitals = new Map(bundledGovernorates().map((g) => [g.code, g]));
    const confidential = await ServiceModel.find({ confidential: true }).lean();
    assert.ok(confidential.length > 0);
    for (const service of confidential) {
      assert.ok(service.categories.includes('shelter'));
      const location = await LocationModel.findById(service.locationIds[0]).lean();
      assert.equal(location?.confidential, true);
      const capital = capitals.get(location!.address!.governorate)!;
      assert.deepEqual(service.point, { lat: capital.lat, lng: capital.lng, precision: 'governorate' });
      assert.ok(service.governorates.includes(capital.code));
    }
    const open = await ServiceModel.findOne({ confidential: false }).lean();
    assert.equal(open?.point?.precision, 'exact');
  });

  it('fills the fields services copy from their organisation, and the search fields', async () => {
    const organizations = new Map((await OrganizationModel.find().lean()).map((o) => [String(o._id), o]));
    for (const service of await ServiceModel.find().lean()) {
      const organization = organizations.get(String(service.organizationId))!;
      assert.equal(service.organizationType, organization.type);
      assert.equal(service.acceptsReferrals, organization.acceptsReferrals);
      assert.ok(service.search?.words.length && service.search.sortName);
      assert.ok(service.name.en && service.name.ar);
    }
    // A service is found by the names of its categories and of its organisation, as well as its own.
    const hotline = (await ServiceModel.findOne({ categories: 'hotlines' }).lean())!;
    const organizationWords = organizations.get(String(hotline.organizationId))!.search!.nameTokens;
    for (const word of ['hotlines', 'reporting', ...organizationWords]) {
      assert.ok(hotline.search!.words.includes(word), `word ${word}`);
    }
  });

  it('names organisations in Arabic and English, and in Kurdish in the Kurdistan Region; each has a focal point', async () => {
    const organizations = await OrganizationModel.find().lean();
    const focalPoints = new Set(
      (await ContactModel.find({ referralFocalPoint: true }, { organizationId: 1 }).lean()).map((c) => String(c.organizationId)),
    );
    for (const o of organizations) {
      assert.ok(o.name.en && o.name.ar, `${o.name.en} bilingual`);
      if (KURDISTAN_REGION.includes(o.headOfficeGovernorate!)) assert.ok(o.name.ckb, `${o.name.en} in Kurdish`);
      assert.ok(focalPoints.has(String(o._id)), `${o.name.en} has a referral focal point`);
    }
    const types = new Set(organizations.map((o) => o.type));
    for (const type of ORGANIZATION_TYPES) assert.ok(types.has(type), `has ${type}`);
  });

  it('shows up in the API: sample notice on, services counted in all 19 governorates', async () => {
    const meta = await request(t.app).get('/api/v1/meta').expect(200);
    assert.equal(meta.body.sampleData, true);
    const governorates = await request(t.app).get('/api/v1/governorates').expect(200);
    assert.equal(governorates.body.items.length, 19);
    for (const g of governorates.body.items) assert.ok(g.serviceCount > 0, `${g.code} has a service count`);
  });

  it('removes the sample with whatever was added to sample organisations, and can load it again', async () => {
    const organization = await OrganizationModel.findOne({ sample: true }).lean();
    await ContactModel.create({ organizationId: organization!._id, name: 'Added later, unmarked' });
    const before = await countAll();

    const removed = await removeSampleData();
    assert.deepEqual(removed, before);
    assert.deepEqual(await countAll(), { organizations: 0, services: 0, locations: 0, contacts: 0, activities: 0 });
    assert.equal((await request(t.app).get('/api/v1/meta').expect(200)).body.sampleData, false);
    const serviceCounts = async () =>
      (await request(t.app).get('/api/v1/governorates').expect(200)).body.items.map((g: { serviceCount: number }) => g.serviceCount);
    assert.ok((await serviceCounts()).every((n: number) => n === 0), 'the running app sees the removal');

    // A run interrupted before its organisations were written leaves records without them; the next run clears those.
    await ServiceModel.create({ organizationId: organization!._id, name: { en: 'Leftover' }, sample: true });
    const reloaded = await seedSampleIntoEmptyDatabase(quiet);
    assert.equal(reloaded?.services, SAMPLE_SERVICE_COUNT);
    assert.equal(await ServiceModel.countDocuments(), SAMPLE_SERVICE_COUNT);
    assert.ok((await serviceCounts()).every((n: number) => n > 0), 'the running app sees the new sample');
  });
});
