import assert from 'node:assert/strict';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express, { type Request } from 'express';
import request from 'supertest';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { boundHeavyWork, sendHeavyBody, shortWorkFirst, ShortWork } from '../../server/platform/http/heavy-work.js';
import { seedDatabase } from '../../seed/seed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('heavy work in flight is bounded for the whole process', () => {
  let t: TestApp;
  let serviceId: string;
  before(async () => {
    t = await startTestApp({ HEAVY_CONCURRENT: '1', HEAVY_QUEUED: '1', SEARCH_CONCURRENT: '1', SEARCH_QUEUED: '1', DIRECTORY_CONCURRENT: '1', DIRECTORY_QUEUED: '1' });
    await seedDatabase({ sample: true, scale: 150, log: () => {} });
    const list = await request(t.app).get('/api/v1/services').expect(200);
    serviceId = (list.body as { items: { id: string }[] }).items[0]!.id;
  });
  after(() => t.close());

  const exportZip = (lang: string) => request(t.app).get(`/hsds/export.zip?lang=${lang}`).responseType('blob');

  it('beyond one export building and one waiting, an export gets 503 problem+json with Retry-After; a service page is answered meanwhile', async () => {
    // Three languages: three builds, so the first is still building when the others arrive.
    const refusedAtOnce: number[] = [];
    const exports = ['en', 'ar', 'ckb', 'en'].map((lang) =>
      exportZip(lang).then((res) => {
        if (res.status === 503) refusedAtOnce.push(res.status);
        return res;
      }),
    );
    // The page goes once the four have arrived (two are refused as they arrive): a page in flight
    // before them would rightly make the first export wait its turn too, on a slow machine.
    for (const deadline = Date.now() + 10_000; refusedAtOnce.length < 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 10));
    // Neither a record's page nor a search waits for exports.
    const [page, search] = await Promise.all([request(t.app).get(`/api/v1/services/${serviceId}`), request(t.app).get('/api/v1/services?q=shelter')]);
    const answers = await Promise.all(exports);
    assert.equal(page.status, 200);
    assert.equal((page.body as { id: string }).id, serviceId);
    assert.equal(search.status, 200);

    const refused = answers.filter((res) => res.status === 503);
    const served = answers.filter((res) => res.status === 200);
    assert.equal(served.length, 2, `statuses: ${answers.map((r) => r.status).join(', ')}`);
    assert.equal(refused.length, 2);
    for (const res of refused) {
      assert.match(res.headers['content-type']!, /^application\/problem\+json/);
      const body = JSON.parse((res.body as Buffer).toString('utf8')) as { status: number; type: string };
      assert.equal(body.status, 503);
      assert.equal(body.type, '/problems/busy');
      assert.ok(Number(res.headers['retry-after']) >= 1);
    }
    for (const res of served) assert.match(res.headers.etag!, /^"hsds-[^"]+"$/);

    // Once the burst is over, the export is answered again, from the file built for it.
    const first = served[0]!;
    const later = await exportZip(first.headers['content-language']!).expect(200);
    assert.equal(later.headers.etag, first.headers.etag);
    assert.ok((later.body as Buffer).equals(first.body as Buffer), 'the same archive, byte for byte');
  });

  it("an export's answer carries a few 'close' listeners, not five more for its file stream", async () => {
    // Node warns past ten on one response; the process (server/main.ts) and request logging add theirs.
    const closeListeners: number[] = [];
    const counted = express();
    counted.use((req, res, next) => {
      res.once('finish', () => closeListeners.push(res.listenerCount('close')));
      next();
    });
    counted.use(t.app);
    const answers = await Promise.all(['en', 'en'].map((lang) => request(counted).get(`/hsds/export.zip?lang=${lang}`).responseType('blob')));
    for (const res of answers) assert.equal(res.status, 200);
    // 'finish' comes once the server's last write is done, which can be after the client has the bytes.
    while (closeListeners.length < 2) await new Promise((r) => setTimeout(r, 5));
    for (const n of closeListeners) assert.ok(n <= 4, `${n} 'close' listeners on an export's response`);
  });

  it('searches have a bound of their own: beyond it 503 problem+json, while a service page is answered', async () => {
    const searches = Array.from({ length: 8 }, (_, i) => request(t.app).get(`/api/v1/services?q=${i % 2 ? 'legal' : 'shelter'}&page=${1 + (i % 3)}`));
    const page = request(t.app).get(`/api/v1/services/${serviceId}`);
    const answers = await Promise.all(searches);
    assert.equal((await page).status, 200);
    const refused = answers.filter((res) => res.status === 503);
    assert.ok(refused.length >= 1, `statuses: ${answers.map((r) => r.status).join(', ')}`);
    assert.equal(refused.length + answers.filter((res) => res.status === 200).length, answers.length);
    for (const res of refused) {
      assert.match(res.headers['content-type']!, /^application\/problem\+json/);
      assert.equal((res.body as { type: string }).type, '/problems/busy');
      assert.match((res.body as { detail: string }).detail, /searches/);
      assert.ok(Number(res.headers['retry-after']) >= 1);
    }
  });
  it('map, facet and coverage builds have a bound of their own: never more than one building, the excess 503 in the asker\'s language, a page answered', async () => {
    // Every turn of the whole-directory bound, as the bound itself reports it.
    const running: number[] = [];
    const watch = (message: unknown) => {
      const turn = message as { what: string; running: number };
      if (turn.what === 'map and summary requests') running.push(turn.running);
    };
    subscribe('ct:heavy-work', watch);
    try {
      // Distinct queries, so none is answered from another's cached build.
      const paths = [
        ...['en', 'ar', 'ckb'].flatMap((lang) => ['protection', 'health'].map((category) => `/api/v1/map/services?lang=${lang}&category=${category}`)),
        '/api/v1/services/facets?q=legal',
        '/api/v1/coverage?category=health',
        '/api/v1/map/services?lang=en&governorate=IQ-BG',
      ];
      const answers = paths.map((path) => request(t.app).get(path).set('Accept-Language', 'ar'));
      const page = request(t.app).get(`/api/v1/services/${serviceId}`);
      const settled = await Promise.all(answers);
      assert.equal((await page).status, 200);

      const refused = settled.filter((res) => res.status === 503);
      assert.ok(refused.length >= 1, `statuses: ${settled.map((r) => r.status).join(', ')}`);
      assert.equal(refused.length + settled.filter((res) => res.status === 200).length, settled.length);
      for (const res of refused) {
        assert.match(res.headers['content-type']!, /^application\/problem\+json/);
        const body = res.body as { status: number; type: string; detail: string };
        assert.equal(body.status, 503);
        assert.equal(body.type, '/problems/busy');
        assert.equal(body.detail, 'الخادم مشغول بطلبات أخرى. حاول مرة أخرى بعد ثوانٍ.');
        assert.ok(Number(res.headers['retry-after']) >= 1);
      }
      assert.ok(running.length > 0, 'the answers went through the whole-directory bound');
      assert.equal(Math.max(...running), 1, `turns in use: ${running.join(', ')}`);
    } finally {
      unsubscribe('ct:heavy-work', watch);
    }
  });
});

