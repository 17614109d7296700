import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { FilterQuery, Model } from 'mongoose';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { ContactModel } from '../../server/directory/contacts/contact.model.js';
import { LocationModel } from '../../server/directory/locations/location.model.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { TaxonomyTermModel } from '../../server/directory/taxonomy/taxonomy.model.js';
import { recordUuid } from '../../server/standards/hsds/ids.js';
import { importHsdsPackage } from '../../server/standards/hsds/import.js';
import { TABLES, table } from '../../server/standards/hsds/spec.js';
import { neutralise } from '../../server/standards/hsds/tabular.js';
import { anonymousAgent, signedInAgent } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildDirectory, post, type Created, type Directory } from './directory-fixtures.js';
import { addHsdsExtras } from './hsds-support.js';

type Doc = Record<string, unknown>;
type Files = Record<string, string>;

/** Records as stored, without what the database manages (timestamps, version) and the sample mark. */
async function snapshot<D>(model: Model<D>, filter: FilterQuery<D> = {}, drop: string[] = []): Promise<Map<string, Doc>> {
  const docs = await model.find(filter).lean<Doc[]>();
  const out = new Map<string, Doc>();
  for (const doc of docs) {
    const plain = JSON.parse(JSON.stringify(doc)) as Doc;
    for (const key of ['createdAt', 'updatedAt', 'version', 'sample', ...drop]) delete plain[key];
    // Seeded terms were written without these keys: absent and null mean the same.
    if ('code' in plain) Object.assign(plain, { archivedAt: plain.archivedAt ?? null, parent: plain.parent ?? null });
    // HSDS carries the date of the last check (assured_date), not the time.
    if (typeof plain.lastVerifiedAt === 'string') plain.lastVerifiedAt = plain.lastVerifiedAt.slice(0, 10);
    // Who verified, when, and what changed since is workflow state, which HSDS does not carry: only the status.
    if (plain.verification) plain.verification = { status: (plain.verification as Doc).status };
    out.set(String(doc.code ?? doc._id), plain);
  }
  return out;
}

const wipe = () =>
  Promise.all([OrganizationModel.deleteMany({}), LocationModel.deleteMany({}), ServiceModel.deleteMany({}), ContactModel.deleteMany({}), TaxonomyTermModel.deleteMany({})]);
const counts = () =>
  Promise.all([OrganizationModel.countDocuments(), LocationModel.countDocuments(), ServiceModel.countDocuments(), ContactModel.countDocuments(), TaxonomyTermModel.countDocuments()]);

