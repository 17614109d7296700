import type { Types } from 'mongoose';
import { z } from 'zod';
import { matchesAllTerms } from '../../platform/text/normalize.js';
import { roundKm } from './distance.js';

export const SORTS = ['relevance', 'name', '-name', 'lastVerifiedAt', '-lastVerifiedAt', 'distance'] as const;
export type Sort = (typeof SORTS)[number];
export const SortParam = z.enum(SORTS);

/** The few fields that ordering needs. */
interface Candidate {
  _id: Types.ObjectId;
  search?: { nameTokens?: string[] | null; sortName?: string | null } | null;
  lastVerifiedAt?: Date | null;
}

export interface PageRequest {
  sort: Sort;
  page: number;
  perPage: number;
  /** Normalised query words: records whose names hold every word rank first. */
  terms: readonly string[];
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
const compareId = (a: Candidate, b: Candidate) => compareText(a._id.toHexString(), b._id.toHexString());
const sortNameOf = (c: Candidate) => c.search?.sortName ?? '';
const time = (d: Date | null | undefined) => (d ? new Date(d).getTime() : null);

/** Ascending dates with missing ones first, descending with them last — as the database does. */
function compareDates(a: Date | null | undefined, b: Date | null | undefined, direction: 1 | -1): number {
  const x = time(a);
  const y = time(b);
  if (x === y) return 0;
  if (x === null) return -direction;
  if (y === null) return direction;
  return (x - y) * direction;
}

/**
 * The first `n` items in order without sorting them all: a page near the start of 100 000 matches
 * needs one pass with a small heap (n log n) rather than a full sort (N log N).
 */
export function firstInOrder<T>(items: readonly T[], compare: (a: T, b: T) => number, n: number): T[] {
  if (n <= 0) return [];
  if (n * 8 >= items.length) return [...items].sort(compare).slice(0, n);
  // A max-heap of the n best so far: its root is the worst of them, replaced by anything better.
  const heap: T[] = [];
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
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
  for (const item of items) {
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

/**
 * One page of ids in a stable order (ties broken by id), from all the candidates of a search (the
 * read model's answer): a heap keeps the first pages, not a sort of them all. Only the page's ids
 * leave this function, and the page's full records are then read by id.
 */
export function rankedPage<C extends Candidate>(candidates: readonly C[], request: PageRequest): RankedPage {
  const { page, perPage, terms, distances: kmOf } = request;
  // Without query words every record ranks alike: relevance is plain name order.
  const sort = request.sort === 'relevance' && !terms.length ? 'name' : request.sort;
  const skip = (page - 1) * perPage;

  const distance = new Map<Candidate, number | null>();
  if (kmOf) candidates.forEach((c, i) => distance.set(c, kmOf[i] ?? null));
  // Computed once per candidate, not once per comparison.
  const nameRanks = new Map<Candidate, number>();
  if (terms.length) for (const c of candidates) nameRanks.set(c, matchesAllTerms(c.search?.nameTokens ?? [], terms) ? 0 : 1);
  const nameRank = (c: Candidate) => nameRanks.get(c) ?? 1;
  const byDistance = (a: Candidate, b: Candidate) => {
    const x = distance.get(a) ?? Infinity;
    const y = distance.get(b) ?? Infinity;
    return x === y ? 0 : x < y ? -1 : 1;
  };
  const comparators: Record<Sort, (a: Candidate, b: Candidate) => number> = {
    relevance: (a, b) => nameRank(a) - nameRank(b) || compareText(sortNameOf(a), sortNameOf(b)),
    distance: (a, b) => byDistance(a, b) || nameRank(a) - nameRank(b) || compareText(sortNameOf(a), sortNameOf(b)),
    name: (a, b) => compareText(sortNameOf(a), sortNameOf(b)),
    '-name': (a, b) => compareText(sortNameOf(b), sortNameOf(a)),
    lastVerifiedAt: (a, b) => compareDates(a.lastVerifiedAt, b.lastVerifiedAt, 1),
    '-lastVerifiedAt': (a, b) => compareDates(a.lastVerifiedAt, b.lastVerifiedAt, -1),
  };
  const compare = comparators[sort];
  const pageRows = firstInOrder(candidates, (a, b) => compare(a, b) || compareId(a, b), skip + perPage).slice(skip);
  const distances = new Map<string, number>();
  for (const c of pageRows) {
    const d = distance.get(c);
    if (d != null) distances.set(c._id.toHexString(), roundKm(d));
  }
  return { ids: pageRows.map((c) => c._id), total: candidates.length, distances };
}
