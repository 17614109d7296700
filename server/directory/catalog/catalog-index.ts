import type { Filter } from './filter-match.js';

/**
 * Indexes that let the catalog look at a few records instead of all of them. They only choose
 * candidates: every candidate is still checked against the whole filter, so an index can narrow a
 * search but never change its answer.
 */

const NULL_KEY = '\u0000null';

/** The key of one stored or queried value: ids by hex, dates by time, null and missing alike. */
function keyOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return NULL_KEY;
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${value}`;
    case 'boolean':
      return `b${value}`;
    case 'object':
      if (value instanceof Date) return `d${value.getTime()}`;
      if (typeof (value as { toHexString?: unknown }).toHexString === 'function') return `s${(value as { toHexString(): string }).toHexString()}`;
      return undefined; // sub-documents are not indexed
    default:
      return undefined;
  }
}

/** Calls `visit` with each key under which a record's field is found: one per array element, or the value's own. */
function eachStoredKey(value: unknown, visit: (key: string) => void): void {
  if (Array.isArray(value)) {
    for (const element of value) {
      const key = keyOf(element);
      if (key !== undefined) visit(key);
    }
    return;
  }
  const key = keyOf(value);
  if (key !== undefined) visit(key);
}

function getPath(doc: unknown, path: readonly string[]): unknown {
  let current: unknown = doc;
  for (const key of path) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const isPlainCondition = (c: unknown) =>
  c === null || typeof c !== 'object' || c instanceof Date || typeof (c as { toHexString?: unknown }).toHexString === 'function';

/**
 * The keys a condition asks for when it is an equality or `$in` over plain values (and nothing
 * else); undefined for any other condition, which the index then leaves to the full check.
 */
function queriedKeys(condition: unknown): string[] | undefined {
  if (isPlainCondition(condition)) {
    const key = keyOf(condition);
    return key === undefined ? undefined : [key];
  }
  if (Array.isArray(condition)) return undefined;
  const entries = Object.entries(condition as Record<string, unknown>);
  if (entries.length !== 1) return undefined;
  const [op, arg] = entries[0]!;
  if (op === '$eq') return queriedKeys(arg);
  if (op !== '$in' || !Array.isArray(arg) || !arg.every(isPlainCondition)) return undefined;
  const keys = arg.map(keyOf);
  return keys.every((k) => k !== undefined) ? (keys as string[]) : undefined;
}

/** Record ids by field value, for equality and `$in` on the fields a catalog declares. */
class FieldIndex {
  private readonly postings = new Map<string, Set<string>>();
  /** The path split once: a load reads it for every record. */
  private readonly keys: readonly string[];

  constructor(path: string) {
    this.keys = path.split('.');
  }

  add(id: string, record: object): void {
    eachStoredKey(getPath(record, this.keys), (key) => {
      let ids = this.postings.get(key);
      if (!ids) this.postings.set(key, (ids = new Set()));
      ids.add(id);
    });
  }

  remove(id: string, record: object): void {
    eachStoredKey(getPath(record, this.keys), (key) => {
      const ids = this.postings.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.postings.delete(key);
    });
  }

  /** How many ids the keys hold at most (the union's size is no larger). */
  estimate(keys: readonly string[]): number {
    let n = 0;
    for (const key of keys) n += this.postings.get(key)?.size ?? 0;
    return n;
  }

  lookup(keys: readonly string[]): Set<string> {
    if (keys.length === 1) return this.postings.get(keys[0]!) ?? new Set();
    const out = new Set<string>();
    for (const key of keys) for (const id of this.postings.get(key) ?? []) out.add(id);
    return out;
  }
}

/** Record ids by word, with the words kept sorted so that every word starting with a prefix is one range. */
class WordIndex {
  private readonly postings = new Map<string, Set<string>>();
  private sorted: string[] | undefined;

  constructor(
    readonly path: string,
    private readonly wordsOf: (record: object) => readonly string[],
  ) {}

  add(id: string, record: object): void {
    for (const word of this.wordsOf(record)) {
      let ids = this.postings.get(word);
      if (!ids) {
        this.postings.set(word, (ids = new Set()));
        this.sorted = undefined;
      }
      ids.add(id);
    }
  }

  remove(id: string, record: object): void {
    for (const word of this.wordsOf(record)) {
      const ids = this.postings.get(word);
      ids?.delete(id);
      if (ids?.size === 0) {
        this.postings.delete(word);
        this.sorted = undefined;
      }
    }
  }

  /** Ids of records with a word that starts with `prefix`. */
  withPrefix(prefix: string): Set<string> {
    const words = (this.sorted ??= [...this.postings.keys()].sort());
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (words[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const out = new Set<string>();
    for (let i = low; i < words.length && words[i]!.startsWith(prefix); i++) {
      for (const id of this.postings.get(words[i]!)!) out.add(id);
    }
    return out;
  }

  /** Ids of records that have, for every prefix, a word starting with it. */
  withAllPrefixes(prefixes: readonly string[]): Set<string> {
    const sets = prefixes.map((p) => this.withPrefix(p)).sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets;
    if (!smallest) return new Set();
    const out = new Set<string>();
    for (const id of smallest) if (rest.every((s) => s.has(id))) out.add(id);
    return out;
  }
}

export interface CatalogIndexSpec {
  /** Fields answered from postings for equality and `$in` (plain values or arrays of them). */
  fields?: readonly string[];
  /** A field queried as `{ $all: prefixes }`, answered from each record's words. */
  words?: { path: string; of: (record: object) => readonly string[] };
}

/** The top-level conditions of a filter: its own fields, those of nested `$and`s, and its `$or`s (`$nor` narrows nothing for sure). */
function* conditionsOf(filter: Filter): Generator<[string, unknown]> {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and') for (const part of condition as Filter[]) yield* conditionsOf(part);
    else if (key === '$or' || !key.startsWith('$')) yield [key, condition];
  }
}

export class CatalogIndexes {
  private readonly fields: Map<string, FieldIndex>;
  private readonly words: WordIndex | undefined;

  constructor(spec: CatalogIndexSpec) {
    this.fields = new Map((spec.fields ?? []).map((path) => [path, new FieldIndex(path)]));
    this.words = spec.words && new WordIndex(spec.words.path, spec.words.of);
  }

  add(id: string, record: object): void {
    for (const index of this.fields.values()) index.add(id, record);
    this.words?.add(id, record);
  }

  remove(id: string, record: object): void {
    for (const index of this.fields.values()) index.remove(id, record);
    this.words?.remove(id, record);
  }

  /**
   * The ids of the records that can match the filter, from its most selective indexed condition
   * (`_id` first, then query words, then the field with the fewest postings; an `$or` counts when
   * each of its branches is indexed); undefined when no condition is indexed, meaning "all of them".
   */
  candidates(filter: Filter): Iterable<string> | undefined {
    let best: { size: number; ids: () => Iterable<string> } | undefined;
    const consider = (size: number, ids: () => Iterable<string>) => {
      if (!best || size < best.size) best = { size, ids };
    };
    for (const [path, condition] of conditionsOf(filter)) {
      if (path === '$or') {
        const branches = (condition as Filter[]).map((branch) => this.candidates(branch));
        if (branches.every((b) => b !== undefined)) {
          const union = new Set<string>();
          for (const branch of branches) for (const id of branch!) union.add(id);
          consider(union.size, () => union);
        }
      } else if (path === '_id') {
        const keys = queriedKeys(condition);
        if (keys) consider(keys.length, () => keys.filter((k) => k.startsWith('s')).map((k) => k.slice(1)));
      } else if (this.words && path === this.words.path) {
        const terms = (condition as { $all?: unknown }).$all;
        if (Array.isArray(terms) && terms.length) {
          const ids = this.words.withAllPrefixes(terms as string[]);
          consider(ids.size, () => ids);
        }
      } else {
        const index = this.fields.get(path);
        const keys = index && queriedKeys(condition);
        if (index && keys) consider(index.estimate(keys), () => index.lookup(keys));
      }
    }
    return best?.ids();
  }
}
