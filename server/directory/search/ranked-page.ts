import type { Types } from 'mongoose';
import { z } from 'zod';
import { termMatch } from '../../platform/text/normalize.js';
import type { Taxonomy } from '../taxonomy/taxonomy.data.js';
import { roundKm } from './distance.js';
import type { Understood } from '../../contract/directory/search/understood.schemas.js';

export const SORTS = ['relevance', 'name', '-name', 'lastVerifiedAt', '-lastVerifiedAt', 'distance'] as const;
export type Sort = (typeof SORTS)[number];
export const SortParam = z.enum(SORTS);

/** The few fields that ordering needs. */
interface Candidate {
  _id: Types.ObjectId;
  /** `words` sorted (as the catalog keeps them): a query word is looked up by binary search. */
  search?: { nameTokens?: string[] | null; words?: string[] | null; sortName?: string | null } | null;
  lastVerifiedAt?: Date | null;
  categories?: string[] | null;
  governorates?: string[] | null;
  populations?: string[] | null;
}

/** A filter read from the query's words (understand-query.ts), as ranking weighs it. */
export interface UnderstoodFilter {
  field: 'categories' | 'governorates' | 'populations';
  code: string;
  /** The codes that satisfy it: a category with its children. */
  codes: readonly string[];
}

const RECORD_FIELD = { category: 'categories', governorate: 'governorates', population: 'populations' } as const;

/** A district is not weighed: every service it admits has a location there. */
export const understoodFilters = (understood: readonly Understood[], taxonomy: Pick<Taxonomy, 'withChildren'>): UnderstoodFilter[] =>
  understood.flatMap((u) =>
    u.field === 'district' ? [] : [{ field: RECORD_FIELD[u.field], code: u.code, codes: u.field === 'category' ? taxonomy.withChildren([u.code]) : [u.code] }],
  );

export interface PageRequest {
  sort: Sort;
  page: number;
  perPage: number;
  /** Normalised query words, understood ones too: matches in the name rank first, exact words above prefixes. */
  terms: readonly string[];
  /** The filters understood from the query: records for which they are the main thing rank first. */
  understood?: readonly UnderstoodFilter[];
  /** Km from the search's centre to each candidate's public point (null: none), aligned with the candidates. */
  distances?: readonly (number | null)[];
}

export interface RankedPage {
  ids: Types.ObjectId[];
  total: number;
  /** Km from `near`, by id, for the ids of the page. */
  distances: Map<string, number>;
}

/** Byte order, as the database sorts strings when no collation is set, so both paths order alike. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortNameOf = (c: Candidate) => c.search?.sortName ?? '';
const compareNumbers = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1);

/**
 * The first `n` items in order without sorting them all: a page near the start of 100 000 matches
 * needs one pass with a small heap (n log n) rather than a full sort (N log N).
 */
export function firstInOrder<T>(items: ArrayLike<T>, compare: (a: T, b: T) => number, n: number): T[] {
  if (n <= 0) return [];
  if (n * 8 >= items.length) return Array.from(items).sort(compare).slice(0, n);
  // A max-heap of the n best so far: its root is the worst of them, replaced by anything better.
  const heap: T[] = [];
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i]!, heap[parent]!) <= 0) return;
      swap(i, parent);
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && compare(heap[left]!, heap[largest]!) > 0) largest = left;
      if (right < heap.length && compare(heap[right]!, heap[largest]!) > 0) largest = right;
      if (largest === i) return;
      swap(i, largest);
      i = largest;
    }
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (heap.length < n) {
      heap.push(item);
      up(heap.length - 1);
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(compare);
}

/** 2 when `term` is one of the sorted `words`, 1 when it starts one, 0 otherwise. */
function sortedMatch(words: readonly string[], term: string): 0 | 1 | 2 {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (words[mid]! < term) low = mid + 1;
    else high = mid;
  }
  const next = words[low];
  return next === term ? 2 : next?.startsWith(term) ? 1 : 0;
}

