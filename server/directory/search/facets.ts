import { z } from 'zod';
import type { ServiceRecord } from '../services/service.data.js';
import { TtlCache } from '../../platform/cache/ttl-cache.js';
import { directoryKey, publicPlacesOf, runServicePlan } from '../catalog/queries.js';
import { publicPlaceExposure } from '../locations/place-exposure.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.data.js';
import { planContext } from './near.js';
import { needsNearFor, ServiceFilterParams, servicePlan } from './service-query.js';
import type { FacetName, Facets } from '../../contract/directory/search/facets.schemas.js';
import type { Understood } from '../../contract/directory/search/understood.schemas.js';
import { DISTRICTS, districtName } from './districts.js';
import type { ServicePlan } from './service-plan.js';
import type { CapacityReader } from '../records/viewer.js';
import { withFreeCapacity } from '../services/service.capacity.js';

export const FacetsQuery = z
  .strictObject(ServiceFilterParams)
  .superRefine(needsNearFor('radiusKm'));
export type FacetsQuery = z.infer<typeof FacetsQuery>;


type FacetRow = Pick<ServiceRecord, 'governorates' | 'categories' | 'populations' | 'languages' | 'organizationType'>;
/** The dimensions a service's own fields answer; districts are read from its places (districtCounts). */
type Dimension = Exclude<FacetName, 'district'>;

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
  const { plan, understood } = servicePlan(query, taxonomy);
  const rows = await matching(query);
  const dimensions = Object.keys(DIMENSIONS) as Dimension[];
  const selected = dimensions.filter((d) => query[d]?.length);
  const counts = countValues(rows, dimensions.filter((d) => !selected.includes(d)));
  // A selected dimension is counted over the search without its own selection: one more run each.
  for (const d of selected) counts.set(d, countValues(await matching({ ...query, [d]: undefined }), [d]).get(d)!);
  const facets: Facets = { total: rows.length, governorate: {}, category: {}, population: {}, language: {}, organizationType: {}, district: {}, districtNames: {} };
  for (const d of dimensions) facets[d] = ordered(counts.get(d)!);
  const districts = districtsCounted(query, understood);
  if (districts.length) {
    const run = (p: ServicePlan) => runServicePlan(withFreeCapacity(p, query, reader), planContext(exposure));
    facets.district = ordered(await districtCounts(plan, districts, run, exposure.hiddenPlaceIds));
    facets.districtNames = Object.fromEntries(districts.map((code) => [code, districtName(code)!]));
  }
  return facets;
}

/**
 * The districts worth counting: those of the governorates chosen or typed, and of the districts
 * chosen or typed. With no governorate there are too many to offer as a list.
 */
function districtsCounted(query: FacetsQuery, understood: readonly Understood[]): string[] {
  const governorates = new Set([
    ...(query.governorate ?? []),
    ...(query.district ?? []).map((code) => DISTRICTS[code]!.governorate),
    ...understood.flatMap((u) => (u.field === 'governorate' ? [u.code] : u.governorate ? [u.governorate] : [])),
  ]);
  return Object.keys(DISTRICTS).filter((code) => governorates.has(DISTRICTS[code]!.governorate));
}

/**
 * Services per district, over the search without its own district filter (as for the other
 * dimensions): one run restricted to the districts counted, whose services then count in each
 * district where they have a public place. The run is `publicOnly`, so confidential services never count.
 */
async function districtCounts(
  plan: ServicePlan,
  districts: string[],
  run: (plan: ServicePlan) => ReturnType<typeof runServicePlan>,
  hiddenPlaces: readonly { toString(): string }[],
): Promise<Map<string, number>> {
  const [{ services }, places] = await Promise.all([run({ ...plan, districts }), publicPlacesOf(districts, hiddenPlaces)]);
  const counts = new Map<string, number>();
  for (const service of services) {
    const at = new Set((service.locationIds ?? []).map(String));
    for (const [code, ids] of places) if ([...ids].some((id) => at.has(id))) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}
