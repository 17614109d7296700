import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import request from 'supertest';
import { seedDatabase } from '../../seed/seed.js';
import { fromRepoRoot } from '../../server/platform/paths.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The tabular export checked by a tool this project did not write: Frictionless (Python, from PyPI, in
 * the private virtualenv that `npm run frictionless:install` creates) validates the export of the sample
 * directory against the package's own datapackage.json and against the official HSDS 3.0 descriptor.
 */
const FRICTIONLESS = fromRepoRoot('.venv-frictionless', 'bin', 'frictionless');
const OFFICIAL = fromRepoRoot('server', 'standards', 'hsds', 'schema', 'hsds-3.0', 'datapackage.json');
const skip = existsSync(FRICTIONLESS) ? false : 'Frictionless is not installed: run `npm run frictionless:install` (creates .venv-frictionless)';

interface OfficialPackage {
  resources: {
    name: string;
    path: string;
    schema: { fields: { name: string }[]; foreignKeys?: { reference: { resource: string } }[] };
  }[];
}

interface Report {
  valid: boolean;
  /** Errors of the descriptor itself (then no table is read). */
  errors: { type: string; message: string }[];
  tasks: { name: string; errors: { type: string; message: string }[] }[];
}

/** Frictionless' errors for a descriptor, as "resource: type: message" lines. */
function validate(descriptor: string, options: string[] = []): string[] {
  const run = spawnSync(FRICTIONLESS, ['validate', '--json', ...options, descriptor], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.stdout, `frictionless printed no report: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as Report;
  const errors = [
    ...report.errors.map((e) => `package: ${e.type}: ${e.message}`),
    ...report.tasks.flatMap((task) => task.errors.map((e) => `${task.name}: ${e.type}: ${e.message}`)),
  ];
  assert.equal(report.valid, errors.length === 0, 'the report is valid exactly when it lists no error');
  return errors;
}

describe('HSDS tabular export validated by Frictionless', { skip }, () => {
  let t: TestApp;
  let dir: string;

  before(async () => {
    t = await startTestApp();
    await seedDatabase({ sample: true, log: () => {} });
    const res = await request(t.app).get('/hsds/export.zip').responseType('blob').expect(200);
    dir = mkdtempSync(path.join(tmpdir(), 'hsds-frictionless-'));
    for (const [name, data] of Object.entries(unzipSync(new Uint8Array(res.body as Buffer)))) writeFileSync(path.join(dir, name), data);
  });
  after(() => t.close());

  it('is valid against its own descriptor (datapackage.json): 0 errors', () => {
    assert.deepEqual(validate(path.join(dir, 'datapackage.json')), []);
  });

  it('is valid against the official HSDS 3.0 descriptor: 0 errors', () => {
    const official = JSON.parse(readFileSync(OFFICIAL, 'utf8')) as OfficialPackage;
    // The export has no file for a table the directory does not keep (programs, funding, …): those
    // resources, and foreign keys into them, are left out. Nothing else of the descriptor is changed.
    const exported = official.resources.filter((r) => existsSync(path.join(dir, r.path)));
    assert.deepEqual(
      official.resources.filter((r) => !exported.includes(r)).map((r) => r.name),
      ['program', 'funding', 'required_document', 'accessibility', 'metadata', 'meta_table_description', 'cost_option', 'organization_identifier'],
    );
    const names = new Set(exported.map((r) => r.name));
    for (const r of exported) {
      r.schema.foreignKeys = r.schema.foreignKeys?.filter((fk) => names.has(fk.reference.resource));
      // --schema-sync (below) lets the profile add columns; it would also let one go missing, so not that.
      const header = readFileSync(path.join(dir, r.path), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',');
      for (const f of r.schema.fields) assert.ok(header.includes(f.name), `${r.path} has HSDS 3.0's column ${f.name}`);
    }
    // Its resource paths are relative to the descriptor, so it goes beside the CSV files.
    const descriptor = path.join(dir, 'hsds-3.0-datapackage.json');
    writeFileSync(descriptor, JSON.stringify({ ...official, resources: exported }));
    assert.deepEqual(validate(descriptor, ['--schema-sync']), []);
  });
});
