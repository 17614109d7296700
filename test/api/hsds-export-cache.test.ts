import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { TaxonomyTermModel } from '../../server/directory/taxonomy/taxonomy.model.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const organizationNames = (zip: Buffer) =>
  (parse(strFromU8(unzipSync(new Uint8Array(zip))['organizations.csv']!), { bom: true, columns: true }) as { name: string }[]).map((r) => r.name);

describe('the HSDS export is built once per directory version and streamed from a file', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await OrganizationModel.create({ name: { en: 'First Export NGO' }, type: 'local-ngo' });
  });
  after(() => t.close());

  const exportZip = (headers: Record<string, string> = {}) => request(t.app).get('/hsds/export.zip?lang=en').set(headers).responseType('blob');

  it('parallel requests share one build: the same strong ETag and bytes, Content-Length, and 304 on If-None-Match', async () => {
    const [a, b] = await Promise.all([exportZip(), exportZip()]);
    for (const res of [a, b]) {
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'application/zip');
      assert.equal(Number(res.headers['content-length']), (res.body as Buffer).length);
    }
    assert.match(a.headers.etag!, /^"[^"]+"$/, 'a strong ETag');
    assert.equal(b.headers.etag, a.headers.etag);
    assert.ok((a.body as Buffer).equals(b.body as Buffer), 'both got the same file');
    assert.deepEqual(organizationNames(a.body as Buffer), ['First Export NGO']);

    // Built already: a later request streams the same file, and a cache revalidates it.
    const again = await exportZip();
    assert.equal(again.headers.etag, a.headers.etag);
    assert.ok((again.body as Buffer).equals(a.body as Buffer));
    const revalidated = await exportZip({ 'If-None-Match': a.headers.etag! });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.etag, a.headers.etag);
  });

  it('a write to the directory gives a new version: a new ETag and the new record, never the old file', async () => {
    const before = await exportZip().expect(200);
    await OrganizationModel.create({ name: { en: 'Second Export NGO' }, type: 'local-ngo' });
    const after = await exportZip({ 'If-None-Match': before.headers.etag! }).expect(200);
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.deepEqual(organizationNames(after.body as Buffer).sort(), ['First Export NGO', 'Second Export NGO']);
  });

  it('a renamed category gives a new version too (terms are not in the directory feed)', async () => {
    const before = await exportZip().expect(200);
    const term = await TaxonomyTermModel.findOne({ code: 'legal-aid' });
    term!.set('name.en', 'Legal aid and counselling');
    await term!.save();
    const after = await exportZip({ 'If-None-Match': before.headers.etag! }).expect(200);
    assert.notEqual(after.headers.etag, before.headers.etag);
    const taxonomy = strFromU8(unzipSync(new Uint8Array(after.body as Buffer))['taxonomy_terms.csv']!);
    assert.match(taxonomy, /Legal aid and counselling/);
  });

  it('each language is its own file with its own ETag', async () => {
    const [en, ar] = await Promise.all([exportZip(), request(t.app).get('/hsds/export.zip?lang=ar').responseType('blob')]);
    assert.equal(ar.status, 200);
    assert.equal(ar.headers['content-language'], 'ar');
    assert.notEqual(ar.headers.etag, en.headers.etag);
  });
});
