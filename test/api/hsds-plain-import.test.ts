import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { zipSync } from 'fflate';
import request from 'supertest';
import { fromRepoRoot } from '../../server/platform/paths.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { importObjectId, recordUuid } from '../../server/standards/hsds/ids.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The official HSDS 3.0 CSV examples (copies, see test/fixtures/hsds-3.0/ATTRIBUTION.md). */
const EXAMPLES = fromRepoRoot('test', 'fixtures', 'hsds-3.0', 'examples');
const exampleFiles = () => Object.fromEntries(readdirSync(EXAMPLES).map((f) => [f, new Uint8Array(readFileSync(path.join(EXAMPLES, f)))]));
const ORG = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';
const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';
/** The id the directory publishes for a record imported under a foreign UUID. */
const published = (uuid: string) => recordUuid(importObjectId(uuid));

type Report = {
  imported: boolean;
  errors: { table: string; row: number; column: string | null; message: string }[];
  adjustments: { table: string; row: number; column: string | null; action: string; message: string; text: Record<'en' | 'ar' | 'ckb', string> }[];
  warnings: { table: string; row: number; column: string | null; message: string }[];
  created: Record<string, number>;
};

describe('Import of plain HSDS 3.0: the official examples', () => {
  let t: TestApp;
  let admin: SignedIn;
  const send = async (files: Record<string, Uint8Array>, query = '') =>
    (await admin.agent.post(`/api/v1/admin/import${query}`).set('X-CSRF-Token', admin.csrf).type('application/zip').send(Buffer.from(zipSync(files))).expect(200))
      .body as Report;

  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
  });
  after(() => t.close());

  it('reports per row what it mapped, defaulted, left out or skipped, in English, Arabic and Sorani', async () => {
    const report = await send(exampleFiles(), '?dryRun=true');
    const actions = report.adjustments.map((a) => [a.table, a.row, a.column, a.action]);
    // In the order of the files in the package, then of their rows.
    assert.deepEqual(actions, [
      ['address', 2, 'address_type', 'skipped'],
      ['attribute', 2, 'link_entity', 'skipped'],
      ['location', 2, 'latitude', 'left-out'],
      ['organization', 2, 'organization_type', 'defaulted'],
      ['phone', 2, 'number', 'skipped'],
      ['service_area', 2, 'name', 'skipped'],
      ['taxonomy_term', 2, 'language', 'mapped'],
    ]);
    const type = report.adjustments.find((a) => a.column === 'organization_type')!;
    assert.equal(type.message, 'No organisation type: set to local-ngo; the organisation waits for verification by a platform admin.');
    assert.equal(type.text.en, type.message);
    assert.equal(type.text.ar, 'لا يوجد نوع للمنظمة: عُيّن local-ngo؛ تنتظر المنظمة التحقق من قبل مشرف المنصة.');
    assert.equal(type.text.ckb, 'جۆری ڕێکخراو نییە: local-ngo دانرا؛ ڕێکخراوەکە چاوەڕێی پشتڕاستکردنەوەی بەڕێوەبەری پلاتفۆرمە.');
    assert.equal(report.adjustments.at(-1)!.message, 'Language "eng" read as "en".');
    // Tables this directory does not hold are named, not refused.
    assert.ok(report.warnings.some((w) => w.table === 'package' && w.message.startsWith('funding.csv is not an HSDS table')));
    // What is wrong in the examples themselves (ids that point at nothing) stays an error, per row.
    assert.deepEqual(
      report.errors.map((e) => [e.table, e.row, e.column]),
      [
        ['taxonomy_term', 2, 'parent_id'],
        ['location', 2, 'organization_id'],
        ['service_at_location', 2, 'location_id'],
        ['contact', 2, 'organization_id'],
      ],
    );
    assert.equal(report.imported, false);
    assert.equal(await OrganizationModel.countDocuments(), 0, 'nothing written');
  });

  it('imports the valid rows with skipInvalid: the organisation and its service are then readable through the API', async () => {
    const report = await send(exampleFiles(), '?skipInvalid=true');
    assert.equal(report.imported, true);
    assert.deepEqual(report.created, { taxonomy_terms: 0, organizations: 1, locations: 0, services: 1, contacts: 0 });

    const org = (await request(t.app).get(`/hsds/organizations/${published(ORG)}`).expect(200)).body as Record<string, unknown>;
    assert.equal(org.name, 'Example Organization Inc.');
    assert.equal(org.organization_type, 'local-ngo');
    assert.equal(org.verification_status, 'pending', 'in the verification queue');
    assert.equal((await OrganizationModel.findById(importObjectId(ORG)).lean())!.verification?.status, 'pending');

    const service = (await request(t.app).get(`/hsds/services/${published(SERVICE)}`).expect(200)).body as {
      name: string;
      organization: { id: string };
      languages: { code: string }[];
      schedules: unknown[];
      service_areas: unknown[];
    };
    assert.equal(service.name, 'Community Counselling');
    assert.equal(service.organization.id, published(ORG));
    assert.deepEqual(service.languages.map((l) => l.code), ['ur']);
    assert.equal(service.schedules.length, 1);
    assert.deepEqual(service.service_areas, []);
    assert.equal((await ServiceModel.findById(importObjectId(SERVICE)).lean())!.verification?.status, 'pending');
  });

  it('imports a consistent plain HSDS file without skipping anything: no error, the language code mapped', async () => {
    const csv = (text: string) => new TextEncoder().encode(text);
    const report = await send({
      'organizations.csv': csv('id,name,description\r\n0e6a5f1c-9a4b-4f0e-8d2c-1b3a5c7d9e0f,Tigris Aid,Legal help\r\n'),
      'services.csv': csv('id,organization_id,name,status\r\n1f7b6a2d-0b5c-4a1f-9e3d-2c4b6d8e0a1b,0e6a5f1c-9a4b-4f0e-8d2c-1b3a5c7d9e0f,Legal clinic,active\r\n'),
      'languages.csv': csv('id,service_id,name,code\r\n2a8c7b3e-1c6d-4b2a-8f4e-3d5c7e9f1a2c,1f7b6a2d-0b5c-4a1f-9e3d-2c4b6d8e0a1b,Arabic,ara\r\n'),
    });
    assert.deepEqual(report.errors, []);
    assert.equal(report.imported, true);
    assert.deepEqual(report.adjustments.map((a) => [a.table, a.row, a.action, a.message]), [
      ['organization', 2, 'defaulted', 'No organisation type: set to local-ngo; the organisation waits for verification by a platform admin.'],
      ['language', 2, 'mapped', 'Language "ara" read as "ar".'],
    ]);
    const service = (await request(t.app).get(`/hsds/services/${published('1f7b6a2d-0b5c-4a1f-9e3d-2c4b6d8e0a1b')}`).expect(200)).body as { languages: { code: string }[] };
    assert.deepEqual(service.languages.map((l) => l.code), ['ar']);
  });
});