/** Per query word: exact in the name 4, a prefix in the name 3, exact elsewhere (description, organisation, category) 2, a prefix there 1. */
function textScore(c: Candidate, terms: readonly string[]): number {
  const names = c.search?.nameTokens ?? [];
  const words = c.search?.words ?? [];
  let score = 0;
  for (const term of terms) {
    const inName = termMatch(names, term);
    score += inName ? 2 + inName : sortedMatch(words, term);
  }
  return score;
}

/**
 * How much the understood filters are the record's own: for a category, 2 when it (or a child) is the
 * record's first category — a legal-aid clinic before a case-management service that also lists legal
 * aid — and 1 when the record lists that very category (`need`); places and populations count 1 when
 * first (`other`). One number per candidate, `need` weighing above any text score and `other` below.
 */
function relevance(c: Candidate, terms: readonly string[], understood: readonly UnderstoodFilter[]): number {
  let need = 0;
  let other = 0;
  for (const u of understood) {
    const held = c[u.field] ?? [];
    const first = held[0];
    if (u.field === 'categories') need += first !== undefined && u.codes.includes(first) ? 2 : held.includes(u.code) ? 1 : 0;
    else if (first !== undefined && u.codes.includes(first)) other += 1;
  }
  // other ≤ understood.length and text ≤ 4 per term: the weights keep the three apart, exactly (small integers).
  const otherSpan = understood.length + 1;
  return (need * (4 * terms.length + 1) + textScore(c, terms)) * otherSpan + other;
}

const timeOf = (d: Date | null | undefined) => (d ? (d instanceof Date ? d : new Date(d)).getTime() : null);

/**
 * One page of ids in a stable order (ties broken by id), from all the candidates of a search (the
 * read model's answer): a heap keeps the first pages, not a sort of them all. Only the page's ids
 * leave this function, and the page's full records are then read by id. Every sort key is computed
 * once per candidate into a typed column; comparisons read numbers, then names, and build an id's
 * hex (once, kept) only for candidates tied on everything else.
 */
export function rankedPage<C extends Candidate>(candidates: readonly C[], request: PageRequest): RankedPage {
  const { page, perPage, terms, distances: kmOf, understood = [] } = request;
  // Without query words every record ranks alike: relevance is plain name order.
  const sort = request.sort === 'relevance' && !terms.length ? 'name' : request.sort;
  const skip = (page - 1) * perPage;
  const n = candidates.length;

  // Up to two numeric keys, ascending, then the name (in `byName` direction, 0: not compared), then the id.
  let first: Float64Array | undefined;
  let second: Float64Array | undefined;
  let byName: -1 | 0 | 1 = 0;
  const scores = () => {
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = -relevance(candidates[i]!, terms, understood);
    return column;
  };
  if (sort === 'relevance' || sort === 'distance') {
    byName = 1;
    first = scores();
    if (sort === 'distance') {
      second = first;
      first = new Float64Array(n);
      for (let i = 0; i < n; i++) first[i] = kmOf?.[i] ?? Infinity;
    }
  } else if (sort === 'name' || sort === '-name') {
    byName = sort === 'name' ? 1 : -1;
  } else {
    // Ascending dates with missing ones first, descending with them last — as the database does.
    const direction = sort === 'lastVerifiedAt' ? 1 : -1;
    first = new Float64Array(n);
    for (let i = 0; i < n; i++) first[i] = (timeOf(candidates[i]!.lastVerifiedAt) ?? -Infinity) * direction;
  }
  const hex: (string | undefined)[] = [];
  const idOf = (i: number) => (hex[i] ??= candidates[i]!._id.toHexString());
  const compare = (a: number, b: number) =>
    (first ? compareNumbers(first[a]!, first[b]!) : 0) ||
    (second ? compareNumbers(second[a]!, second[b]!) : 0) ||
    (byName ? byName * compareText(sortNameOf(candidates[a]!), sortNameOf(candidates[b]!)) : 0) ||
    compareText(idOf(a), idOf(b));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const pageRows = firstInOrder(order, compare, skip + perPage).slice(skip);
  const distances = new Map<string, number>();
  for (const i of pageRows) {
    const km = kmOf?.[i];
    if (km != null) distances.set(idOf(i), roundKm(km));
  }
  return { ids: pageRows.map((i) => candidates[i]!._id), total: n, distances };
}
