/**
 * The catalog's indexes only pick candidates, so their one duty is never to drop a record the
 * filter matches. Checked against the plain full scan over random records and random filters.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Types, type Model } from 'mongoose';
import { CatalogIndexes } from '../../server/directory/catalog/catalog-index.js';
import { RecordCatalog } from '../../server/directory/catalog/catalog.js';
import { matchesFilter, type Filter } from '../../server/directory/catalog/filter-match.js';
import { firstInOrder } from '../../server/directory/search/ranked-page.js';

const GOVERNORATES = ['IQ-BA', 'IQ-NA', 'IQ-BG', 'IQ-DA'];
const WORDS = ['shelter', 'shell', 'legal', 'lawyer', 'ملجا', 'مأوى', 'health'];
const ORGS = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
const DATE = new Date('2026-01-01T00:00:00Z');

interface Row {
  _id: Types.ObjectId;
  status: string;
  archivedAt: Date | null | undefined;
  governorates: string[];
  organizationId: Types.ObjectId;
  acceptsReferrals: boolean;
  point: { lat: number | null };
  search: { words: string[] };
}

const row = fc.record({
  status: fc.constantFrom('active', 'inactive'),
  archivedAt: fc.constantFrom(null, undefined, DATE),
  governorates: fc.subarray(GOVERNORATES),
  organizationId: fc.constantFrom(...ORGS),
  acceptsReferrals: fc.boolean(),
  words: fc.subarray(WORDS),
  lat: fc.option(fc.integer({ min: 28, max: 38 }), { nil: null }),
});

const condition = fc.oneof(
  fc.constantFrom<[string, unknown]>(['status', 'active'], ['archivedAt', null], ['acceptsReferrals', true], ['archivedAt', DATE]),
  fc.subarray(GOVERNORATES).map((g): [string, unknown] => ['governorates', { $in: g }]),
  fc.constantFrom(...GOVERNORATES).map((g): [string, unknown] => ['governorates', g]),
  fc.constantFrom(...ORGS).map((o): [string, unknown] => ['organizationId', { $eq: o }]),
  fc.subarray(['sh', 'she', 'le', 'la', 'مل', 'م', 'x']).map((t): [string, unknown] => ['search.prefixes', { $all: t.length ? t : ['sh'] }]),
  fc.constantFrom<[string, unknown]>(['status', { $ne: 'inactive' }], ['governorates', { $nin: ['IQ-BA'] }]),
  fc
    .tuple(fc.integer({ min: 27, max: 39 }), fc.integer({ min: 0, max: 5 }), fc.boolean())
    .map(([low, width, strict]): [string, unknown] => ['point.lat', strict ? { $gt: low, $lt: low + width } : { $gte: low, $lte: low + width }]),
);

const filter = fc
  .tuple(fc.array(condition, { maxLength: 3 }), fc.array(condition, { maxLength: 2 }), fc.boolean())
  .map(([top, nested, withId]): Filter => {
    const f: Filter = Object.fromEntries(top);
    if (nested.length) f.$and = nested.map(([k, v]) => ({ [k]: v }));
    if (withId) f._id = { $in: [] };
    return f;
  });

/** A filter, or an `$or` of two of them (each branch indexed or not). */
const anyFilter = fc.oneof(filter, fc.tuple(filter, filter).map(([a, b]): Filter => ({ $or: [a, b] })));

const prefixMatcher = (doc: object, c: unknown) =>
  ((c as { $all: string[] }).$all).every((t) => (doc as Row).search.words.some((w) => w.startsWith(t)));