describe('a record page goes before heavy work that has not started', () => {
  /** A tiny app with the platform's bounds: /page holds until released, /search is heavy. */
  function gatedApp(maxDeferMs: number) {
    const isSearch = (req: Request) => req.path === '/search';
    const shortWork = new ShortWork((req) => !isSearch(req), maxDeferMs);
    const started: string[] = [];
    let releasePage!: () => void;
    const pageHeld = new Promise<void>((resolve) => (releasePage = resolve));
    const app = express();
    app.use(shortWork.track);
    app.use(boundHeavyWork({ what: 'searches', concurrent: 1, queued: 4, isHeavy: isSearch, yieldTo: shortWork }));
    app.get('/page', async (_req, res) => {
      started.push('page');
      await pageHeld;
      res.json({ ok: true });
    });
    app.get('/search', (_req, res) => {
      started.push('search');
      res.json({ ok: true });
    });
    return { app, started, releasePage };
  }

  it('a search waits while a page is in flight and starts once the page is answered', async () => {
    const { app, started, releasePage } = gatedApp(60_000);
    const page = request(app).get('/page').then((res) => res);
    while (!started.includes('page')) await new Promise((r) => setTimeout(r, 5));
    const search = request(app).get('/search').then((res) => res);
    await new Promise((r) => setTimeout(r, 150));
    assert.deepEqual(started, ['page'], 'the search has not started while the page is in flight');
    releasePage();
    assert.equal((await page).status, 200);
    assert.equal((await search).status, 200);
    assert.deepEqual(started, ['page', 'search']);
  });

  it('a search waits for pages at most maxDeferMs, so a stream of pages never starves it', async () => {
    const { app, started, releasePage } = gatedApp(50);
    const page = request(app).get('/page').then((res) => res);
    while (!started.includes('page')) await new Promise((r) => setTimeout(r, 5));
    const search = await request(app).get('/search');
    assert.equal(search.status, 200);
    assert.deepEqual(started, ['page', 'search'], 'the search ran while the page was still held');
    releasePage();
    assert.equal((await page).status, 200);
  });
});