const unpack = (zip: Uint8Array): Files => Object.fromEntries(Object.entries(unzipSync(zip)).map(([n, d]) => [n, strFromU8(d)]));
const pack = (files: Files) => zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
const rows = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe('HSDS tabular data package: export, import, round trip', () => {
  let t: TestApp;
  let dir: Directory;
  let formula: { org: Created; contact: Created; location: Created };

  const exportZip = async () => {
    const res = await request(t.app).get('/hsds/export.zip').responseType('blob').expect(200);
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.match(res.headers['content-disposition']!, /attachment; filename="hsds-export-\d{4}-\d{2}-\d{2}\.zip"/);
    return new Uint8Array(res.body as Buffer);
  };

  before(async () => {
    t = await startTestApp();
    dir = await buildDirectory(t.app);
    await addHsdsExtras(dir);
    const org = await post<Created>(dir.admin, '/organizations', {
      name: { en: '=HYPERLINK("http://evil.example","click")' },
      description: { en: '+SUM(1,2)' },
      type: 'community-based',
    });
    const location = await post<Created>(dir.admin, '/locations', {
      organizationId: org.id,
      name: { en: '-2+3' },
      address: { street: { en: '@cmd' }, city: { en: '-1+1' }, governorate: 'IQ-NI' },
    });
    const contact = await post<Created>(dir.admin, '/contacts', { organizationId: org.id, name: '@SUM(A1:A9)', phones: [{ number: '+964 750 111 2222' }] });
    formula = { org, contact, location };
  });
  after(() => t.close());

  it('exports a tabular data package: datapackage.json and one CSV per table, columns as the descriptor says', async () => {
    const files = unpack(await exportZip());
    const pkg = JSON.parse(files['datapackage.json']!) as { profile: string; resources: { name: string; path: string; schema: { fields: { name: string }[] } }[] };
    assert.equal(pkg.profile, 'tabular-data-package');
    assert.deepEqual(pkg.resources.map((r) => r.name), [...TABLES]);
    for (const resource of pkg.resources) {
      const csv = files[resource.path];
      assert.ok(csv !== undefined, `${resource.path} is in the package`);
      const header = (parse(csv, { bom: true, to_line: 1 }) as string[][])[0]!;
      assert.deepEqual(header, resource.schema.fields.map((f) => f.name), resource.path);
    }
    // Columns in the order of the HSDS 3.0 CSV examples, then the profile's.
    assert.deepEqual(table('service_at_location').fields.map((f) => f.name), ['id', 'service_id', 'location_id', 'description']);
    assert.deepEqual(table('organization').fields.slice(0, 4).map((f) => f.name), ['id', 'name', 'alternate_name', 'description']);
    assert.ok(files['README.txt']!.includes('not a backup'));
    const services = rows(files['services.csv']!);
    assert.equal(services.length, 6);
    const s2 = services.find((s) => s.id === recordUuid(dir.services.s2.id))!;
    assert.equal(s2.status, 'temporarily closed');
    assert.deepEqual(JSON.parse(s2.translations!).name, { en: 'Legal Aid Clinic', ar: 'عيادة المساعدة القانونية' });
    assert.ok(!files['locations.csv']!.includes('Jasmine'), 'no confidential place');
  });

  it('neutralises cells that a spreadsheet would run as a formula', async () => {
    const files = unpack(await exportZip());
    for (const name of TABLES) {
      const { path, fields } = table(name);
      const numeric = new Set(fields.filter((f) => f.type === 'number').map((f) => f.name));
      for (const row of rows(files[path]!)) {
        for (const [column, cell] of Object.entries(row)) {
          if (!numeric.has(column)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${path} ${column}: ${cell}`);
        }
      }
    }
    const org = rows(files['organizations.csv']!).find((o) => o.id === recordUuid(formula.org.id))!;
    assert.equal(org.name, `'=HYPERLINK("http://evil.example","click")`);
    assert.equal(org.description, "'+SUM(1,2)");
    const phone = rows(files['phones.csv']!).find((p) => p.contact_id === recordUuid(formula.contact.id))!;
    assert.equal(phone.number, "'+9647501112222");
    const address = rows(files['addresses.csv']!).find((a) => a.location_id === recordUuid(formula.location.id))!;
    assert.deepEqual([address.address_1, address.city], ["'@cmd", "'-1+1"]);
    assert.deepEqual(['\tx', '\rx', 'x=1', ''].map(neutralise), ["'\tx", "'\rx", 'x=1', '']);
  });

  it('round trip: export, then import into an empty directory, gives the same records field by field', async () => {
    const zip = await exportZip();
    const secretLocations = [dir.locations.safeHouse.id, dir.locations.flagged.id];
    const liveOrgs = (await OrganizationModel.find({ archivedAt: null }, { _id: 1 }).lean()).map((o) => o._id);
    const before = {
      organizations: await snapshot(OrganizationModel, { archivedAt: null }),
      locations: await snapshot(LocationModel, { archivedAt: null, _id: { $nin: secretLocations } }),
      // Confidential places are not published, so the services that use them come back without them.
      // HSDS has no verification status for services: an imported one waits for a platform admin.
      services: await snapshot(ServiceModel, { archivedAt: null, organizationId: { $in: liveOrgs } }, ['verification']),
      contacts: await snapshot(ContactModel, { archivedAt: null, organizationId: { $in: liveOrgs } }),
      // HSDS has no field for search synonyms: they stay with the installation, not the package.
      taxonomy: await snapshot(TaxonomyTermModel, {}, ['_id', 'synonyms']),
    };
    for (const id of [dir.services.s3.id, dir.services.s4.id]) {
      const s = before.services.get(id)!;
      assert.ok((s.locationIds as string[]).length === 1);
      s.locationIds = [];
    }
    // A confidential service's capacity is not published either; the public one's travels (service_capacity.csv).
    Object.assign(before.services.get(dir.services.s3.id)!, { capacity: [], capacityFreeAt: null });
    assert.equal((before.services.get(dir.services.s2.id)!.capacity as Doc[])[0]!.available, 4);
    const capacityRows = rows(unpack(zip)['service_capacity.csv']!);
    assert.deepEqual(capacityRows.map((r) => [r.service_id, r.available, r.maximum]), [[recordUuid(dir.services.s2.id), '4', '10']]);
    await wipe();

    const report = await importHsdsPackage(zip);
    assert.deepEqual(report.errors, []);
    assert.equal(report.imported, true);
    assert.deepEqual(report.created, { taxonomy_terms: before.taxonomy.size, organizations: before.organizations.size, locations: before.locations.size, services: before.services.size, contacts: before.contacts.size });

    const afterImport = {
      organizations: await snapshot(OrganizationModel),
      locations: await snapshot(LocationModel),
      services: await snapshot(ServiceModel, {}, ['verification']),
      contacts: await snapshot(ContactModel),
      taxonomy: await snapshot(TaxonomyTermModel, {}, ['_id', 'synonyms']),
    };
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      assert.deepEqual([...afterImport[key].keys()].sort(), [...before[key].keys()].sort(), `${key}: the same records`);
      for (const [id, doc] of before[key]) assert.deepEqual(afterImport[key].get(id), doc, `${key} ${id}`);
    }

    // The same file again changes nothing and creates nothing (upsert by HSDS id).
    const again = await importHsdsPackage(zip);
    assert.deepEqual(again.created, { taxonomy_terms: 0, organizations: 0, locations: 0, services: 0, contacts: 0 });
    assert.equal(again.updated.services, before.services.size);
    assert.equal(await ServiceModel.countDocuments(), before.services.size);
  });

  it('validates every row and imports nothing from a file with errors, unless told to skip invalid rows', async () => {
    const files = unpack(await exportZip());
    const services = rows(files['services.csv']!);
    const broken = { ...files };
    broken['services.csv'] = files['services.csv']!.replace(',temporarily closed,', ',paused,');
    broken['phones.csv'] = files['phones.csv']!.replace("'+9647800001111", 'call me');
    broken['organizations.csv'] = files['organizations.csv']!.replaceAll('Legal Aid Iraq', 'Legal Aid Iraq (renamed)');
    const countsBefore = await counts();

    const report = await importHsdsPackage(pack(broken));
    assert.equal(report.imported, false);
    const s2Row = services.findIndex((s) => s.status === 'temporarily closed') + 2;
    assert.deepEqual(
      // The broken service's other phones are refused with it (by service_id), as below for its service_at_location.
      report.errors.filter((e) => (e.table === 'service' || e.table === 'phone') && e.column !== 'service_id').map((e) => [e.table, e.row, e.column]),
      [['service', s2Row, 'status'], ['phone', report.errors.find((e) => e.table === 'phone')!.row, 'number']],
    );
    // Rows of the broken service go with it.
    assert.ok(report.errors.some((e) => e.table === 'service_at_location' && e.column === 'service_id'));
    assert.ok(report.errors.some((e) => e.table === 'phone' && e.column === 'service_id'));
    assert.deepEqual(await counts(), countsBefore);
    assert.equal((await OrganizationModel.findById(dir.orgs.B.id).lean())!.name.en, 'Legal Aid Iraq', 'nothing written');

    const dry = await importHsdsPackage(pack(broken), { skipInvalid: true, dryRun: true });
    assert.equal(dry.imported, true);
    assert.equal((await OrganizationModel.findById(dir.orgs.B.id).lean())!.name.en, 'Legal Aid Iraq', 'a dry run writes nothing');

    const skipped = await importHsdsPackage(pack(broken), { skipInvalid: true });
    assert.equal(skipped.imported, true);
    assert.equal(skipped.updated.services, 5);
    assert.equal((await OrganizationModel.findById(dir.orgs.B.id).lean())!.name.en, 'Legal Aid Iraq (renamed)');
  });

  it('reads a single CSV table, names unknown columns, and refuses references to nothing', async () => {
    const header = table('organization').fields.map((f) => f.name);
    const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    const csv = (cells: Record<string, string>) => `${header.join(',')}\r\n${header.map((h) => quote(cells[h] ?? '')).join(',')}\r\n`;
    const id = '5b0c8a4e-2f55-4c1a-9a8e-0d5e8a1f3b21';
    const ok = await importHsdsPackage(csv({ id, name: 'شبكة النور', description: '', organization_type: 'local-ngo', governorates: '["IQG04"]' }), { fileName: 'organizations.csv' });
    assert.deepEqual(ok.errors, []);
    assert.equal(ok.created.organizations, 1);
    const stored = (await OrganizationModel.findOne({ 'name.ar': 'شبكة النور' }).lean())!;
    assert.deepEqual(stored.governorates, ['IQ-NA'], 'a P-code becomes the ISO code');
    assert.deepEqual((await request(t.app).get(`/hsds/organizations/${id}`).expect(404)).status, 404, 'foreign ids map to internal ids');

    const unknown = await importHsdsPackage(`id,name,colour\r\n${id},X,red\r\n`, { table: 'organization' });
    assert.deepEqual(unknown.errors.map((e) => [e.row, e.column, e.message]), [
      [1, 'colour', 'not a column of this table'],
      [1, 'description', 'required column missing'],
    ]);
    // A plain value edited in a spreadsheet wins over the translation it replaced.
    const edited = await importHsdsPackage(csv({ id, name: 'Al-Noor Network', description: '', organization_type: 'local-ngo', translations: '{"name":{"ar":"شبكة النور"}}' }), { table: 'organization' });
    assert.deepEqual(edited.errors, []);
    assert.deepEqual((await OrganizationModel.findById(stored._id).lean())!.name, { ar: 'شبكة النور', en: 'Al-Noor Network' });
    const orphan = table('service').fields.map((f) => f.name);
    const service = `${orphan.join(',')}\r\n${orphan.map((h) => ({ id: '6c4d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', organization_id: '7d5e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a', name: 'Ghost', status: 'active' })[h] ?? '').join(',')}\r\n`;
    const refused = await importHsdsPackage(service, { fileName: 'services.csv' });
    assert.deepEqual(refused.errors.map((e) => [e.table, e.row, e.column]), [['service', 2, 'organization_id']]);
  });

  it('POST /api/v1/admin/import: platform admins only, raw zip or CSV, dry run, audited', async () => {
    const zip = Buffer.from(await exportZip());
    const anonymous = await anonymousAgent(t.app);
    await anonymous.agent.post('/api/v1/admin/import').set('X-CSRF-Token', anonymous.csrf).type('application/zip').send(zip).expect(401);
    const orgAdmin = await signedInAgent(t.app, { role: 'org-admin' });
    await orgAdmin.agent.post('/api/v1/admin/import').set('X-CSRF-Token', orgAdmin.csrf).type('application/zip').send(zip).expect(403);
    const admin = dir.admin;
    await admin.agent.post('/api/v1/admin/import').set('X-CSRF-Token', admin.csrf).type('application/json').send({ a: 1 }).expect(415);

    const audited = await AuditEntryModel.countDocuments({ entity: 'hsds-package' });
    const dry = await admin.agent.post('/api/v1/admin/import?dryRun=true').set('X-CSRF-Token', admin.csrf).type('application/zip').send(zip).expect(200);
    assert.equal(dry.body.dryRun, true);
    assert.equal(dry.body.imported, true);
    assert.equal(await AuditEntryModel.countDocuments({ entity: 'hsds-package' }), audited, 'a dry run is not audited');

    const res = await admin.agent.post('/api/v1/admin/import').set('X-CSRF-Token', admin.csrf).type('application/zip').send(zip).expect(200);
    assert.deepEqual(res.body.errors, []);
    assert.equal(res.body.created.services, 0);
    const audit = (await AuditEntryModel.findOne({ entity: 'hsds-package' }).sort({ at: -1 }).lean())!;
    assert.equal(audit.actorEmail, admin.user.email);
    assert.ok(audit.changes.some((c) => c.field === 'updated' && c.after!.includes('"services":6')));

    const csv = `id,name,description,organization_type\r\n${recordUuid(dir.orgs.C.id)},Kurdistan Protection Office,,government\r\n`;
    const one = await admin.agent.post('/api/v1/admin/import?table=organization').set('X-CSRF-Token', admin.csrf).type('text/csv').send(csv).expect(200);
    assert.equal(one.body.updated.organizations, 1);
    await admin.agent.post('/api/v1/admin/import').set('X-CSRF-Token', admin.csrf).type('application/zip').send(Buffer.from('PK\x03\x04garbage')).expect(400);

    const doc = await request(t.app).get('/api/v1/openapi.json').expect(200);
    assert.ok(doc.body.paths['/api/v1/admin/import'].post, 'in the OpenAPI document');
  });

  it('npm run import: prints the report, --dry-run writes nothing, a file with errors exits 1', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'hsds-cli-'));
    const zipFile = path.join(folder, 'directory.zip');
    writeFileSync(zipFile, await exportZip());
    const badCsv = path.join(folder, 'services.csv');
    writeFileSync(badCsv, 'id,organization_id,name,status\r\nnot-a-uuid,,Ghost,open\r\n');
    const uri = new URL(process.env.MONGODB_URI!);
    uri.pathname = `/${t.dbName}`;
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...args], {
        env: { ...process.env, MONGODB_URI: uri.toString(), DATA_DIR: folder, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
    const servicesBefore = await ServiceModel.countDocuments();
    const dry = cli(zipFile, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /service: 6 of 6 rows valid/);
    assert.match(dry.stdout, /Would create \/ update:[\s\S]*services: 0 \/ 6[\s\S]*Dry run: nothing was written/);
    const bad = cli(badCsv);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /service row 2 \[id\]: not a UUID/);
    assert.match(bad.stdout, /Nothing was imported/);
    assert.equal(cli('--dry-run').status, 2, 'usage');
    assert.equal(await ServiceModel.countDocuments(), servicesBefore);
  });
});
