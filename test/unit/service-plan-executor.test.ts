/**
 * The compiled read model (service-read-model.ts) against the reference: the plan as a MongoDB filter
 * (planFilter) interpreted by filter-match, then the radius from the public point. Random catalogs,
 * random plans, and random writes applied through the catalog's own per-record reload.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Types, type Model } from 'mongoose';
import { matchesFilter } from '../../server/directory/catalog/filter-match.js';
import { SEARCH_WORDS, serviceCatalogOf, type CatalogService } from '../../server/directory/catalog/directory-catalog.js';
import type { PlanContext } from '../../server/directory/catalog/service-read-model.js';
import { haversineKm, type LatLng } from '../../server/directory/search/distance.js';
import { rankedPage, SORTS } from '../../server/directory/search/ranked-page.js';
import { PLAN_FIELDS, planFilter, type PlanField, type ServicePlan } from '../../server/directory/search/service-plan.js';

const ORGS = Array.from({ length: 4 }, () => new Types.ObjectId());
/** Where someone receives referrals: accepting them needs the stored flag and one of these. */
const RECEIVING: ReadonlySet<string> = new Set(ORGS.slice(0, 2).map(String));
const PLACES = Array.from({ length: 5 }, () => new Types.ObjectId());
const DATES = [new Date('2026-01-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z')];
const WORDS = ['a', 'ab', 'abc', 'abd', 'b', 'ba', 'bab', 'cat', 'dog'];
const CODES: Record<Exclude<PlanField, 'organizationId' | 'locationIds'>, string[]> = {
  status: ['active', 'paused', 'closed'],
  governorates: ['IQ-BA', 'IQ-BG', 'IQ-NA', 'IQ-DI'],
  categories: ['shelter', 'health', 'legal', 'food'],
  populations: ['women', 'children', 'men'],
  languages: ['ar', 'ku', 'en'],
  organizationType: ['ngo', 'gov', 'un'],
  'verification.status': ['verified', 'pending', 'rejected'],
};
const CAPITAL: LatLng = { lat: 33.3, lng: 44.4 };

/** Points around Baghdad, some a few km apart, so radii of a few km to a few hundred split them. */
const point = fc.record({ lat: fc.double({ min: 32, max: 35, noNaN: true }), lng: fc.double({ min: 43, max: 46, noNaN: true }) });
// Duplicates on purpose: a code listed twice on one service is still one match.
const some = (codes: string[]) => fc.array(fc.constantFrom(...codes), { maxLength: 4 });

const service = fc.record({
  status: fc.constantFrom(...CODES.status),
  governorates: some(CODES.governorates),
  categories: some(CODES.categories),
  populations: some(CODES.populations),
  languages: some(CODES.languages),
  organizationType: fc.option(fc.constantFrom(...CODES.organizationType), { nil: undefined }),
  organizationId: fc.constantFrom(...ORGS),
  verification: fc.option(fc.record({ status: fc.constantFrom(...CODES['verification.status']) }), { nil: undefined }),
  archivedAt: fc.option(fc.constantFrom(...DATES), { nil: null }),
  confidential: fc.constantFrom(true, false, undefined),
  acceptsReferrals: fc.constantFrom(true, false, undefined),
  lastVerifiedAt: fc.option(fc.constantFrom(...DATES), { nil: null }),
  capacityFreeAt: fc.option(fc.constantFrom(...DATES), { nil: null }),
  locationIds: fc.uniqueArray(fc.constantFrom(...PLACES), { maxLength: 2 }),
  point: fc.option(point, { nil: undefined }),
  /** Where the public sees it: may differ from the stored point (a stale index), or be none. */
  publicPoint: fc.option(point, { nil: null }),
  words: some(WORDS),
  sortName: fc.constantFrom<string>('alpha', 'beta', 'gamma'),
});
type Generated = typeof service extends fc.Arbitrary<infer G> ? G : never;

const toDoc = (_id: Types.ObjectId, s: Generated): Record<string, unknown> => ({
  _id,
  ...s,
  search: { words: s.words, nameTokens: s.words.slice(0, 1), sortName: s.sortName },
});

const fieldCodes = (field: PlanField) =>
  field === 'organizationId' || field === 'locationIds'
    ? fc.uniqueArray(fc.constantFrom(...(field === 'organizationId' ? ORGS : PLACES).map(String), new Types.ObjectId().toHexString()), { minLength: 1, maxLength: 3 })
    : fc.uniqueArray(fc.constantFrom(...CODES[field], 'unknown'), { minLength: 1, maxLength: 3 });

