/**
 * The catalog snapshot's upkeep costs in proportion to the change: a burst of changes appends the
 * changed and removed records to a checksummed journal beside the base, replayed at the next read;
 * a torn entry is ignored (the change feed supplies the rest), and a journal grown past its share of
 * the base is folded into a new base.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { Types } from 'mongoose';
import { CatalogSnapshots, type SnapshotSource } from '../../server/directory/catalog/catalog-snapshot.js';

interface Row {
  _id: Types.ObjectId;
  name: string;
}

/** A catalog's records, as the snapshot takes them. */
class Records implements SnapshotSource {
  readonly rows = new Map<string, Row>();
  current = 0;
  version(): number {
    return this.current;
  }
  sections() {
    return [{ collection: 'services', records: [...this.rows.values()] }];
  }
  record(collection: string, id: string) {
    return collection === 'services' ? this.rows.get(id) : undefined;
  }
  add(name: string): string {
    const row = { _id: new Types.ObjectId(), name };
    this.rows.set(row._id.toHexString(), row);
    return row._id.toHexString();
  }
}

/** A logger that lets a test wait for a message. */
function recorder() {
  const entries: { msg: string; obj: Record<string, unknown> }[] = [];
  const log = {
    info: (obj: object, msg: string) => void entries.push({ msg, obj: obj as Record<string, unknown> }),
    warn: (obj: object, msg: string) => void entries.push({ msg, obj: obj as Record<string, unknown> }),
  };
  const next = async (msg: string, from: number) => {
    // setImmediate: setTimeout is mocked, so that the settle time passes at once.
    for (let i = 0; i < 10_000; i++) {
      const found = entries.slice(from).find((e) => e.msg === msg);
      if (found) return found.obj;
      await new Promise((r) => setImmediate(r));
    }
    throw new Error(`no "${msg}" logged; got ${entries.map((e) => e.msg).join(', ')}`);
  };
  return { entries, log, next };
}

/** What a start reads back: the names in order, the version and the journal entries replayed. */
async function readBack(file: string) {
  const { log, entries } = recorder();
  const snapshots = new CatalogSnapshots(file, async (v) => v * 1000, log);
  const content = await snapshots.read();
  snapshots.restored(content.version);
  const rows = content.sections.find((s) => s.collection === 'services')!.records as Row[];
  return {
    version: content.version,
    stamp: content.stamp,
    rows: rows.map((r) => `${r._id.toHexString()} ${r.name}`),
    journalEntries: entries.find((e) => e.msg === 'catalog snapshot read')?.obj.journalEntries,
  };
}
const expected = (records: Records) => [...records.rows.values()].map((r) => `${r._id.toHexString()} ${r.name}`);

