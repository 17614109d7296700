/**
 * The read model under writes, in one process on a throw-away embedded database seeded with N
 * services: the catalog's cold load, an organisation rename (its services' derived fields refreshed)
 * and a service edit, each until this instance's catalog has applied it, and coverage repeated and
 * right after a change (medians of runs). RSS after the load and at the end.
 *
 *   npx tsx bench/write-bench.ts [--scale 5000] [--runs 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { seedDatabase } from '../seed/seed.js';
import { coverage } from '../server/coverage/coverage.use-cases.js';
import { directoryCatalog, serviceCatalog } from '../server/directory/catalog/directory-catalog.js';
import { organizationChanged } from '../server/directory/organizations/organization.use-cases.js';
import type { OrganizationRecord } from '../server/directory/organizations/organization.data.js';
import { OrganizationModel } from '../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../server/directory/services/service.model.js';
import { connectDatabase, ensureIndexes } from '../server/platform/db/connection.js';
import { startEmbeddedDatabase } from '../server/platform/db/embedded-ferretdb.js';

const { values: opts } = parseArgs({ options: { scale: { type: 'string' }, runs: { type: 'string' } } });
const scale = Number(opts.scale ?? 5_000);
const runs = Number(opts.runs ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const ms = (t: number) => Math.round(performance.now() - t);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return ms(t);
}

const dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-write-bench-'));
const db = await startEmbeddedDatabase({ dataDir: path.join(dir, 'db') });
try {
  await connectDatabase(`${db.uri}writebench`);
  await ensureIndexes();
  let t = performance.now();
  await seedDatabase({ sample: true, scale, log: () => {} });
  console.log(`seeded ${scale} services in ${Math.round(ms(t) / 1000)} s`);

  t = performance.now();
  await directoryCatalog.ensureFresh();
  console.log(`catalog loaded: ${serviceCatalog.size} services in ${ms(t)} ms; RSS ${rssMb()} MB`);

  const organizations = await OrganizationModel.find({ sample: true }, { _id: 1 }).limit(runs).lean<{ _id: mongoose.Types.ObjectId }[]>();
  const rename: number[] = [];
  for (const [i, { _id }] of organizations.entries()) {
    rename.push(
      await timed(async () => {
        const before = await OrganizationModel.findById(_id).lean<OrganizationRecord>();
        const after = await OrganizationModel.findOneAndUpdate({ _id }, { $set: { 'name.en': `Renamed ${i}` }, $inc: { version: 1 } }, { new: true }).lean<OrganizationRecord>();
        await organizationChanged({ kind: 'update', before, after: after! });
        await directoryCatalog.ensureFresh();
      }),
    );
  }
  const services = serviceCatalog.find({ archivedAt: null }).slice(0, runs);
  const edit: number[] = [];
  for (const [i, s] of services.entries()) {
    edit.push(
      await timed(async () => {
        await ServiceModel.findOneAndUpdate({ _id: s._id }, { $set: { 'name.en': `Edited ${i}` }, $inc: { version: 1 } });
        await directoryCatalog.ensureFresh();
      }),
    );
  }
  const coverageAfterChange: number[] = [];
  const coverageRepeated: number[] = [];
  for (let i = 0; i < runs; i++) {
    await ServiceModel.findOneAndUpdate({ _id: services[0]!._id }, { $set: { 'name.en': `Coverage ${i}` } });
    coverageAfterChange.push(await timed(() => coverage({})));
    coverageRepeated.push(await timed(() => coverage({})));
  }
  console.log(`organisation rename (incl. its services, until applied here): ${median(rename)} ms p50 of ${rename.length}`);
  console.log(`service edit (until applied here): ${median(edit)} ms p50 of ${edit.length}`);
  console.log(`coverage, first after a change: ${median(coverageAfterChange)} ms p50; repeated: ${median(coverageRepeated)} ms p50`);
  console.log(`RSS at the end ${rssMb()} MB; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await mongoose.disconnect();
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
