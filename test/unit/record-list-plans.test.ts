/**
 * The places' and contacts' compiled plans (service-read-model.ts) against a straightforward
 * evaluation: every record checked against the list's conditions, sorted as the lists sort. Random
 * records, random lists, and random writes applied through the catalog's own per-record reload.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Types, type Model } from 'mongoose';
// The catalogs first, as the app loads them (the read models and the plans' vocabulary import each other).
import '../../server/directory/catalog/directory-catalog.js';
import { RecordCatalog, type CatalogRecord } from '../../server/directory/catalog/catalog.js';
import { contactReadModel, locationReadModel, type PlannedRecord, type PlanReadModel } from '../../server/directory/catalog/service-read-model.js';
import { sortedBy } from '../../server/directory/records/list.js';
import type { ArchivedChoice } from '../../server/contract/directory/records/archived.js';
import type { ContactPlanField, ListPlan, LocationPlanField } from '../../server/directory/search/service-plan.js';
import type { CatalogContact, CatalogLocation } from '../../server/directory/catalog/directory-catalog.js';

const ORGS = Array.from({ length: 4 }, () => new Types.ObjectId());
const SERVICES = Array.from({ length: 4 }, () => new Types.ObjectId());
const GOVERNORATES = ['IQ-BA', 'IQ-BG', 'IQ-AR'];
const ARCHIVED = [null, new Date('2026-02-01T00:00:00Z')];

const place = fc.record({
  organizationId: fc.constantFrom(...ORGS),
  name: fc.record({ en: fc.constantFrom('Office', 'Clinic', 'Annex') }),
  address: fc.option(fc.record({ governorate: fc.option(fc.constantFrom(...GOVERNORATES), { nil: null }) }), { nil: undefined }),
  archivedAt: fc.constantFrom(...ARCHIVED),
  confidential: fc.boolean(),
});
const contact = fc.record({
  organizationId: fc.constantFrom(...ORGS),
  serviceId: fc.option(fc.constantFrom(...SERVICES), { nil: null }),
  name: fc.constantFrom('Desk', 'Amal', 'Zainab'),
  archivedAt: fc.constantFrom(...ARCHIVED),
  referralFocalPoint: fc.boolean(),
});

const hexCodes = (ids: Types.ObjectId[]) => fc.uniqueArray(fc.constantFrom(...ids.map(String), new Types.ObjectId().toHexString()), { maxLength: 3 });
const archived = fc.constantFrom<ArchivedChoice>('exclude', 'include', 'only');
const placeList = fc.record({
  anyOf: fc.record({ organizationId: hexCodes(ORGS), 'address.governorate': fc.uniqueArray(fc.constantFrom(...GOVERNORATES, 'IQ-NA'), { maxLength: 2 }) }, { requiredKeys: [] }),
  archived,
});
const contactList = fc.record({ anyOf: fc.record({ organizationId: hexCodes(ORGS), serviceId: hexCodes(SERVICES) }, { requiredKeys: [] }), archived });

function catalogOver<T extends PlannedRecord, F extends string>(docs: Map<string, Record<string, unknown>>, readModel: () => PlanReadModel<T, F>) {
  const collection = { find: () => docs.values(), findOne: ({ _id }: { _id: Types.ObjectId }) => docs.get(_id.toHexString()) ?? null };
  return new RecordCatalog<T, PlanReadModel<T, F>>('records', () => ({ collection }) as unknown as Model<unknown>, (d) => d as unknown as T, { readModel });
}

/** The list as anyone would write it: each listed field holds one of its codes, and the archived choice. */
function reference<T extends CatalogRecord>(records: Iterable<T>, plan: ListPlan<string>): T[] {
  const value = (r: T, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null | undefined)?.[k], r);
  return [...records].filter((r) => {
    const isArchived = (r as { archivedAt?: Date | null }).archivedAt != null;
    if (plan.archived === 'exclude' && isArchived) return false;
    if (plan.archived === 'only' && !isArchived) return false;
    return Object.entries(plan.anyOf).every(([path, codes]) => (codes as string[]).includes(String(value(r, path) ?? '')));
  });
}

const ids = (records: CatalogRecord[]) => records.map((r) => r._id.toHexString());

async function checkLists<T extends PlannedRecord, F extends string>(
  generated: object[],
  plans: ListPlan<F>[],
  writes: { at: number; record: object | null }[],
  readModel: () => PlanReadModel<T, F>,
  key: (r: T) => string,
): Promise<void> {
  const docs = new Map(
    generated.map((g) => {
      const id = new Types.ObjectId();
      return [id.toHexString(), { _id: id, ...g }] as const;
    }),
  );
  const catalog = catalogOver<T, F>(docs, readModel);
  await catalog.loadAll();
  const check = (when: string) => {
    for (const plan of plans) {
      const got = sortedBy(catalog.readModel.run({ ...plan, words: [] }, { hiddenPlaces: [], pointOf: () => null, receiving: new Set() }).services, key);
      assert.deepEqual(ids(got), ids(sortedBy(reference(catalog.values(), plan), key)), `${when}: ${JSON.stringify(plan)}`);
    }
  };
  check('loaded');
  const keys = [...docs.keys()];
  const touched = new Set<string>();
  for (const w of writes) {
    const existing = keys.length ? keys[w.at % keys.length]! : undefined;
    if (!existing || (w.record && w.at % 3 === 0)) {
      if (!w.record) continue;
      const id = new Types.ObjectId();
      docs.set(id.toHexString(), { _id: id, ...w.record });
      keys.push(id.toHexString());
      touched.add(id.toHexString());
    } else {
      if (w.record) docs.set(existing, { _id: new Types.ObjectId(existing), ...w.record });
      else docs.delete(existing);
      touched.add(existing);
    }
  }
  await catalog.reload([...touched]);
  check('after writes');
}

const writesOf = <A,>(record: fc.Arbitrary<A>) => fc.array(fc.record({ at: fc.nat(), record: fc.option(record, { nil: null }) }), { maxLength: 10 });

describe('compiled place and contact lists', () => {
  it('list the places a straightforward evaluation lists, in the same order, before and after writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(place, { maxLength: 40 }), fc.array(placeList, { minLength: 1, maxLength: 4 }), writesOf(place), async (generated, plans, writes) => {
        await checkLists<CatalogLocation, LocationPlanField>(generated, plans, writes, locationReadModel, (l) => l.name?.en ?? '');
      }),
      { numRuns: 200 },
    );
  });

  it('list the contacts a straightforward evaluation lists, in the same order, before and after writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(contact, { maxLength: 40 }), fc.array(contactList, { minLength: 1, maxLength: 4 }), writesOf(contact), async (generated, plans, writes) => {
        await checkLists<CatalogContact, ContactPlanField>(generated, plans, writes, contactReadModel, (c) => c.name);
      }),
      { numRuns: 200 },
    );
  });
});
