import { z } from 'zod';
import type { ServiceRecord } from '../services/service.data.js';
import { TtlCache } from '../../platform/cache/ttl-cache.js';
import { directoryKey, runServicePlan } from '../catalog/queries.js';
import { publicPlaceExposure } from '../locations/place-exposure.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.data.js';
import { planContext } from './near.js';
import { needsNearFor, ServiceFilterParams, servicePlan } from './service-query.js';
import type { Facets } from '../../contract/directory/search/facets.schemas.js';
import type { CapacityReader } from '../records/viewer.js';
import { withFreeCapacity } from '../services/service.capacity.js';

export const FacetsQuery = z
  .strictObject(ServiceFilterParams)
  .superRefine(needsNearFor('radiusKm'));
export type FacetsQuery = z.infer<typeof FacetsQuery>;


type FacetRow = Pick<ServiceRecord, 'governorates' | 'categories' | 'populations' | 'languages' | 'organizationType'>;
type Dimension = keyof Omit<Facets, 'total'>;

/** Most frequent first, then by code: a stable order for chips. */
const ordered = (counts: Map<string, number>) =>
  Object.fromEntries([...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));

/** Each dimension: the query parameter that selects in it, and a service's values in it. */
const DIMENSIONS = {
  governorate: (row: FacetRow) => row.governorates,
  category: (row: FacetRow) => row.categories,
  population: (row: FacetRow) => row.populations,
  language: (row: FacetRow) => row.languages,
  organizationType: (row: FacetRow) => [row.organizationType],
} satisfies Record<Dimension, (row: FacetRow) => readonly (string | null | undefined)[] | null | undefined>;

/** The counts of the given dimensions, in one pass over the rows. */
function countValues(rows: readonly FacetRow[], dimensions: readonly Dimension[]): Map<Dimension, Map<string, number>> {
  const counts = new Map(dimensions.map((d) => [d, new Map<string, number>()]));
  for (const row of rows) {
    for (const [dimension, tally] of counts) {
      const list = DIMENSIONS[dimension](row) ?? [];
      list.forEach((v, i) => {
        // A value listed twice on one service counts once.
        if (v && list.indexOf(v) === i) tally.set(v, (tally.get(v) ?? 0) + 1);
      });
    }
  }
  return counts;
}

// The counts of the whole directory are asked for on every visit: kept until the directory changes.
const answers = new TtlCache<Facets>(60_000, 32);

/**
 * How many services the same search finds per governorate, category, population, language and
 * organisation type (a service in two governorates counts in both). A dimension with a selection is
 * counted over the search without that selection: its values combine with OR, so each count says
 * how many services choosing that value as well would show (a chip never reads 0 just because
 * another value of the same filter is chosen). Counted over the in-memory catalog: on FerretDB v1
 * each aggregation would be a full scan of its own.
 */
export async function serviceFacets(query: FacetsQuery, reader: CapacityReader): Promise<Facets> {
  // With hasCapacity the counts depend on whether the reader sees confidential services' capacity.
  const key = query.hasCapacity ? { ...query, capacityOf: reader.seesConfidentialCapacity } : query;
  return answers.get(await directoryKey(key), () => countFacets(query, reader));
}

async function countFacets(query: FacetsQuery, reader: CapacityReader): Promise<Facets> {
  const [taxonomy, exposure] = await Promise.all([loadTaxonomy(), publicPlaceExposure()]);
  const matching = async (q: FacetsQuery) =>
    (await runServicePlan(withFreeCapacity(servicePlan(q, taxonomy).plan, q, reader), planContext(exposure))).services;
  const rows = await matching(query);
  const dimensions = Object.keys(DIMENSIONS) as Dimension[];
  const selected = dimensions.filter((d) => query[d]?.length);
  const counts = countValues(rows, dimensions.filter((d) => !selected.includes(d)));
  // A selected dimension is counted over the search without its own selection: one more run each.
  for (const d of selected) counts.set(d, countValues(await matching({ ...query, [d]: undefined }), [d]).get(d)!);
  const facets: Facets = { total: rows.length, governorate: {}, category: {}, population: {}, language: {}, organizationType: {} };
  for (const d of dimensions) facets[d] = ordered(counts.get(d)!);
  return facets;
}