describe('catalog indexes', () => {
  it('never drop a record the filter matches', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), anyFilter, fc.nat(), (rows, f, removeAt) => {
        const indexes = new CatalogIndexes({
          fields: ['status', 'archivedAt', 'governorates', 'organizationId', 'acceptsReferrals'],
          words: { path: 'search.prefixes', of: (r) => (r as Row).search.words },
        });
        const records = new Map<string, Row>();
        for (const r of rows) {
          const record: Row = { _id: new Types.ObjectId(), ...r, point: { lat: r.lat }, search: { words: r.words } };
          records.set(record._id.toHexString(), record);
          indexes.add(record._id.toHexString(), record);
        }
        // Removal keeps the postings right too.
        const removed = [...records.keys()][removeAt % Math.max(records.size, 1)];
        if (removed) {
          indexes.remove(removed, records.get(removed)!);
          records.delete(removed);
        }
        const fields = { 'search.prefixes': prefixMatcher };
        const expected = [...records.values()].filter((r) => matchesFilter(r, f, fields)).map((r) => r._id.toHexString());
        const candidates = indexes.candidates(f);
        const pool = candidates ? new Set(candidates) : new Set(records.keys());
        for (const id of expected) assert.ok(pool.has(id), `candidate ${id} for ${JSON.stringify(f)}`);
      }),
      { numRuns: 500 },
    );
  });

  it("leave a catalog's finds equal to a full scan, built before writes or after them", async () => {
    const generated = fc.sample(fc.array(row, { minLength: 1, maxLength: 40 }), { numRuns: 60, seed: 38 });
    const filters = fc.sample(anyFilter, { numRuns: 60, seed: 39 });
    for (const [run, rows] of generated.entries()) {
      const docs = new Map<string, Row>();
      const add = (r: (typeof rows)[number]) => {
        const record: Row = { _id: new Types.ObjectId(), ...r, point: { lat: r.lat }, search: { words: r.words } };
        docs.set(record._id.toHexString(), record);
        return record._id.toHexString();
      };
      rows.forEach(add);
      const collection = { find: () => docs.values(), findOne: ({ _id }: { _id: Types.ObjectId }) => docs.get(_id.toHexString()) ?? null };
      const catalog = new RecordCatalog<Row>('rows', () => ({ collection }) as unknown as Model<unknown>, (d) => d as unknown as Row, {
        fieldMatchers: { 'search.prefixes': prefixMatcher },
        indexes: { fields: ['status', 'archivedAt', 'governorates', 'organizationId'], words: { path: 'search.prefixes', of: (r) => (r as Row).search.words } },
      });
      const check = (when: string) => {
        for (const f of filters.slice(0, 12)) {
          const expected = [...docs.values()].filter((r) => matchesFilter(r, f, { 'search.prefixes': prefixMatcher })).map((r) => r._id.toHexString());
          assert.deepEqual(catalog.find(f).map((r) => r._id.toHexString()).sort(), expected.sort(), `${when}: ${JSON.stringify(f)}`);
        }
      };
      await catalog.loadAll();
      // Half the runs search before the writes (the index then follows them), half only after.
      if (run % 2) check('loaded');
      const [first] = docs.keys();
      const changed = { ...docs.get(first!)!, status: 'inactive', governorates: ['IQ-DA'], search: { words: ['lawyer'] } };
      docs.set(first!, changed);
      const second = [...docs.keys()][1];
      if (second) docs.delete(second);
      const added = add(rows[0]!);
      await catalog.reload([first!, ...(second ? [second] : []), added]);
      check('after writes');
    }
  });

  it('narrow a search to the records that hold the query words', () => {
    const indexes = new CatalogIndexes({ words: { path: 'search.prefixes', of: (r) => (r as Row).search.words } });
    indexes.add('a', { search: { words: ['shelter', 'basrah'] } });
    indexes.add('b', { search: { words: ['legal'] } });
    indexes.add('c', { search: { words: ['shell', 'basrah'] } });
    assert.deepEqual([...indexes.candidates({ 'search.prefixes': { $all: ['she', 'bas'] } })!].sort(), ['a', 'c']);
    assert.deepEqual([...indexes.candidates({ 'search.prefixes': { $all: ['shelt'] } })!], ['a']);
    assert.equal(indexes.candidates({ status: 'active' }), undefined, 'no index on status: every record is a candidate');
  });
});

describe('first items in order', () => {
  it('equal a full sort cut to length', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.nat({ max: 60 }), (values, n) => {
        const compare = (a: number, b: number) => a - b;
        assert.deepEqual(firstInOrder(values, compare, n), [...values].sort(compare).slice(0, n));
      }),
    );
  });
});
