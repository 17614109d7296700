/**
 * What working offline needs from the server: the service worker and the manifests served so a
 * browser installs and updates them (the worker revalidated on every check, never kept a year), and
 * API answers saying whether they were computed for an anonymous visitor, the only kind the service
 * worker keeps.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { ANONYMOUS_ANSWER_HEADER } from '../../server/contract/site/offline.js';
import { en } from '../../client/src/i18n/en.js';
import { ar } from '../../client/src/i18n/ar.js';
import { ckb } from '../../client/src/i18n/ckb.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { ensureClientBuilt } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildDirectory, type Directory } from './directory-fixtures.js';

describe('offline: service worker, manifests and anonymous answers', () => {
  let t: TestApp;
  let d: Directory;
  let member: SignedIn;

  before(async () => {
    await ensureClientBuilt();
    t = await startTestApp();
    d = await buildDirectory(t.app);
    member = await signedInAgent(t.app, { role: 'org-admin', organizationId: d.orgs.A.id });
  });
  after(() => t.close());

  it('the service worker is served at the root as JavaScript and revalidated on every update check', async () => {
    const res = await request(t.app).get('/sw.js').expect(200);
    assert.match(res.headers['content-type']!, /^(text|application)\/javascript/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    const precache = /const PRECACHE = (\{.*?\});/.exec(res.text);
    assert.ok(precache, 'the build wrote the app shell list into the worker');
    const { files } = JSON.parse(precache[1]!) as { files: string[] };
    assert.ok(files.includes('index.html'), 'the app shell is kept');
    assert.ok(files.some((f) => /^assets\/index-[\w-]+\.js$/.test(f)), 'the main script is kept');
    assert.ok(!files.some((f) => f.endsWith('.map')), 'source maps are not downloaded for offline use');
    for (const file of files.filter((f) => f.startsWith('assets/')).slice(0, 3)) {
      await request(t.app).get(`/${file}`).expect(200);
    }
  });

  it('each language has a manifest named with the app title, in its direction, with installable icons', async () => {
    for (const [lang, catalogue, dir] of [['en', en, 'ltr'], ['ar', ar, 'rtl'], ['ckb', ckb, 'rtl']] as const) {
      const res = await request(t.app).get(`/manifest.${lang}.webmanifest`).expect(200);
      assert.match(res.headers['content-type']!, /^application\/manifest\+json/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      const manifest = JSON.parse(res.text) as { name: string; lang: string; dir: string; start_url: string; display: string; icons: Array<{ src: string; sizes: string }> };
      assert.ok(manifest.name.startsWith(catalogue['app.title']), `${lang}: ${manifest.name}`);
      assert.equal(manifest.lang, lang);
      assert.equal(manifest.dir, dir);
      assert.equal(manifest.start_url, '/');
      assert.equal(manifest.display, 'standalone');
      for (const size of ['192x192', '512x512']) {
        const icon = manifest.icons.find((i) => i.sizes === size);
        assert.ok(icon, `${lang}: a ${size} icon`);
        const png = await request(t.app).get(icon.src).expect(200);
        assert.match(png.headers['content-type']!, /^image\/png/);
      }
    }
    const page = await request(t.app).get('/').set('Accept', 'text/html').expect(200);
    assert.match(page.text, /<link rel="manifest" href="\/manifest\.en\.webmanifest"/);
  });

  it('an anonymous answer says it is anonymous; what a signed-in user reads never does', async () => {
    const path = `/api/v1/services/${d.services.s3.id}`;
    const anonymous = await request(t.app).get(path).expect(200);
    assert.equal(anonymous.headers[ANONYMOUS_ANSWER_HEADER.toLowerCase()], '1');
    const own = await member.agent.get(path).expect(200);
    assert.equal(own.headers[ANONYMOUS_ANSWER_HEADER.toLowerCase()], undefined);
    const referrals = await member.agent.get('/api/v1/referrals').expect(200);
    assert.equal(referrals.headers[ANONYMOUS_ANSWER_HEADER.toLowerCase()], undefined);
  });
});
