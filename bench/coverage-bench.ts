/**
 * Coverage at scale: seeds a throw-away embedded database with the sample directory at N services
 * (default 100 000) and sample activities, then times GET /api/v1/coverage and /coverage.csv
 * in-process: uncached (a service is touched before each request, as after any edit) and cached,
 * plus the database aggregations alone.
 *
 *   npx tsx bench/coverage-bench.ts [--scale 100000] [--runs 7]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import request from 'supertest';
import { seedDatabase } from '../seed/seed.js';
import { ActivityModel } from '../server/activities/activity.model.js';
import { sampleActivities } from '../server/activities/sample-activities.js';
import { createApp } from '../server/app.js';
import { coverageDataVersion, serviceGroups, taxonomyTerms } from '../server/coverage/coverage.data.js';
import { OrganizationModel } from '../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../server/directory/services/service.model.js';
import { loadConfig } from '../server/platform/config.js';
import { connectDatabase, ensureIndexes } from '../server/platform/db/connection.js';
import { startEmbeddedDatabase } from '../server/platform/db/embedded-ferretdb.js';
import { createLogger } from '../server/platform/logging.js';

const { values: opts } = parseArgs({ options: { scale: { type: 'string' }, runs: { type: 'string' } } });
const scale = Number(opts.scale ?? 100_000);
const runs = Number(opts.runs ?? 7);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.9 * xs.length) - 1]!;

async function time(label: string, n: number, before: () => Promise<unknown>, work: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    await before();
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  console.log(`${label.padEnd(48)} median ${median(samples).toFixed(0).padStart(6)} ms   p90 ${p90(samples).toFixed(0).padStart(6)} ms   (n=${n})`);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'ct-coverage-bench-'));
const db = await startEmbeddedDatabase({ dataDir: path.join(dataDir, 'db'), log: () => {} });
try {
  await connectDatabase(db.uri, 'coverage_bench');
  await ensureIndexes();
  const seedStart = performance.now();
  await seedDatabase({ sample: true, scale, log: () => {} });
  const orgs = await OrganizationModel.find({}, { governorates: 1 }).lean();
  const byGovernorate: Record<string, string[]> = {};
  for (const o of orgs) for (const g of o.governorates) (byGovernorate[g] ??= []).push(String(o._id));
  await ActivityModel.insertMany(sampleActivities(byGovernorate));
  const services = await ServiceModel.estimatedDocumentCount();
  console.log(`seeded ${services} services, ${orgs.length} organisations in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);

  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: path.join(dataDir, 'app'), SEED_SAMPLE: 'false' });
  // Errors are logged, so a failed request shows its cause.
  const app = createApp({ config, logger: createLogger('error') });
  const someService = (await ServiceModel.findOne({}, { _id: 1 }).lean())!._id;
  const touch = () => ServiceModel.updateOne({ _id: someService }, { $set: { lastVerifiedAt: new Date() } });
  const nothing = async () => {};
  const get = (url: string) => async () => {
    await request(app).get(url).expect(200);
  };
  const categories = (await taxonomyTerms()).filter((t) => t.parent).map((t) => t.code);

  await time('GET /coverage, uncached (after an edit)', runs, touch, get('/api/v1/coverage'));
  await time('GET /coverage, cached', runs * 4, nothing, get('/api/v1/coverage'));
  await time('data version (the check every request makes)', runs, nothing, coverageDataVersion);
  await time('aggregation: service groups (all categories)', runs, nothing, () => serviceGroups({ categories, populations: [], verifiedSince: new Date(0) }));
  // For comparison: the same services as one projected find, as an app-side tally would read them.
  await time('for comparison: projected find of those services', runs, nothing, () =>
    ServiceModel.collection
      .find({ archivedAt: null, status: 'active', categories: { $in: categories } }, { projection: { organizationId: 1, governorates: 1, categories: 1, lastVerifiedAt: 1 } })
      .toArray(),
  );
  await time('GET /coverage?category=health, uncached', runs, touch, get('/api/v1/coverage?category=health'));
  await time('GET /coverage?population=women, uncached', runs, touch, get('/api/v1/coverage?population=women'));
  await time('GET /coverage.csv?hxl=1, uncached', runs, touch, get('/api/v1/coverage.csv?hxl=1'));
} finally {
  await mongoose.disconnect();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
