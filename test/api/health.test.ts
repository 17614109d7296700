import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('health, readiness and API errors', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('GET /healthz answers 200 while the process runs', async () => {
    const res = await request(t.app).get('/healthz').expect(200);
    assert.deepEqual(res.body, { status: 'ok' });
  });

  it('GET /readyz answers 200 when the database answers a ping', async () => {
    const res = await request(t.app).get('/readyz').expect(200);
    assert.equal(res.body.status, 'ok');
  });

  it('unknown API routes get a 404 problem document', async () => {
    const res = await request(t.app).get('/api/v1/no-such-thing').expect(404);
    assert.match(res.headers['content-type']!, /application\/problem\+json/);
    assert.equal(res.body.status, 404);
    assert.equal(res.body.title, 'Not Found');
    assert.equal(typeof res.body.type, 'string');
    assert.equal(typeof res.body.detail, 'string');
  });

  it('malformed JSON gets a 400 problem without a stack trace', async () => {
    const res = await request(t.app)
      .post('/api/v1/governorates')
      .set('Content-Type', 'application/json')
      .send('{"broken":')
      .expect(400);
    assert.match(res.headers['content-type']!, /application\/problem\+json/);
    assert.doesNotMatch(JSON.stringify(res.body), /at .*\.(ts|js):\d+/);
  });

  it('operator keys in input are rejected before any handler', async () => {
    const res = await request(t.app).get('/api/v1/governorates?name[$ne]=x').expect(400);
    assert.equal(res.body.status, 400);
  });
});
