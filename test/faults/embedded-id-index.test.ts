import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { MongoClient, ObjectId, type Collection } from 'mongodb';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/platform/db/embedded-ferretdb.js';

const N = 10_000;
const ROUNDS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median time of op over ROUNDS runs, after one untimed run. */
async function medianMs(op: () => Promise<unknown>): Promise<number> {
  await op();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await op();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Lookups and updates by _id in the embedded database cost the same for the last record as for the
 * first: FerretDB's SQLite query by _id must search an index, not scan the table (issue 31, point 0).
 * The collection is created after the database started, as the app's collections are on a new install.
 */
describe('embedded database: _id by index', () => {
  let server: EmbeddedDatabase;
  let dir: string;
  let client: MongoClient;
  let services: Collection<{ _id: ObjectId; i: number; text: string }>;
  let ids: ObjectId[];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-id-index-'));
    server = await startEmbeddedDatabase({ dataDir: dir });
    client = await new MongoClient(server.uri).connect();
    services = client.db('id_index').collection('services');
    ids = Array.from({ length: N }, () => new ObjectId());
    // ~8 KB each, so a scan costs what it costs on real service records (which are larger still).
    const text = 'x'.repeat(8_000);
    for (let i = 0; i < N; i += 1_000) {
      await services.insertMany(ids.slice(i, i + 1_000).map((_id, j) => ({ _id, i: i + j, text })));
    }
  });
  after(async () => {
    await client?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('findOne by _id of the last record takes about as long as of the first', async () => {
    const first = ids[0]!;
    const last = ids[N - 1]!;
    assert.equal((await services.findOne({ _id: last }))?.i, N - 1);
    const firstMs = await medianMs(() => services.findOne({ _id: first }));
    const lastMs = await medianMs(() => services.findOne({ _id: last }));
    // A scan makes the last record hundreds of ms slower; the slack absorbs a busy machine.
    assert.ok(lastMs <= 4 * firstMs + 25, `findOne: first ${firstMs.toFixed(1)} ms, last ${lastMs.toFixed(1)} ms`);
  });

  // On a scanning database even the first record's update reads the whole table (an update has no
  // LIMIT 1), so both are held to the cost of reading the first record.
  it('updateOne by _id of the first and the last record cost about as much as reading one', async () => {
    const first = ids[0]!;
    const last = ids[N - 1]!;
    let n = 0;
    const readMs = await medianMs(() => services.findOne({ _id: first }));
    const firstMs = await medianMs(() => services.updateOne({ _id: first }, { $set: { i: n++ } }));
    const lastMs = await medianMs(() => services.updateOne({ _id: last }, { $set: { i: n++ } }));
    assert.equal((await services.findOne({ _id: last }))?.i, n - 1);
    const figures = `read ${readMs.toFixed(1)} ms, update first ${firstMs.toFixed(1)} ms, last ${lastMs.toFixed(1)} ms`;
    assert.ok(Math.max(firstMs, lastMs) <= 4 * readMs + 25, figures);
  });
});
