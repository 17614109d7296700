import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/platform/db/embedded-ferretdb.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The app on a database of its own that the test stops and starts again. */
describe('database outage', () => {
  let db: EmbeddedDatabase;
  let dir: string;
  let t: TestApp;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-outage-'));
    db = await startEmbeddedDatabase({ dataDir: dir });
    t = await startTestApp({}, { uri: db.uri });
  });
  after(async () => {
    await t.close();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 problems while the database is down and recovers by itself when it is back', async () => {
    await request(t.app).get('/readyz').expect(200);
    await request(t.app).get('/api/v1/governorates').expect(200);

    await db.stop();
    const ready = await request(t.app).get('/readyz').expect(503);
    assert.equal(ready.body.database, 'down');
    const down = await request(t.app).get('/api/v1/governorates').expect(503);
    assert.match(down.headers['content-type']!, /application\/problem\+json/);
    assert.equal(down.body.status, 503);
    assert.ok(down.headers['retry-after']);
    await request(t.app).get('/healthz').expect(200);

    await db.restart();
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await request(t.app).get('/readyz')).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(status, 200, 'readyz did not recover within 20 s');
    const res = await request(t.app).get('/api/v1/governorates').expect(200);
    assert.equal(res.body.items.length, 19, 'data written before the outage is still there');
  });
});
