import type { z } from 'zod';
import { runServicePlan } from '../catalog/queries.js';
import { bundledGovernorates } from '../governorates/governorate-data.js';
import { publicPlaceExposure } from '../locations/place-exposure.js';
import { organizationRefs } from '../organizations/organization.data.js';
import { phones, translated } from '../../contract/directory/records/view-schemas.js';
import { LIST_FIELDS, type WayOn } from '../../contract/directory/search/way-on.schemas.js';
import { servicesInOrder } from '../services/service.data.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.data.js';
import { FacetsQuery } from './facets.js';
import { planContext } from './near.js';
import { withoutWords } from '../../contract/directory/search/query-words.js';
import { servicePlan, type ServiceFilters } from './service-query.js';
import type { CapacityReader } from '../records/viewer.js';
import { withFreeCapacity } from '../services/service.capacity.js';

/** Takes the same filters as the service list. */
export const WayOnQuery = FacetsQuery;
export type WayOnQuery = z.infer<typeof WayOnQuery>;


const HOTLINES = 'hotlines';
const MAX_CATEGORIES = 6;
const MAX_HOTLINES = 3;


/**
 * Where to go from a search that found nothing (or little): what dropping each filter would find,
 * nearby categories, and whom to call. Every count is the total that the same search without that
 * one filter returns, counted over the in-memory catalog like the facets.
 */
export async function wayOn(query: WayOnQuery, reader: CapacityReader): Promise<WayOn> {
  const [taxonomy, exposure] = await Promise.all([loadTaxonomy(), publicPlaceExposure()]);
  const context = planContext(exposure);
  const matching = async (f: ServiceFilters) => (await runServicePlan(withFreeCapacity(servicePlan(f, taxonomy).plan, f, reader), context)).services;
  const { plan, understood } = servicePlan(query, taxonomy);
  const rows = (await runServicePlan(withFreeCapacity(plan, query, reader), context)).services;

  const without: { field: WayOn['filters'][number]['field']; code: string; words?: string; query: ServiceFilters }[] = [];
  for (const field of LIST_FIELDS) {
    for (const code of query[field] ?? []) without.push({ field, code, query: { ...query, [field]: query[field]!.filter((c) => c !== code) } });
  }
  if (query.acceptsReferrals !== undefined) without.push({ field: 'acceptsReferrals', code: String(query.acceptsReferrals), query: { ...query, acceptsReferrals: undefined } });
  if (query.hasCapacity) without.push({ field: 'hasCapacity', code: 'true', query: { ...query, hasCapacity: undefined } });
  if (query.verifiedWithinDays) without.push({ field: 'verifiedWithinDays', code: String(query.verifiedWithinDays), query: { ...query, verifiedWithinDays: undefined } });
  for (const u of understood) without.push({ field: u.field, code: u.code, words: u.words, query: { ...query, q: withoutWords(query.q ?? '', u.words) } });
  const filters = await Promise.all(
    without.map(async ({ query: f, ...filter }) => ({ ...filter, total: (await matching(f)).length })),
  );

  const governorates = [...new Set([...(query.governorate ?? []), ...understood.filter((u) => u.field === 'governorate').map((u) => u.code)])];

  // Siblings of the categories asked for (or, with none, every category), where they serve the same governorates.
  const asked = new Set([...(query.category ?? []), ...understood.filter((u) => u.field === 'category').map((u) => u.code)]);
  const groups = new Set([...asked].map((code) => taxonomy.get(code)).map((term) => term?.parent ?? term?.code));
  const candidates = taxonomy.terms.filter((t) => t.parent !== null && !asked.has(t.code) && (!asked.size || groups.has(t.parent)));
  const around = await matching({ governorate: governorates });
  const categories = candidates
    .map((t) => ({ code: t.code, total: around.filter((row) => row.categories?.includes(t.code)).length }))
    .filter((c) => c.total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, MAX_CATEGORIES);

  const hotlinesIn = async (f: ServiceFilters) => await matching({ ...f, category: [HOTLINES] });
  let hotlines = governorates.length ? await hotlinesIn({ governorate: governorates }) : [];
  if (!hotlines.length) {
    const all = bundledGovernorates().map((g) => g.code);
    hotlines = (await hotlinesIn({})).filter((row) => all.every((code) => row.governorates?.includes(code)));
  }
  // A line with a number to call first; the governorate's own before those serving many; then by name.
  const callable = (row: (typeof hotlines)[number]) => (row.phones?.length ? 0 : 1);
  const reach = (row: (typeof hotlines)[number]) => row.governorates?.length ?? 0;
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  hotlines = hotlines
    .sort((a, b) => callable(a) - callable(b) || reach(a) - reach(b) || byName(a.search.sortName, b.search.sortName))
    .slice(0, MAX_HOTLINES);
  const records = await servicesInOrder(hotlines.map((h) => h._id));
  const organizations = await organizationRefs(records.map((r) => r.organizationId));

  return {
    total: rows.length,
    filters,
    categories,
    hotlines: records.map((r) => {
      const organization = organizations.get(r.organizationId.toHexString());
      return {
        id: r._id.toHexString(),
        name: translated(r.name),
        organization: { id: r.organizationId.toHexString(), name: translated(organization?.name) },
        governorates: r.governorates ?? [],
        phones: phones(r.phones),
      };
    }),
  };
}
