/**
 * What a browser receives over real HTTP: the built assets compressed as the build wrote them
 * (Brotli or gzip by Accept-Encoding, identity otherwise), cached for a year when content-hashed, the
 * app shell revalidated, and large API answers compressed with their ETags and 304s intact.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { seedDatabase } from '../../seed/seed.js';
import { fromRepoRoot } from '../../server/platform/paths.js';
import { ensureClientBuilt } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body exactly as sent, not decompressed. */
  body: Buffer;
}

/** A GET as a browser sends it, returning the bytes on the wire (fetch and supertest would decode them). */
function rawGet(base: string, urlPath: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    httpRequest(new URL(urlPath, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const assetsDir = fromRepoRoot('client', 'dist', 'assets');

/** The largest built script: the one whose compression matters most. */
function largestScript(): string {
  return readdirSync(assetsDir)
    .filter((f) => f.endsWith('.js'))
    .sort((a, b) => statSync(path.join(assetsDir, b)).size - statSync(path.join(assetsDir, a)).size)[0]!;
}

describe('what the browser receives: compression and caching', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  let script: string;
  let scriptBytes: Buffer;

  before(async () => {
    await ensureClientBuilt();
    t = await startTestApp();
    await seedDatabase({ sample: true, log: () => {} });
    server = t.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    script = largestScript();
    scriptBytes = readFileSync(path.join(assetsDir, script));
  });
  after(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await t?.close();
  });

  const getScript = (acceptEncoding: string) => rawGet(base, `/assets/${script}`, { 'Accept-Encoding': acceptEncoding });

  function assertScriptHeaders(res: RawResponse): void {
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type']!, /^text\/javascript/);
    assert.match(res.headers.vary ?? '', /Accept-Encoding/i);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  }

  it('a hashed script asked with Brotli comes as Brotli that decodes to the built file, immutable', async () => {
    const res = await getScript('gzip, deflate, br');
    assertScriptHeaders(res);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.ok(res.body.length < scriptBytes.length / 3, `${res.body.length} bytes for ${scriptBytes.length}`);
    assert.deepEqual(brotliDecompressSync(res.body), scriptBytes);
  });

  it('a client without Brotli gets gzip, and one that asks for neither the file as it is', async () => {
    const gzip = await getScript('gzip');
    assertScriptHeaders(gzip);
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gzip.body), scriptBytes);

    const identity = await getScript('identity');
    assertScriptHeaders(identity);
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.deepEqual(identity.body, scriptBytes);
  });

  it('a compressed asset revalidates with its own ETag: If-None-Match gets 304', async () => {
    const first = await getScript('br');
    const etag = first.headers.etag!;
    assert.ok(etag);
    assert.notEqual(etag, (await getScript('gzip')).headers.etag, 'each encoding has its own validator');
    const again = await rawGet(base, `/assets/${script}`, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  it('the app shell, at / and at a client route, is revalidated on every visit', async () => {
    for (const urlPath of ['/', '/services/some-service']) {
      const res = await rawGet(base, urlPath, { Accept: 'text/html', 'Accept-Encoding': 'gzip, br' });
      assert.equal(res.status, 200, urlPath);
      assert.match(res.headers['content-type']!, /^text\/html/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      const html = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.body) : res.body;
      assert.match(html.toString(), /<script type="module"/);
    }
  });

  it('a page of services comes compressed with Vary, and its ETag still answers 304', async () => {
    const urlPath = '/api/v1/services?perPage=25';
    const identity = await rawGet(base, urlPath, { 'Accept-Encoding': 'identity' });
    assert.equal(identity.status, 200);
    assert.ok(identity.body.length > 10_000, `a page of 25 services is ${identity.body.length} bytes`);

    const br = await rawGet(base, urlPath, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(br.headers.vary ?? '', /Accept-Encoding/i);
    assert.ok(br.body.length < identity.body.length / 3, `${br.body.length} bytes compressed for ${identity.body.length}`);
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.body).toString()), JSON.parse(identity.body.toString()));

    const gzip = await rawGet(base, urlPath, { 'Accept-Encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(gzip.body).toString()), JSON.parse(identity.body.toString()));

    const etag = br.headers.etag!;
    assert.ok(etag);
    const again = await rawGet(base, urlPath, { 'Accept-Encoding': 'gzip, deflate, br', 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  it('the map, gzipped once by the app itself, is sent as it is, not compressed twice', async () => {
    const res = await rawGet(base, '/api/v1/map/services', { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
    const map = JSON.parse(gunzipSync(res.body).toString()) as { id: string[]; lat: number[] };
    assert.ok(map.id.length > 0);
    assert.equal(map.lat.length, map.id.length);
  });
});
