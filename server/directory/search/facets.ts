import { z } from 'zod';
import type { ServiceRecord } from '../services/service.data.js';
import { findServices } from '../catalog/queries.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.data.js';
import { withinRadius } from './near.js';
import { ServiceFilterParams, serviceSearch } from './service-query.js';

export const FacetsQuery = z
  .strictObject(ServiceFilterParams)
  .refine((q) => q.radiusKm === undefined || q.near, { message: 'radiusKm needs near=lat,lng', path: ['radiusKm'] });
export type FacetsQuery = z.infer<typeof FacetsQuery>;

const Counts = z.record(z.string(), z.number().int());
export const Facets = z.object({
  total: z.number().int(),
  governorate: Counts,
  category: Counts,
  population: Counts,
  language: Counts,
  organizationType: Counts,
});
export type Facets = z.infer<typeof Facets>;

type FacetRow = Pick<ServiceRecord, 'governorates' | 'categories' | 'populations' | 'languages' | 'organizationType' | 'confidential' | 'point'>;

/** Most frequent first, then by code: a stable order for chips. */
const ordered = (counts: Map<string, number>) =>
  Object.fromEntries([...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));

/**
 * How many services the same search finds per governorate, category, population, language and
 * organisation type (a service in two governorates counts in both). One projected read counted here
 * rather than an aggregation per dimension: on FerretDB v1 every aggregation is a full scan of its own.
 */
export async function serviceFacets(query: FacetsQuery): Promise<Facets> {
  const search = serviceSearch(query, await loadTaxonomy());
  const rows: FacetRow[] = await findServices(search.filter);
  const dimensions = {
    governorate: new Map<string, number>(),
    category: new Map<string, number>(),
    population: new Map<string, number>(),
    language: new Map<string, number>(),
    organizationType: new Map<string, number>(),
  };
  const add = (counts: Map<string, number>, values: readonly (string | null | undefined)[] | null | undefined) => {
    for (const v of new Set(values ?? [])) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  };
  let total = 0;
  for (const row of rows) {
    if (!withinRadius(search, row)) continue;
    total++;
    add(dimensions.governorate, row.governorates);
    add(dimensions.category, row.categories);
    add(dimensions.population, row.populations);
    add(dimensions.language, row.languages);
    add(dimensions.organizationType, [row.organizationType]);
  }
  return {
    total,
    governorate: ordered(dimensions.governorate),
    category: ordered(dimensions.category),
    population: ordered(dimensions.population),
    language: ordered(dimensions.language),
    organizationType: ordered(dimensions.organizationType),
  };
}