describe('under a standing queue of searches, a record page still goes first', () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const until = async (ok: () => boolean) => {
    while (!ok()) await tick(5);
  };
  /** `held` resolves once `open` is called. */
  const gate = () => {
    let open!: () => void;
    const held = new Promise<void>((resolve) => (open = resolve));
    return { held, open };
  };

  it('a search that waited in the queue longer than maxDeferMs still does not start while a page is in flight', async () => {
    const isSearch = (req: Request) => req.path.startsWith('/search');
    const shortWork = new ShortWork((req) => !isSearch(req), 1_000);
    const events: string[] = [];
    const first = gate();
    const page = gate();
    const app = express();
    app.use(shortWork.track);
    app.use(boundHeavyWork({ what: 'searches', concurrent: 1, queued: 4, isHeavy: isSearch, yieldTo: shortWork }));
    app.get('/search/:n', async (req, res) => {
      events.push(`search ${req.params.n}`);
      if (req.params.n === '1') await first.held;
      res.json({ ok: true });
    });
    app.get('/page', async (_req, res) => {
      events.push('page');
      await page.held;
      events.push('page answered');
      res.json({ ok: true });
    });
    try {
      const one = request(app).get('/search/1').then((res) => res);
      await until(() => events.includes('search 1'));
      const two = request(app).get('/search/2').then((res) => res);
      // The second search has queued for longer than maxDeferMs when the page arrives.
      await tick(1_200);
      const answer = request(app).get('/page').then((res) => res);
      await until(() => events.includes('page'));
      first.open();
      assert.equal((await one).status, 200);
      await tick(200);
      assert.deepEqual(events, ['search 1', 'page'], 'the turn the first search left is not taken while the page is in flight');
      page.open();
      assert.equal((await answer).status, 200);
      assert.equal((await two).status, 200);
      assert.deepEqual(events, ['search 1', 'page', 'page answered', 'search 2']);
    } finally {
      first.open();
      page.open();
    }
  });

  it('a search that has its turn computes after a page that arrived during its database reads', async () => {
    const isSearch = (req: Request) => req.path === '/search';
    const shortWork = new ShortWork((req) => !isSearch(req), 60_000);
    const events: string[] = [];
    const reads = gate();
    const page = gate();
    const app = express();
    app.use(shortWork.track);
    app.use(boundHeavyWork({ what: 'searches', concurrent: 4, queued: 4, isHeavy: isSearch, yieldTo: shortWork }));
    app.get('/search', async (_req, res) => {
      events.push('search started');
      await reads.held;
      await shortWorkFirst();
      events.push('search computed');
      res.json({ ok: true });
    });
    app.get('/page', async (_req, res) => {
      events.push('page');
      await page.held;
      events.push('page answered');
      res.json({ ok: true });
    });
    try {
      const searches = Array.from({ length: 3 }, () => request(app).get('/search').then((res) => res));
      await until(() => events.filter((e) => e === 'search started').length === 3);
      const answer = request(app).get('/page').then((res) => res);
      await until(() => events.includes('page'));
      reads.open();
      await tick(200);
      assert.ok(!events.includes('search computed'), `no search computes while the page is in flight: ${events.join(', ')}`);
      page.open();
      assert.equal((await answer).status, 200);
      for (const res of await Promise.all(searches)) assert.equal(res.status, 200);
      assert.ok(events.indexOf('page answered') < events.indexOf('search computed'), events.join(', '));
      // Outside heavy work it does not wait at all.
      const before = Date.now();
      await shortWorkFirst();
      assert.ok(Date.now() - before < 50);
    } finally {
      reads.open();
      page.open();
    }
  });
});