const plan: fc.Arbitrary<ServicePlan> = fc.record(
  {
    anyOf: fc.record(Object.fromEntries(PLAN_FIELDS.map((f) => [f, fieldCodes(f)])) as { [F in PlanField]: fc.Arbitrary<string[]> }, {
      requiredKeys: [],
    }),
    acceptsReferrals: fc.boolean(),
    publicOnly: fc.boolean(),
    verifiedSince: fc.constantFrom(...DATES),
    freeCapacity: fc.record({ since: fc.constantFrom(...DATES), confidentialToo: fc.boolean() }),
    archived: fc.constantFrom('exclude', 'include', 'only'),
    // `w7`, `w33`: single words of the long catalog below, whose unions are short.
    words: fc.array(fc.record({ text: fc.constantFrom(...WORDS, 'x', '', 'w7'), alternatives: fc.array(fc.constantFrom(...WORDS, 'z', 'w33'), { maxLength: 2 }) }), {
      maxLength: 2,
    }),
    near: fc.record({ center: point, radiusKm: fc.constantFrom(undefined, 5, 40, 150, 400) }),
  },
  { requiredKeys: ['anyOf', 'archived', 'words'] },
);

/** Two fields only: the second's lists are often shorter than the first's answer, and its last slots decide. */
const twoFields: fc.Arbitrary<ServicePlan> = fc
  .tuple(fc.constantFrom(...PLAN_FIELDS), fc.constantFrom(...PLAN_FIELDS))
  .chain(([a, b]) => fc.record({ [a]: fieldCodes(a), [b]: fieldCodes(b) }))
  .map((anyOf) => ({ anyOf, archived: 'include', words: [] }));

const change = fc.record({ at: fc.nat(), kind: fc.constantFrom('update', 'delete', 'add'), service });

/** A catalog over documents held in memory, read as the app reads the database. */
function catalogOver(docs: Map<string, Record<string, unknown>>) {
  const collection = { find: () => docs.values(), findOne: ({ _id }: { _id: Types.ObjectId }) => docs.get(_id.toHexString()) ?? null };
  return serviceCatalogOf(() => ({ collection }) as unknown as Model<unknown>);
}

function reference(records: Iterable<CatalogService>, p: ServicePlan, context: PlanContext) {
  const filter = planFilter(p, context.hiddenPlaces as Types.ObjectId[], context.receiving);
  const fields = {
    [SEARCH_WORDS]: (doc: object, c: unknown) => (c as { $all: string[] }).$all.every((t) => (doc as CatalogService).search.words.some((w) => w.startsWith(t))),
  };
  const services: CatalogService[] = [];
  const distances: (number | null)[] = [];
  for (const r of records) {
    if (!matchesFilter(r, filter, fields)) continue;
    const at = p.near && context.pointOf(r);
    const km = at ? haversineKm(p.near!.center, at) : null;
    if (p.near?.radiusKm && (km === null || km > p.near.radiusKm)) continue;
    services.push(r);
    distances.push(km);
  }
  return { services, distances };
}

const ids = (services: readonly CatalogService[]) => services.map((s) => s._id.toHexString()).sort();

