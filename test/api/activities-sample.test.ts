import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { ActivityModel } from '../../server/activities/activity.model.js';
import { SAMPLE_ACTIVITY_COUNT, sampleActivities } from '../../server/activities/sample-activities.js';
import { createTestOrganization } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('sample activities', () => {
  let t: TestApp;
  let orgIdsByGovernorate: Record<string, string[]>;
  const today = new Date();

  before(async () => {
    t = await startTestApp();
    orgIdsByGovernorate = {};
    for (const code of ['IQ-NA', 'IQ-BA', 'IQ-BG', 'IQ-AR', 'IQ-SU', 'IQ-NI']) {
      orgIdsByGovernorate[code] = [await createTestOrganization(), await createTestOrganization()];
    }
  });
  after(() => t.close());

  it('makes about forty fictional activities of the given organisations in the last twelve months', () => {
    const activities = sampleActivities(orgIdsByGovernorate, today);
    assert.equal(activities.length, SAMPLE_ACTIVITY_COUNT);
    assert.deepEqual(sampleActivities(orgIdsByGovernorate, today), activities, 'deterministic');
    const yearAgo = new Date(today.getTime() - 365 * 24 * 60 * 60 * 1000);
    for (const a of activities) {
      assert.equal(a.sample, true);
      assert.ok(a.endDate >= a.startDate && a.startDate > yearAgo && a.endDate < today, `${a.title.en} dates`);
      assert.ok(a.title.en && a.title.ar && a.title.ckb && !/\{gov\}/.test(Object.values(a.title).join()));
      for (const code of a.governorates) assert.ok(orgIdsByGovernorate[code], `${code} has sample organisations`);
      assert.ok(!a.partners.some((p) => p.equals(a.organizationId)));
    }
    assert.ok(activities.every((a) => a.governorates.some((code) => orgIdsByGovernorate[code]!.includes(String(a.organizationId)))));
    assert.deepEqual(new Set(activities.map((a) => a.kind)), new Set(['campaign', 'training', 'awareness-session', 'other']));
    assert.equal(sampleActivities({}, today).length, 0);
  });

  it('includes the campaign in Najaf, Basrah and Baghdad, visible in lists and coverage', async () => {
    await ActivityModel.insertMany(sampleActivities(orgIdsByGovernorate, today));

    const campaigns = await request(t.app).get('/api/v1/activities?governorate=IQ-NA,IQ-BA,IQ-BG&kind=campaign&perPage=100').expect(200);
    const first = campaigns.body.items.find((a: { governorates: string[] }) => a.governorates.length === 3);
    assert.deepEqual(first.governorates, ['IQ-NA', 'IQ-BA', 'IQ-BG']);
    assert.match(first.title.en, /Najaf, Basrah and Baghdad/);
    assert.equal(first.partners.length, 2);
    assert.equal(first.sample, true);

    const coverage = await request(t.app).get('/api/v1/coverage').expect(200);
    assert.equal(coverage.body.national.activities.count, SAMPLE_ACTIVITY_COUNT);
    const najaf = coverage.body.governorates.find((g: { code: string }) => g.code === 'IQ-NA');
    assert.ok(najaf.activities.count >= 1 && najaf.activities.reached.total >= 4550);
  });
});