describe("a heavy answer's body holds its turn and lets record pages go between its chunks", () => {
  const CHUNK = 16 * 1024;
  const CHUNKS = 10;

  it('while a page is in flight the body pauses; the next export starts only once the body is sent', async () => {
    const isHeavy = (req: Request) => req.path === '/file';
    const shortWork = new ShortWork((req) => !isHeavy(req), 60_000);
    const events: string[] = [];
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let releasePage!: () => void;
    const pageHeld = new Promise<void>((resolve) => (releasePage = resolve));
    const app = express();
    app.use(shortWork.track);
    app.use(boundHeavyWork({ what: 'exports and downloads', concurrent: 1, queued: 4, isHeavy, yieldTo: shortWork }));
    app.get('/page', async (_req, res) => {
      events.push('page');
      await pageHeld;
      res.json({ ok: true });
    });
    app.get('/file', async (_req, res) => {
      events.push('file');
      res.type('application/octet-stream').setHeader('Content-Length', String(CHUNK * CHUNKS));
      await sendHeavyBody(
        res,
        (async function* () {
          for (let i = 0; i < CHUNKS; i++) {
            yield Buffer.alloc(CHUNK, i);
            if (i === 0) await gate;
          }
        })(),
      );
      events.push('file sent');
    });
    const server = app.listen(0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    /** A download, with the bytes received so far. */
    const download = () => {
      const progress = { bytes: 0, done: undefined as unknown as Promise<Buffer> };
      progress.done = new Promise<Buffer>((resolve, reject) => {
        get(`${base}/file`, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => {
            chunks.push(c);
            progress.bytes += c.length;
          });
          res.on('end', () => resolve(Buffer.concat(chunks)));
          res.on('error', reject);
        }).on('error', reject);
      });
      return progress;
    };
    const until = async (ok: () => boolean) => {
      while (!ok()) await new Promise((r) => setTimeout(r, 5));
    };
    try {
      const first = download();
      await until(() => first.bytes === CHUNK);
      const page = fetch(`${base}/page`);
      await until(() => events.includes('page'));
      const second = download();
      openGate();
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(first.bytes, CHUNK, 'no further chunk was sent while the page was in flight');
      assert.deepEqual(events, ['file', 'page'], 'the second export waits for the first one’s turn');

      releasePage();
      assert.equal((await page).status, 200);
      const body = await first.done;
      assert.equal(body.length, CHUNK * CHUNKS);
      for (let i = 0; i < CHUNKS; i++) assert.equal(body[i * CHUNK], i, `chunk ${i} in order`);
      assert.equal((await second.done).length, CHUNK * CHUNKS);
      assert.deepEqual(events, ['file', 'page', 'file sent', 'file', 'file sent']);
    } finally {
      openGate();
      releasePage();
      server.close();
    }
  });
});
