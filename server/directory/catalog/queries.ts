import type { FilterQuery, Types } from 'mongoose';
import { derivedFrom, type CatalogRecord, type RecordCatalog } from './catalog.js';
import {
  contactCatalog,
  directoryCatalog,
  locationCatalog,
  organizationCatalog,
  serviceCatalog,
  type CatalogContact,
  type CatalogLocation,
  type CatalogOrganization,
  type CatalogService,
} from './directory-catalog.js';
import { serviceUnavailable } from '../../platform/http/problem.js';
import { shortWorkFirst } from '../../platform/http/heavy-work.js';
import { oncePerRequest } from './request-freshness.js';
import type { Translated } from '../../platform/text/translated.js';
import type { Filter } from './filter-match.js';
import type { ContactPlanField, ListPlan, LocationPlanField, OrganizationPlan, OrganizationPlanField, PlanField, RecordPlan, ServicePlan } from '../search/service-plan.js';
import { districtNames } from '../search/districts.js';
import { normalizeText } from '../../platform/text/normalize.js';
import type { PlanContext, PlannedRecord, PlanReadModel, PlanResult } from './service-read-model.js';
import { loadReferralReceivers, receiversKey, receivingOrganizations } from '../../accounts/referral-receivers.js';
import { loadTaxonomy, taxonomyKey } from '../taxonomy/taxonomy.data.js';

/**
 * Reads of the directory that would scan a collection on the embedded database are answered by the
 * catalog instead: always current (the change feed is applied first), same filter objects.
 */
async function fresh<C extends RecordCatalog<CatalogRecord>>(catalog: C): Promise<C> {
  await currentCatalog();
  return catalog;
}

/** How long a read waits for the first load before it is told to come back: a small directory loads within it. */
const STARTING_WAIT_MS = 1_000;

/**
 * The catalog brought up to date, once per request (request-freshness.ts). Until it has loaded once, a read waits at most STARTING_WAIT_MS
 * and then answers 503 with Retry-After, rather than hanging for the minutes a large load takes.
 */
export function currentCatalog(): Promise<void> {
  return oncePerRequest(bringUpToDate);
}

