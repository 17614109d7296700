import { z } from 'zod';
import { ServiceModel } from '../services/service.model.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.data.js';
import { exactFilter } from './near.js';
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

/** Array fields are unwound (a service in two governorates counts in both); organizationType is single. */
const DIMENSIONS = {
  governorate: { field: 'governorates', unwind: true },
  category: { field: 'categories', unwind: true },
  population: { field: 'populations', unwind: true },
  language: { field: 'languages', unwind: true },
  organizationType: { field: 'organizationType', unwind: false },
} as const;

/** How many services the same search finds per governorate, category, population, language and organisation type. */
export async function serviceFacets(query: FacetsQuery): Promise<Facets> {
  const match = await exactFilter(serviceSearch(query, await loadTaxonomy()));
  const count = async ({ field, unwind }: { field: string; unwind: boolean }) => {
    const rows = await ServiceModel.aggregate<{ _id: string | null; n: number }>([
      // No $project here: FerretDB v1 drops the connection on `$project: { _id: 0 }` in an aggregation.
      { $match: match },
      ...(unwind ? [{ $unwind: `$${field}` }] : []),
      { $group: { _id: `$${field}`, n: { $sum: 1 } } },
    ]);
    return Object.fromEntries(
      rows
        .filter((r) => r._id != null)
        .sort((a, b) => b.n - a.n || String(a._id).localeCompare(String(b._id)))
        .map((r) => [String(r._id), r.n]),
    );
  };
  const [total, governorate, category, population, language, organizationType] = await Promise.all([
    ServiceModel.countDocuments(match),
    count(DIMENSIONS.governorate),
    count(DIMENSIONS.category),
    count(DIMENSIONS.population),
    count(DIMENSIONS.language),
    count(DIMENSIONS.organizationType),
  ]);
  return { total, governorate, category, population, language, organizationType };
}
