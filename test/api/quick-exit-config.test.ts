/** Quick exit's neutral page is configurable (QUICK_EXIT_URL), reaches the web app through /meta, and is only ever http(s). */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { DEFAULT_QUICK_EXIT_URL } from '../../server/contract/site/quick-exit.js';
import { loadConfig } from '../../server/platform/config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('quick exit page', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ QUICK_EXIT_URL: 'https://news.example.org/today' });
  });
  after(() => t.close());

  it('the configured page is what the web app is told to leave for', async () => {
    const meta = await request(t.app).get('/api/v1/meta').expect(200);
    assert.equal(meta.body.quickExitUrl, 'https://news.example.org/today');
  });

  it('defaults to the neutral weather search and refuses anything but an http(s) address', () => {
    const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ct-directory-exit-')), ...env });
    assert.equal(load({}).QUICK_EXIT_URL, DEFAULT_QUICK_EXIT_URL);
    assert.throws(() => load({ QUICK_EXIT_URL: 'javascript:alert(1)' }), /Invalid configuration: QUICK_EXIT_URL/);
    assert.throws(() => load({ QUICK_EXIT_URL: '/weather' }), /Invalid configuration: QUICK_EXIT_URL/);
  });
});
