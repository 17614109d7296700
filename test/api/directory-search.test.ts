import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildDirectory, type Directory } from './directory-fixtures.js';

interface Item {
  id: string;
  name: { en?: string };
  distanceKm?: number;
  point: { lat: number; lng: number; precision: string } | null;
}

describe('directory search', () => {
  let t: TestApp;
  let d: Directory;
  const names = new Map<string, string>();

  before(async () => {
    t = await startTestApp();
    d = await buildDirectory(t.app);
    for (const [key, s] of Object.entries(d.services)) names.set(s.id, key);
  });
  after(() => t.close());

  /** The fixture keys (s1…s6) a service search returns, in order. */
  async function found(query: string): Promise<string[]> {
    const res = await request(t.app).get(`/api/v1/services?${query}`).expect(200);
    return (res.body.items as Item[]).map((i) => names.get(i.id) ?? i.id);
  }
  const sorted = (list: string[]) => [...list].sort();

  it('smoke', async () => {
    assert.deepEqual(sorted(await found('')), ['s1', 's2', 's3', 's4', 's5']);
  });
});