describe('catalog snapshot journal', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ct-snapshot-journal-'));
    file = path.join(dir, 'catalog-snapshot.bin');
    mock.timers.enable({ apis: ['setTimeout'] });
  });
  afterEach(() => {
    mock.timers.reset();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A snapshot keeper over 50 records, its first (whole) base written at version 1. */
  async function started(compactAt?: number) {
    const records = new Records();
    for (let i = 0; i < 50; i++) records.add(`service ${i} ${'x'.repeat(200)}`);
    const logged = recorder();
    const snapshots = new CatalogSnapshots(file, async (v) => v * 1000, logged.log, compactAt);
    /** The records change to `version`: the keeper is told what changed, and the settle time passes. */
    const change = async (ids: string[], msg: string) => {
      const from = logged.entries.length;
      records.current++;
      snapshots.touched('services', ids);
      snapshots.changed(records.current, records);
      mock.timers.tick(5 * 60_000);
      return logged.next(msg, from);
    };
    records.current = 1;
    snapshots.touchedAll();
    snapshots.changed(1, records);
    mock.timers.tick(5 * 60_000);
    await logged.next('catalog snapshot written', 0);
    return { records, snapshots, change, logged };
  }

  it('appends only the changed and removed records, and a read replays them in order', async () => {
    const { records, change } = await started();
    const baseBytes = statSync(file).size;
    const [first, second] = [...records.rows.keys()];
    records.rows.get(first!)!.name = 'renamed';
    records.rows.delete(second!);
    const added = records.add('new service');
    const appended = await change([first!, second!, added], 'catalog snapshot journal appended');
    assert.equal(appended.records, 2);
    assert.equal(appended.removed, 1);
    assert.ok((appended.bytes as number) < baseBytes / 10, `an entry of ${String(appended.bytes)} bytes for 3 records (base ${baseBytes})`);
    assert.equal(statSync(file).size, baseBytes, 'the base is not rewritten');
    assert.equal(statSync(`${file}.journal`).mode & 0o777, 0o600, 'only the server may read the journal');

    records.rows.get(first!)!.name = 'renamed again';
    await change([first!], 'catalog snapshot journal appended');
    assert.deepEqual(await readBack(file), { version: 3, stamp: 3000, rows: expected(records), journalEntries: 2 });
  });

  it('ignores a torn or damaged entry, and the next append replaces it', async () => {
    const { records, change } = await started();
    const [first, second] = [...records.rows.keys()];
    records.rows.get(first!)!.name = 'renamed';
    await change([first!], 'catalog snapshot journal appended');
    const afterFirst = expected(records);
    const goodLength = statSync(`${file}.journal`).size;
    records.rows.get(second!)!.name = 'renamed too';
    await change([second!], 'catalog snapshot journal appended');

    // A crash in the middle of the second append: the start sees the first entry's version and catches up from there.
    truncateSync(`${file}.journal`, statSync(`${file}.journal`).size - 5);
    assert.deepEqual(await readBack(file), { version: 2, stamp: 2000, rows: afterFirst, journalEntries: 1 });
    // A flipped byte in the second entry: the same.
    await change([second!], 'catalog snapshot journal appended');
    const bytes = readFileSync(`${file}.journal`);
    bytes[goodLength + 60] = bytes[goodLength + 60]! ^ 0xff;
    writeFileSync(`${file}.journal`, bytes);
    assert.deepEqual(await readBack(file), { version: 2, stamp: 2000, rows: afterFirst, journalEntries: 1 });

    // A keeper that started from the damaged journal appends where the good part ends.
    const logged = recorder();
    const keeper = new CatalogSnapshots(file, async (v) => v * 1000, logged.log);
    const content = await keeper.read();
    keeper.restored(content.version);
    records.current = 10;
    keeper.touched('services', [second!]);
    keeper.changed(10, records);
    mock.timers.tick(5 * 60_000);
    await logged.next('catalog snapshot journal appended', 0);
    assert.deepEqual(await readBack(file), { version: 10, stamp: 10_000, rows: expected(records), journalEntries: 2 });
  });

  it('folds a journal grown past its share of the base into a new base, and drops the old entries', async () => {
    const { records, change } = await started(0.02);
    const ids = [...records.rows.keys()];
    records.rows.get(ids[0]!)!.name = 'renamed';
    await change([ids[0]!], 'catalog snapshot journal appended');
    // Far more than 2% of the base: a new base instead.
    for (const id of ids.slice(1, 10)) records.rows.get(id)!.name = `renamed ${id}`;
    const written = await change(ids.slice(1, 10), 'catalog snapshot written');
    assert.equal(written.version, 3);
    assert.equal(statSync(`${file}.journal`).size, 40, 'an empty journal for the new base');
    assert.deepEqual(await readBack(file), { version: 3, stamp: 3000, rows: expected(records), journalEntries: 0 });
  });

  it('a journal left beside another base is not replayed', async () => {
    const { records, change } = await started();
    const first = [...records.rows.keys()][0]!;
    records.rows.get(first)!.name = 'renamed';
    await change([first], 'catalog snapshot journal appended');
    const journal = readFileSync(`${file}.journal`);
    // A new base (a full load), then the old journal put back, as if the process died before replacing it.
    const again = await started();
    writeFileSync(`${file}.journal`, journal, { mode: 0o600 });
    assert.deepEqual(await readBack(file), { version: 1, stamp: 1000, rows: expected(again.records), journalEntries: 0 });
  });
});
