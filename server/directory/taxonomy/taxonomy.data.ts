import { allTexts, type Translated } from '../../platform/text/translated.js';
import { taxonomyFeed } from '../catalog/change-feed.js';
import { TaxonomyTermModel } from './taxonomy.model.js';

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

/** The last terms read, their lookups, and the taxonomy feed's version when they were read. */
let last: { content: string; taxonomy: Taxonomy; version: number } | undefined;

/**
 * The live terms. Reading them is a scan on the embedded database, so they are read again only when
 * the taxonomy feed moved (one lookup by _id); the version is read first, so terms written meanwhile
 * are either in this read or make the next call read again.
 */
export async function loadTaxonomy(): Promise<Taxonomy> {
  const version = await taxonomyFeed.latestVersion();
  if (last?.version === version) return last.taxonomy;
  const rows = await TaxonomyTermModel.find({ archivedAt: null }, { code: 1, parent: 1, name: 1, description: 1, synonyms: 1, order: 1 })
    .sort({ order: 1, code: 1 })
    .lean<(Omit<Term, 'parent' | 'synonyms'> & { parent?: string | null; synonyms?: Partial<TermSynonyms> })[]>();
  const content = JSON.stringify(rows);
  // The same terms give the same object, so what is derived from it (the search lexicon, kept per
  // object) is built once per change of the terms rather than once per request.
  if (last?.content === content) {
    last.version = version;
    return last.taxonomy;
  }
  // A group's parent may be stored as null or be absent altogether.
  const taxonomy = taxonomyOf(rows.map((t) => ({ ...t, parent: t.parent ?? null, synonyms: synonymsOf(t) })));
  last = { content, taxonomy, version };
  return taxonomy;
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
