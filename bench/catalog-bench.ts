/**
 * The in-memory catalog alone, without a database or HTTP: loads N generated sample services into
 * a service catalog and times the searches of the load benchmark (median of runs, nothing cached),
 * split into compiling the request's plan and finding the matches with the read model (nothing of a
 * previous run is reused, as no request reuses one), ordering one page, and — for
 * comparison — the same plan interpreted as a filter (planFilter through filter-match). For profiling: `node --cpu-prof --import tsx bench/catalog-bench.ts`.
 *
 *   npx tsx bench/catalog-bench.ts [--scale 100000] [--runs 9]
 */
import { parseArgs } from 'node:util';
import type { Model } from 'mongoose';
import { generateDirectory } from '../seed/sample/generator.js';
import { TAXONOMY_TERMS } from '../server/contract/directory/taxonomy/categories.js';
import { serviceCatalogOf } from '../server/directory/catalog/directory-catalog.js';
import type { PlanContext } from '../server/directory/catalog/service-read-model.js';
import { firstInOrder } from '../server/directory/search/ranked-page.js';
import { planFilter } from '../server/directory/search/service-plan.js';
import { servicePlan, type ServiceFilters } from '../server/directory/search/service-query.js';
import { synonymsOf, taxonomyOf } from '../server/directory/taxonomy/taxonomy.data.js';

const { values: opts } = parseArgs({ options: { scale: { type: 'string' }, runs: { type: 'string' } } });
const scale = Number(opts.scale ?? 100_000);
const runs = Number(opts.runs ?? 9);

const docs: Record<string, unknown>[] = [];
for (const bundle of generateDirectory({ services: scale })) docs.push(...(bundle.services as unknown as Record<string, unknown>[]));
const catalog = serviceCatalogOf(() => ({ collection: { find: () => docs } }) as unknown as Model<unknown>);
let t = performance.now();
await catalog.loadAll();
console.log(`loaded ${catalog.size} services in ${Math.round(performance.now() - t)} ms; heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`);

const taxonomy = taxonomyOf(TAXONOMY_TERMS.map((t, order) => ({ ...t, description: t.description ?? {}, synonyms: synonymsOf(t), order })));
const cases: [string, ServiceFilters][] = [
  ['text search', { q: 'legal aid' }],
  ['filtered search', { governorate: ['IQ-BA', 'IQ-NA'], category: ['shelter', 'health'], population: ['women'] }],
  ['near search (25 km)', { near: { lat: 30.5085, lng: 47.7804 }, radiusKm: 25 }],
  ['everything (map, facets)', {}],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// Without the app’s hidden places, and with the stored point as the public one.
const context: PlanContext = {
  hiddenPlaces: [],
  pointOf: ({ point }) => (point?.lat != null && point.lng != null ? { lat: point.lat, lng: point.lng } : null),
  receiving: new Set(),
};
for (const [name, filters] of cases) {
  const filter = planFilter(servicePlan(filters, taxonomy).plan, [], context.receiving);
  const find: number[] = [];
  const order: number[] = [];
  const interpreted: number[] = [];
  let matches = 0;
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const found = catalog.readModel.run(servicePlan(filters, taxonomy).plan, context).services;
    find.push(performance.now() - t);
    t = performance.now();
    firstInOrder(found, (a, b) => (a.search.sortName < b.search.sortName ? -1 : a.search.sortName > b.search.sortName ? 1 : 0), 20);
    order.push(performance.now() - t);
    t = performance.now();
    catalog.count(filter);
    interpreted.push(performance.now() - t);
    matches = found.length;
  }
  console.log(
    `${name}: ${matches} matches; find ${median(find).toFixed(1)} ms, first page ${median(order).toFixed(1)} ms, ` +
      `as an interpreted filter ${median(interpreted).toFixed(1)} ms (medians of ${runs})`,
  );
}
