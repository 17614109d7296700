/**
 * rankedPage keeps only the first pages (a heap over typed sort keys): checked against the plain
 * definition — every candidate compared field by field, all of them sorted, the page cut out — on
 * generated candidates with many ties (names, scores, dates, distances), each sort, several pages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Types } from 'mongoose';
import { termMatch } from '../../server/platform/text/normalize.js';
import { roundKm } from '../../server/directory/search/distance.js';
import { rankedPage, SORTS, type PageRequest, type UnderstoodFilter } from '../../server/directory/search/ranked-page.js';

const WORDS = ['legal', 'legalaid', 'aid', 'shelter', 'shell', 'الملجا', 'ملجا', 'women'];
const TERMS = ['legal', 'aid', 'shel', 'ملجا', 'wo', 'x'];
const CODES = { categories: ['legal', 'legal.aid', 'shelter'], governorates: ['IQ-BA', 'IQ-NA'], populations: ['women', 'children'] };
const DATES = [new Date('2026-01-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z')];
const UNDERSTOOD: UnderstoodFilter[] = [
  { field: 'categories', code: 'legal', codes: ['legal', 'legal.aid'] },
  { field: 'governorates', code: 'IQ-BA', codes: ['IQ-BA'] },
  { field: 'populations', code: 'women', codes: ['women'] },
];

const some = (xs: string[]) => fc.array(fc.constantFrom(...xs), { maxLength: 3 });
const candidate = fc.record({
  _id: fc.constant(null).map(() => new Types.ObjectId()),
  search: fc.record({
    nameTokens: some(WORDS),
    words: some(WORDS).map((w) => [...new Set(w)].sort()),
    sortName: fc.constantFrom('alpha', 'beta', 'Beta', ''),
  }),
  lastVerifiedAt: fc.option(fc.constantFrom(...DATES), { nil: null }),
  categories: some(CODES.categories),
  governorates: some(CODES.governorates),
  populations: some(CODES.populations),
  km: fc.option(fc.constantFrom(0, 1.24, 1.26, 7), { nil: null }),
});
type Row = typeof candidate extends fc.Arbitrary<infer R> ? R : never;

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The ranking as defined: scores computed inside the comparison, a full sort, the page sliced. */
function reference(rows: readonly Row[], request: PageRequest) {
  const { terms, understood = [], page, perPage } = request;
  const sort = request.sort === 'relevance' && !terms.length ? 'name' : request.sort;
  const textScore = (r: Row) =>
    terms.reduce((sum, term) => {
      const inName = termMatch(r.search.nameTokens, term);
      const elsewhere = r.search.words.includes(term) ? 2 : r.search.words.some((w) => w.startsWith(term)) ? 1 : 0;
      return sum + (inName ? 2 + inName : elsewhere);
    }, 0);
  const need = (r: Row) =>
    understood.reduce((n, u) => (u.field !== 'categories' ? n : n + (u.codes.includes(r.categories[0]!) ? 2 : r.categories.includes(u.code) ? 1 : 0)), 0);
  const other = (r: Row) => understood.filter((u) => u.field !== 'categories' && u.codes.includes(r[u.field][0]!)).length;
  const relevance = (a: Row, b: Row) => need(b) - need(a) || textScore(b) - textScore(a) || other(b) - other(a) || text(a.search.sortName, b.search.sortName);
  const km = (r: Row) => (request.distances ? (r.km ?? Infinity) : Infinity);
  const date = (r: Row) => r.lastVerifiedAt?.getTime() ?? null;
  const byDate = (a: Row, b: Row, direction: number) =>
    date(a) === date(b) ? 0 : date(a) === null ? -direction : date(b) === null ? direction : (date(a)! - date(b)!) * direction;
  const compare = {
    relevance,
    distance: (a: Row, b: Row) => (km(a) === km(b) ? 0 : km(a) < km(b) ? -1 : 1) || relevance(a, b),
    name: (a: Row, b: Row) => text(a.search.sortName, b.search.sortName),
    '-name': (a: Row, b: Row) => text(b.search.sortName, a.search.sortName),
    lastVerifiedAt: (a: Row, b: Row) => byDate(a, b, 1),
    '-lastVerifiedAt': (a: Row, b: Row) => byDate(a, b, -1),
  }[sort];
  const rowsOfPage = [...rows]
    .sort((a, b) => compare(a, b) || text(a._id.toHexString(), b._id.toHexString()))
    .slice((page - 1) * perPage, page * perPage);
  return {
    ids: rowsOfPage.map((r) => r._id),
    total: rows.length,
    distances: new Map(rowsOfPage.filter((r) => r.km !== null && request.distances).map((r) => [r._id.toHexString(), roundKm(r.km!)])),
  };
}

describe('ranked pages', () => {
  it('equal a full sort of every candidate, page by page, for each sort', () => {
    fc.assert(
      fc.property(
        // Long enough that the first pages come from the heap, short ones from the plain sort.
        fc.oneof(fc.array(candidate, { maxLength: 30 }), fc.array(candidate, { minLength: 100, maxLength: 300 })),
        fc.constantFrom(...SORTS),
        fc.uniqueArray(fc.constantFrom(...TERMS), { maxLength: 3 }),
        fc.subarray(UNDERSTOOD),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        (rows, sort, terms, understood, page, perPage, measured) => {
          const request: PageRequest = { sort, page, perPage, terms, understood, ...(measured ? { distances: rows.map((r) => r.km) } : {}) };
          assert.deepEqual(rankedPage(rows, request), reference(rows, request));
        },
      ),
      { numRuns: 400 },
    );
  });
});