async function bringUpToDate(): Promise<void> {
  // Whether an organisation accepts referrals is read with its records: who receives them comes along.
  if (directoryCatalog.isLoaded) {
    await Promise.all([directoryCatalog.ensureFresh(), loadReferralReceivers()]);
    return;
  }
  const load = Promise.all([directoryCatalog.ensureFresh(), loadReferralReceivers()]);
  let timer: NodeJS.Timeout | undefined;
  const starting = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(serviceUnavailable('directoryLoading')), STARTING_WAIT_MS);
  });
  load.catch(() => {}); // a failed load is retried by the next read; the race below reports it
  try {
    await Promise.race([load, starting]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A record by id from its catalog, current for this request: null when it does not exist, undefined
 * when the catalog cannot tell (a change still being recorded may be its creation). Unknown ids are
 * told apart here because the embedded database scans the whole collection to find none.
 */
export async function heldRecord<T extends CatalogRecord>(catalog: Pick<RecordCatalog<T>, 'get'>, id: string): Promise<T | null | undefined> {
  await currentCatalog();
  return catalog.get(id) ?? (directoryCatalog.hasEveryChange ? null : undefined);
}

/**
 * A cache key for an answer computed from the directory: it changes whenever any catalogued record
 * does, and with the taxonomy, through which the answer read the query's words (a synonym added).
 */
export async function directoryKey(query: unknown): Promise<string> {
  const [, taxonomy] = await Promise.all([currentCatalog(), loadTaxonomy()]);
  return `${directoryCatalog.appliedVersion}.${receiversKey()}.${taxonomyKey(taxonomy)}:${JSON.stringify(query)}`;
}

/**
 * The records a MongoDB filter matches, by the filter interpreter: for writes that follow another
 * write (refreshing derived service fields, archiving an organisation's records), never a read's
 * request path — those run compiled plans (runServicePlan, listServices, listLocationPlan, ...).
 */
export async function findServices(filter: FilterQuery<unknown>): Promise<CatalogService[]> {
  return (await fresh(serviceCatalog)).find(filter as Filter);
}

/**
 * The services a search plan matches (and their distances with `near`, and its typos read), from the
 * compiled read model. A search (heavy work) computes once no record page is in flight (heavy-work.ts).
 */
export async function runServicePlan(plan: ServicePlan, places: Omit<PlanContext, 'receiving'>): Promise<PlanResult> {
  await fresh(serviceCatalog);
  await shortWorkFirst();
  const model = serviceCatalog.readModel;
  const context = { ...places, receiving: receivingOrganizations() };
  const { plan: read, corrections } = model.corrected(plan.districts ? await locatedIn(plan, context) : plan);
  return { ...model.run(read, context), ...(corrections.length ? { corrections } : {}) };
}

/** The places by the district they record (normalised), rebuilt when the places change, not per search. */
const placesByDistrict = derivedFrom([locationCatalog], () => {
  const index = new Map<string, string[]>();
  for (const l of locationCatalog.values()) {
    if (!l.address?.district) continue;
    const name = normalizeText(l.address.district);
    index.set(name, [...(index.get(name) ?? []), l._id.toHexString()]);
  }
  return index;
});

/**
 * The public places of each district (by any of its names, normalised): hidden places never count,
 * or a district would tell where a shelter is.
 */
export async function publicPlacesOf(codes: readonly string[], hiddenPlaces: PlanContext['hiddenPlaces']): Promise<Map<string, Set<string>>> {
  await fresh(locationCatalog);
  const byDistrict = placesByDistrict();
  const hidden = new Set(hiddenPlaces.map(String));
  return new Map(
    codes.map((code) => {
      const ids = [...districtNames([code])].flatMap((name) => byDistrict.get(name) ?? []);
      return [code, new Set(ids.filter((id) => !hidden.has(id)))];
    }),
  );
}

/** A plan's districts as the public locations that record them; confidential services never pass (`publicOnly`). */
async function locatedIn(plan: ServicePlan, context: PlanContext): Promise<ServicePlan> {
  const ids = new Set([...(await publicPlacesOf(plan.districts ?? [], context.hiddenPlaces)).values()].flatMap((places) => [...places]));
  const locationIds = plan.anyOf.locationIds ? plan.anyOf.locationIds.filter((id) => ids.has(id)) : [...ids];
  return { ...plan, anyOf: { ...plan.anyOf, locationIds }, publicOnly: true };
}

/** The records a plan without places or radius matches, from a catalog's compiled read model, in no particular order. */
async function runPlan<T extends PlannedRecord, F extends string>(
  catalog: RecordCatalog<T, PlanReadModel<T, F>>,
  plan: Pick<RecordPlan<F>, 'anyOf' | 'archived'> & Partial<RecordPlan<F>>,
): Promise<T[]> {
  const model = (await fresh(catalog)).readModel;
  return model.run({ words: [], ...plan }, { hiddenPlaces: [], pointOf: () => null, receiving: receivingOrganizations() }).services;
}

export const runOrganizationPlan = (plan: OrganizationPlan): Promise<CatalogOrganization[]> => runPlan<CatalogOrganization, OrganizationPlanField>(organizationCatalog, plan);
/** Services by codes alone (an organisation's, pending ones): no search, so no places are needed. */
export const listServices = (plan: ListPlan<PlanField>): Promise<CatalogService[]> => runPlan<CatalogService, PlanField>(serviceCatalog, plan);
export const listLocationPlan = (plan: ListPlan<LocationPlanField>): Promise<CatalogLocation[]> => runPlan<CatalogLocation, LocationPlanField>(locationCatalog, plan);
export const listContactPlan = (plan: ListPlan<ContactPlanField>): Promise<CatalogContact[]> => runPlan<CatalogContact, ContactPlanField>(contactCatalog, plan);

/** Whether any sample organisation is loaded: decided once per change of the organisations, not per page load. */
const holdsSample = derivedFrom([organizationCatalog], () => {
  for (const o of organizationCatalog.values()) if ((o as { sample?: unknown }).sample === true) return true;
  return false;
});
export async function sampleDataLoaded(): Promise<boolean> {
  await currentCatalog();
  return holdsSample();
}

/** As findServices: for writes only. */
export async function findLocations(filter: FilterQuery<unknown>): Promise<CatalogLocation[]> {
  return (await fresh(locationCatalog)).find(filter as Filter);
}

/** As findServices: for writes only. */
export async function findContacts(filter: FilterQuery<unknown>): Promise<CatalogContact[]> {
  return (await fresh(contactCatalog)).find(filter as Filter);
}

export async function servicesById(ids: Iterable<Types.ObjectId | string>): Promise<Map<string, CatalogService>> {
  return byId(await fresh(serviceCatalog), ids);
}

export async function organizationsById(ids: Iterable<Types.ObjectId | string>): Promise<Map<string, CatalogOrganization>> {
  return byId(await fresh(organizationCatalog), ids);
}

export async function locationsById(ids: Iterable<Types.ObjectId | string>): Promise<Map<string, CatalogLocation>> {
  return byId(await fresh(locationCatalog), ids);
}

/** A record by id unless it is archived; undefined for an unknown id too (lookups by id with another condition scan on the embedded database). */
export async function findLiveOrganization(id: Types.ObjectId | string): Promise<CatalogOrganization | undefined> {
  return live((await fresh(organizationCatalog)).get(String(id)));
}

export async function findLiveService(id: Types.ObjectId | string): Promise<CatalogService | undefined> {
  return live((await fresh(serviceCatalog)).get(String(id)));
}

/** Every stored record has `archivedAt` (the record plugin), null while it is live. */
const live = <T extends object>(record: T | undefined) => (record && !(record as { archivedAt?: Date | null }).archivedAt ? record : undefined);

/** Names of organisations by id, for views that mention several (lists of users, referrals). */
export async function organizationNames(ids: Iterable<Types.ObjectId | string | null>): Promise<Map<string, Translated>> {
  const orgs = await organizationsById([...ids].filter((id): id is Types.ObjectId | string => id !== null));
  return new Map([...orgs].map(([id, o]) => [id, o.name as Translated]));
}

function byId<T extends CatalogRecord>(catalog: RecordCatalog<T>, ids: Iterable<Types.ObjectId | string>): Map<string, T> {
  const out = new Map<string, T>();
  for (const id of ids) {
    const record = catalog.get(String(id));
    if (record) out.set(String(id), record);
  }
  return out;
}