describe('compiled service plans', () => {
  it('find what the filter interpreter finds, in the same ranked order, before and after writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(service, { maxLength: 60 }),
        fc.array(plan, { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.constantFrom(...PLACES), { maxLength: 2 }),
        fc.array(change, { maxLength: 12 }),
        fc.record({ sort: fc.constantFrom(...SORTS), page: fc.integer({ min: 1, max: 3 }), perPage: fc.integer({ min: 1, max: 7 }) }),
        async (generated, plans, hidden, changes, paging) => {
          const docs = new Map(generated.map((s) => [new Types.ObjectId(), s] as const).map(([id, s]) => [id.toHexString(), toDoc(id, s)]));
          const catalog = catalogOver(docs);
          await catalog.loadAll();
          const hiddenKeys = new Set(hidden.map(String));
          const context: PlanContext = {
            hiddenPlaces: hidden,
            // As the app decides it: confidential services and those at hidden places are drawn at a capital.
            pointOf: (s) =>
              s.confidential || s.locationIds.some((id) => hiddenKeys.has(String(id))) ? CAPITAL : ((s as unknown as Generated).publicPoint ?? null),
            // One version throughout: the points kept must follow the writes record by record.
            pointsVersion: () => 'v1',
            receiving: RECEIVING,
          };
          const check = (when: string) => {
            for (const p of plans) {
              const expected = reference(catalog.values(), p, context);
              const got = catalog.readModel.run(p, context);
              assert.deepEqual(ids(got.services), ids(expected.services), `${when}: ${JSON.stringify(p)}`);
              assert.deepEqual(catalog.readModel.run(p, context), got, `${when}, from kept points: ${JSON.stringify(p)}`);
              const sort = paging.sort === 'distance' && !p.near ? 'name' : paging.sort;
              const request = { ...paging, sort, terms: p.words.map((w) => w.text) };
              assert.deepEqual(
                rankedPage(got.services, { ...request, ...(got.distances ? { distances: got.distances } : {}) }),
                rankedPage(expected.services, { ...request, ...(p.near ? { distances: expected.distances } : {}) }),
                `${when}, ranked: ${JSON.stringify(p)}`,
              );
            }
          };
          check('loaded');
          // Writes reach the read model record by record, as the change feed applies them.
          const keys = [...docs.keys()];
          const touched = new Set<string>();
          for (const c of changes) {
            const existing = keys.length ? keys[c.at % keys.length]! : undefined;
            if (c.kind === 'add' || !existing) {
              const id = new Types.ObjectId();
              docs.set(id.toHexString(), toDoc(id, c.service));
              keys.push(id.toHexString());
              touched.add(id.toHexString());
            } else {
              if (c.kind === 'delete') docs.delete(existing);
              else docs.set(existing, toDoc(new Types.ObjectId(existing), c.service));
              touched.add(existing);
            }
          }
          await catalog.reload([...touched]);
          check('after writes');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ask for public points again when their version changes', async () => {
    const id = new Types.ObjectId();
    const generated = fc.sample(service, { numRuns: 1, seed: 1 })[0]!;
    const catalog = catalogOver(new Map([[id.toHexString(), toDoc(id, { ...generated, archivedAt: null, point: { lat: 33, lng: 44 } })]]));
    await catalog.loadAll();
    let at: LatLng = { lat: 33, lng: 44 };
    let version = 1;
    const context: PlanContext = { hiddenPlaces: [], pointOf: () => at, pointsVersion: () => String(version), receiving: RECEIVING };
    const near: ServicePlan = { anyOf: {}, archived: 'include', words: [], near: { center: { lat: 33, lng: 44 }, radiusKm: 50 } };
    assert.deepEqual(catalog.readModel.run(near, context).distances, [0]);
    at = { lat: 34, lng: 44 };
    assert.deepEqual(catalog.readModel.run(near, context).distances, [0], 'same version: the kept point');
    version = 2;
    assert.deepEqual(catalog.readModel.run(near, context).services, [], 'new version: asked again, now out of range');
  });

  it('intersect long lists without losing or adding a record', async () => {
    // Long postings of different lengths: the galloping intersections take every branch.
    const docs = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < 3000; i++) {
      const id = new Types.ObjectId();
      const s: Generated = {
        status: i % 3 === 0 ? 'paused' : 'active',
        governorates: i % 7 === 0 ? ['IQ-BA'] : i % 5 === 0 ? ['IQ-NA', 'IQ-BA'] : ['IQ-BG'],
        categories: [i % 11 === 0 ? 'legal' : 'shelter'],
        populations: i % 2 ? ['women'] : [],
        languages: i % 6 === 5 ? ['ku'] : ['ar'],
        organizationType: i % 9 === 4 ? 'gov' : 'ngo',
        organizationId: ORGS[i % ORGS.length]!,
        verification: i % 3 === 1 ? { status: 'verified' } : undefined,
        archivedAt: i % 13 === 0 ? DATES[0]! : null,
        confidential: i % 17 === 0,
        acceptsReferrals: i % 4 === 0,
        lastVerifiedAt: DATES[i % 3]!,
        capacityFreeAt: i % 4 ? null : DATES[i % 3]!,
        locationIds: [PLACES[i % PLACES.length]!],
        point: { lat: 32 + (i % 300) / 100, lng: 43 + (i % 97) / 32 },
        publicPoint: { lat: 32 + (i % 300) / 100, lng: 43 + (i % 97) / 32 },
        words: [WORDS[i % WORDS.length]!, `w${i % 50}`],
        sortName: `n${i % 40}`,
      };
      docs.set(id.toHexString(), toDoc(id, s));
    }
    const catalog = catalogOver(docs);
    await catalog.loadAll();
    const context: PlanContext = { hiddenPlaces: [PLACES[1]!], pointOf: (s) => (s as unknown as Generated).publicPoint, receiving: RECEIVING };
    // Unions of a few short lists (sorted, not swept), alone and against longer ones.
    const shortWords = { text: 'w7', alternatives: ['w33', 'w41'] };
    for (const p of [
      { anyOf: {}, archived: 'include', words: [shortWords] },
      { anyOf: { status: ['active'] }, archived: 'exclude', words: [shortWords] },
      { anyOf: { organizationId: ORGS.slice(1).map(String) }, archived: 'only', words: [shortWords] },
    ] satisfies ServicePlan[]) {
      assert.deepEqual(ids(catalog.readModel.run(p, context).services), ids(reference(catalog.values(), p, context).services), JSON.stringify(p));
    }
    await fc.assert(
      fc.property(fc.oneof(plan, twoFields), (p) => {
        assert.deepEqual(ids(catalog.readModel.run(p, context).services), ids(reference(catalog.values(), p, context).services), JSON.stringify(p));
      }),
      { numRuns: 300 },
    );
  });
});
