import type { Query } from '../../api/client.js';
import type { FacetName } from '../../../../server/contract/directory/search/facets.schemas.js';

export const FACETS: readonly FacetName[] = ['governorate', 'district', 'category', 'population', 'language', 'organizationType'];

/** Everything the directory shows, as held in its URL: search words, filters, list or map, page. */
export interface DirectoryQuery {
  q: string;
  /** Search the words as typed: no spelling correction (after "Search instead for …"). */
  asTyped: boolean;
  filters: Record<FacetName, string[]>;
  acceptsReferrals: boolean;
  /** Only services with a unit (bed, place, session) free now, in a figure that is not stale. */
  hasCapacity: boolean;
  view: 'list' | 'map';
  page: number;
}

function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function filtersOf(values: (facet: FacetName) => string[]): Record<FacetName, string[]> {
  return {
    governorate: values('governorate'),
    district: values('district'),
    category: values('category'),
    population: values('population'),
    language: values('language'),
    organizationType: values('organizationType'),
  };
}

export const NO_FILTERS: Readonly<Record<FacetName, string[]>> = filtersOf(() => []);

export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: params.get('q')?.trim() ?? '',
    asTyped: params.get('asTyped') === 'true',
    filters: filtersOf((facet) => list(params, facet)),
    acceptsReferrals: params.get('acceptsReferrals') === 'true',
    hasCapacity: params.get('hasCapacity') === 'true',
    view: params.get('view') === 'map' ? 'map' : 'list',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The directory URL for a query; defaults are left out so URLs stay short and canonical. */
export function directoryUrl(query: DirectoryQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.q && query.asTyped) params.set('asTyped', 'true');
  for (const facet of FACETS) if (query.filters[facet].length) params.set(facet, query.filters[facet].join(','));
  if (query.acceptsReferrals) params.set('acceptsReferrals', 'true');
  if (query.hasCapacity) params.set('hasCapacity', 'true');
  if (query.view === 'map') params.set('view', 'map');
  if (query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/?${search}` : '/';
}

/** The API filters of a query (what the list, the facets and the map all share). */
export function apiFilters(query: DirectoryQuery): Query {
  return { q: query.q, ...(query.asTyped ? { asTyped: true } : {}), ...query.filters, acceptsReferrals: query.acceptsReferrals, hasCapacity: query.hasCapacity };
}

export function hasFilters(query: DirectoryQuery): boolean {
  return query.acceptsReferrals || query.hasCapacity || FACETS.some((facet) => query.filters[facet].length > 0);
}
