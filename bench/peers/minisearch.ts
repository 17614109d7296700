/**
 * MiniSearch, the usual in-process JavaScript search index, over the same services: the floor for
 * an in-memory engine in Node. It indexes the app's normalised words (every query word a prefix, all
 * words required) and answers the text and filtered searches; the other endpoints have no equivalent.
 */
import MiniSearch from 'minisearch';
import { PAGE_SIZE, type DirectoryRecords, type Peer, type SearchQuery } from './peer.js';

interface IndexedService {
  id: string;
  words: string;
  governorates: string[];
  categories: string[];
  populations: string[];
  active: boolean;
}

const anyOf = (wanted: string[], have: string[]) => !wanted.length || wanted.some((v) => have.includes(v));

export function startMiniSearchPeer(records: DirectoryRecords, log: (line: string) => void): Peer {
  const started = performance.now();
  const index = new MiniSearch<IndexedService>({
    fields: ['words'],
    storeFields: ['governorates', 'categories', 'populations', 'active'],
    // The words are already normalised by the app: split on the spaces that join them, keep them as they are.
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    searchOptions: { prefix: true, combineWith: 'AND' },
  });
  index.addAll(
    records.services.map((s) => ({
      id: String(s._id),
      words: (s.search?.words ?? []).join(' '),
      governorates: s.governorates ?? [],
      categories: s.categories ?? [],
      populations: s.populations ?? [],
      active: s.status === 'active' && s.archivedAt == null,
    })),
  );
  log(`MiniSearch indexed ${index.documentCount} services in ${Math.round(performance.now() - started)} ms`);

  const search = (q: SearchQuery) => {
    const results = index.search(q.terms.length ? q.terms.join(' ') : MiniSearch.wildcard, {
      filter: (r) => r.active && anyOf(q.governorates, r.governorates) && anyOf(q.categories, r.categories) && anyOf(q.populations, r.populations),
    });
    return { total: results.length, page: results.slice(((q.page ?? 1) - 1) * PAGE_SIZE, (q.page ?? 1) * PAGE_SIZE) };
  };
  return {
    name: 'MiniSearch',
    prepare: (query) => (query.kind === 'search' && !query.near ? async () => search(query) : undefined),
    close: async () => {},
  };
}
