import { createHash } from 'node:crypto';
import { allTexts, type Translated } from '../../platform/text/translated.js';
import { taxonomyFeed } from '../catalog/change-feed.js';
import { TaxonomyTermModel, type TaxonomyTermDoc } from './taxonomy.model.js';
import type { StoredRecord } from '../records/record.js';

export interface TermSynonyms {
  en: string[];
  ar: string[];
  ckb: string[];
}

export interface Term {
  code: string;
  parent: string | null;
  name: Translated;
  description: Translated;
  synonyms: TermSynonyms;
  order: number;
}

/** A term's synonyms, as complete lists (terms stored before synonyms existed have none). */
export const synonymsOf = (t: { synonyms?: Partial<TermSynonyms> | null }): TermSynonyms => ({
  en: t.synonyms?.en ?? [],
  ar: t.synonyms?.ar ?? [],
  ckb: t.synonyms?.ckb ?? [],
});

/** The live (not archived) terms, with the lookups that filters and search fields need. */
export interface Taxonomy {
  terms: Term[];
  get(code: string): Term | undefined;
  /** The codes themselves plus, for groups, their categories: "a parent includes its children". */
  withChildren(codes: readonly string[]): string[];
  /** Every name of the categories and of their groups, so "protection" finds child-protection services. */
  searchTexts(codes: readonly string[]): string[];
}

type StoredTerm = StoredRecord<TaxonomyTermDoc>;

/** The last terms read (every one, as stored), their live lookups, and the taxonomy feed's version when they were read. */
let last: { content: string; taxonomy: Taxonomy; stored: Map<string, StoredTerm>; version: number } | undefined;

/**
 * Every term as stored, archived ones too. Reading them is a scan on the embedded database, so they
 * are read again only when the taxonomy feed moved (one lookup by _id); the version is read first, so
 * terms written meanwhile are either in this read or make the next call read again.
 */
async function currentTerms(): Promise<NonNullable<typeof last>> {
  const version = await taxonomyFeed.latestVersion();
  if (last?.version === version) return last;
  const rows = await TaxonomyTermModel.find().sort({ order: 1, code: 1 }).lean<StoredTerm[]>();
  const stored = new Map(rows.map((t) => [t.code, t]));
  // A group's parent may be stored as null or be absent altogether.
  const terms = rows
    .filter((t) => !t.archivedAt)
    .map((t): Term => ({ code: t.code, parent: t.parent ?? null, name: t.name as Translated, description: t.description as Translated, synonyms: synonymsOf(t), order: t.order }));
  const content = JSON.stringify(terms);
  // The same live terms give the same object, so what is derived from it (the search lexicon, kept per
  // object) is built once per change of the terms rather than once per request.
  const taxonomy = last?.content === content ? last.taxonomy : taxonomyOf(terms);
  last = { content, taxonomy, stored, version };
  return last;
}

/** The live (not archived) terms and their lookups. */
export async function loadTaxonomy(): Promise<Taxonomy> {
  return (await currentTerms()).taxonomy;
}

/** A term by code, as stored (archived or not), current for this read; null when there is none. */
export async function heldTerm(code: string): Promise<StoredTerm | null> {
  return (await currentTerms()).stored.get(code) ?? null;
}

/** Every term as stored, archived ones too, in display order. */
export async function storedTerms(): Promise<StoredTerm[]> {
  return [...(await currentTerms()).stored.values()];
}

/** Digests by taxonomy object: the same terms give the same object, so each content is hashed once, not per request. */
const digests = new WeakMap<Taxonomy, string>();

/**
 * A short digest of the live terms, names and synonyms included: cached answers that read a query
 * through the taxonomy (facets, the map, the HSDS export) put it in their key, so a new synonym is
 * understood at once rather than when the cache expires.
 */
export function taxonomyKey(taxonomy: Taxonomy): string {
  let digest = digests.get(taxonomy);
  if (!digest) {
    digest = createHash('sha256').update(JSON.stringify(taxonomy.terms)).digest('hex').slice(0, 12);
    digests.set(taxonomy, digest);
  }
  return digest;
}

/** The lookups over a list of terms (in their display order). */
export function taxonomyOf(terms: Term[]): Taxonomy {
  const byCode = new Map(terms.map((t) => [t.code, t]));
  return {
    terms,
    get: (code) => byCode.get(code),
    withChildren: (codes) => [...new Set(codes.flatMap((c) => [c, ...terms.filter((t) => t.parent === c).map((t) => t.code)]))],
    searchTexts: (codes) => {
      const out: string[] = [];
      for (const code of codes) {
        const term = byCode.get(code);
        if (!term) continue;
        out.push(...allTexts(term.name));
        if (term.parent) out.push(...allTexts(byCode.get(term.parent)?.name));
      }
      return out;
    },
  };
}
