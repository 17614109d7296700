import type { FilterQuery, Types } from 'mongoose';
import { ContactModel } from '../../directory/contacts/contact.model.js';
import { publicPlaceExposure } from '../../directory/locations/place-exposure.js';
import { LocationModel } from '../../directory/locations/location.model.js';
import { OrganizationModel } from '../../directory/organizations/organization.model.js';
import { ServiceModel } from '../../directory/services/service.model.js';
import { SEARCH_WORDS } from '../../directory/catalog/directory-catalog.js';
import { findIn, runServicePlan } from '../../directory/catalog/queries.js';
import { planContext } from '../../directory/search/near.js';
import { servicePlan } from '../../directory/search/service-query.js';
import { SERVICE_STATUSES } from '../../contract/directory/vocabulary.js';
import { loadTaxonomy } from '../../directory/taxonomy/taxonomy.data.js';
import { TAXONOMY } from '../../directory/taxonomy/taxonomy.model.js';
import { allTexts, type Language } from '../../platform/text/translated.js';
import { matchesAllTerms, queryTerms, tokenize } from '../../platform/text/normalize.js';
import { recordObjectId, taxonomyUuid, termUuid } from './ids.js';
import {
  toTranslated,
  type ContactSource,
  type HsdsContext,
  type LocationSource,
  type OrganizationSource,
  type ServiceSource,
  type TermSource,
} from './mappers.js';

/**
 * The public view of the directory that HSDS publishes: records that are not archived, services of
 * organisations that are not archived, and never a confidential location or the locations of a
 * confidential service. Related records are loaded with batched `$in` queries (joins happen here, not in the database).
 */

const BATCH = 1000;
export const SERVICE_SORT = { 'search.sortName': 1, _id: 1 } as const;
export const ORGANIZATION_SORT = { 'search.sortName': 1, _id: 1 } as const;

const hexes = (ids: Iterable<Types.ObjectId>) => [...new Set([...ids].map((id) => id.toHexString()))];

async function inBatches<T>(ids: string[], load: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(...(await load(ids.slice(i, i + BATCH))));
  return out;
}

export interface ServiceQuery {
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
}

/** A filter that matches nothing, for ids that cannot exist (no 400: HSDS filters narrow results). */
const NOTHING = { _id: { $in: [] } };

/** Organisations' free text is matched by the catalog (its word index); the database gets the ids it found. */
async function organizationSearchFilter(search: string | undefined) {
  const terms = search === undefined ? [] : queryTerms(search);
  if (!terms.length) return {};
  const found = await findIn('organizations', { archivedAt: null, [SEARCH_WORDS]: { $all: terms } });
  return { _id: { $in: found.map((r) => r._id) } };
}

/**
 * Services are searched as `/api/v1/services?q=` searches them (service-query.ts): words naming a
 * place, need or population are read as that filter, the rest as text. Every status stays in reach,
 * as HSDS lists services of every status: the search only narrows.
 */
async function serviceSearchFilter(search: string | undefined) {
  if (search === undefined || !queryTerms(search).length) return {};
  const { plan } = servicePlan({ q: search, status: [...SERVICE_STATUSES] }, await loadTaxonomy());
  const found = await runServicePlan(plan, planContext(await publicPlaceExposure()));
  return { _id: { $in: found.services.map((s) => s._id) } };
}

export const publicOrganizationFilter = async (search?: string): Promise<FilterQuery<OrganizationSource>> => ({
  archivedAt: null,
  ...(await organizationSearchFilter(search)),
});

export async function publicServiceFilter(q: ServiceQuery): Promise<FilterQuery<ServiceSource>> {
  if (q.taxonomyId && q.taxonomyId !== taxonomyUuid(TAXONOMY.id)) return NOTHING;
  const archivedOrgs = await OrganizationModel.find({ archivedAt: { $ne: null } }, { _id: 1 }).lean();
  const filter: FilterQuery<ServiceSource> = {
    archivedAt: null,
    ...(await serviceSearchFilter(q.search)),
    ...(q.modifiedAfter ? { updatedAt: { $gte: q.modifiedAfter } } : {}),
  };
  const organizationId = q.organizationId === undefined ? undefined : recordObjectId(q.organizationId);
  if (q.organizationId !== undefined && !organizationId) return NOTHING;
  if (organizationId) {
    if (archivedOrgs.some((o) => o._id.equals(organizationId))) return NOTHING;
    filter.organizationId = organizationId;
  } else if (archivedOrgs.length) {
    filter.organizationId = { $nin: archivedOrgs.map((o) => o._id) };
  }
  if (q.taxonomyTermId) {
    const taxonomy = await loadTaxonomy();
    const term = taxonomy.terms.find((t) => termUuid(t.code) === q.taxonomyTermId);
    if (!term) return NOTHING;
    // A group stands for its categories: services are tagged with categories only.
    filter.categories = { $in: taxonomy.withChildren([term.code]) };
  }
  return filter;
}

/** Taxonomy terms that are not archived, by code, in the taxonomy's order. */
export async function publicTerms(): Promise<Map<string, TermSource>> {
  return new Map((await loadTaxonomy()).terms.map((t) => [t.code, t]));
}

/** Free-text search over a few texts held in memory: every query word starts a word (as in the catalog). */
export const matchesSearch = (texts: string[], search: string | undefined) =>
  search === undefined || matchesAllTerms(tokenize(texts.join(' ')), queryTerms(search));

/** Terms matching a free-text search over their code and every translation of name and description. */
export const searchTerms = (terms: TermSource[], search: string | undefined): TermSource[] =>
  terms.filter((t) => matchesSearch([t.code, ...allTexts(toTranslated(t.name)), ...allTexts(toTranslated(t.description))], search));

/**
 * Locations that may be published: not archived, not confidential themselves, and not used by any
 * confidential service (such a place is as secret as the service, whatever its own flag says).
 */
export async function publicLocationFilter(): Promise<FilterQuery<LocationSource>> {
  const secret = (await publicPlaceExposure()).hiddenPlaceIds;
  return { archivedAt: null, confidential: { $ne: true }, ...(secret.length ? { _id: { $nin: secret } } : {}) };
}

/** Public locations among `ids`. */
export async function publicLocations(ids: Iterable<Types.ObjectId>): Promise<Map<string, LocationSource>> {
  const filter = await publicLocationFilter();
  const found = await inBatches(hexes(ids), (batch) =>
    LocationModel.find({ $and: [filter, { _id: { $in: batch } }] }).lean<LocationSource[]>(),
  );
  return new Map(found.map((l) => [l._id.toHexString(), l]));
}

/** The public locations of some organisations. */
export async function locationsOfOrganizations(ids: Types.ObjectId[]): Promise<LocationSource[]> {
  const filter = await publicLocationFilter();
  return LocationModel.find({ ...filter, organizationId: { $in: ids } }).sort({ _id: 1 }).lean<LocationSource[]>();
}

/** Everything the mappers need for these services, in a handful of batched queries. */
export async function contextFor(
  lang: Language,
  services: ServiceSource[],
  options: { contacts: boolean; organizations?: OrganizationSource[] } = { contacts: false },
): Promise<HsdsContext> {
  const given = new Map((options.organizations ?? []).map((o) => [o._id.toHexString(), o]));
  const missing = hexes(services.map((s) => s.organizationId)).filter((id) => !given.has(id));
  const orgs = await inBatches(missing, (batch) =>
    OrganizationModel.find({ _id: { $in: batch }, archivedAt: null }).lean<OrganizationSource[]>(),
  );
  for (const o of orgs) given.set(o._id.toHexString(), o);
  const locationIds = [
    ...services.filter((s) => !s.confidential).flatMap((s) => s.locationIds ?? []),
    ...[...given.values()].flatMap((o) => (o.headOfficeLocationId ? [o.headOfficeLocationId] : [])),
  ];
  const serviceContacts = new Map<string, ContactSource[]>();
  if (options.contacts) {
    const contacts = await inBatches(hexes(services.map((s) => s._id)), (batch) =>
      ContactModel.find({ serviceId: { $in: batch }, archivedAt: null }).sort({ name: 1, _id: 1 }).lean<ContactSource[]>(),
    );
    for (const c of contacts) {
      const key = c.serviceId!.toHexString();
      serviceContacts.set(key, [...(serviceContacts.get(key) ?? []), c]);
    }
  }
  return {
    lang,
    organizations: given,
    locations: await publicLocations(locationIds),
    terms: await publicTerms(),
    serviceContacts,
  };
}

/** An organisation's public locations, organisation-level contacts and public services. */
export async function organizationRelations(org: OrganizationSource) {
  const [locations, contacts, services] = await Promise.all([
    locationsOfOrganizations([org._id]),
    ContactModel.find({ organizationId: org._id, serviceId: null, archivedAt: null })
      .sort({ name: 1, _id: 1 })
      .lean<ContactSource[]>(),
    ServiceModel.find({ organizationId: org._id, archivedAt: null }).sort(SERVICE_SORT).lean<ServiceSource[]>(),
  ]);
  return { locations, contacts, services };
}

export interface ServiceLocationPair {
  serviceId: Types.ObjectId;
  locationId: Types.ObjectId;
}

/**
 * Every published service-at-location for a query, in service order: pairs of a non-confidential
 * service and each of its public locations. Only ids are held in memory.
 */
export async function publicServiceLocationPairs(q: ServiceQuery): Promise<ServiceLocationPair[]> {
  const filter = await publicServiceFilter(q);
  const services = await ServiceModel.find(
    { ...filter, confidential: { $ne: true }, 'locationIds.0': { $exists: true } },
    { _id: 1, locationIds: 1 },
  )
    .sort(SERVICE_SORT)
    .lean<{ _id: Types.ObjectId; locationIds: Types.ObjectId[] }[]>();
  const visible = await publicLocations(services.flatMap((s) => s.locationIds));
  return services.flatMap((s) =>
    s.locationIds.filter((id) => visible.has(id.toHexString())).map((locationId) => ({ serviceId: s._id, locationId })),
  );
}

/** Services by id (public filter applied), keeping the order of `ids`. */
export async function servicesByIds(ids: Types.ObjectId[]): Promise<ServiceSource[]> {
  const found = await inBatches(hexes(ids), (batch) =>
    ServiceModel.find({ _id: { $in: batch }, archivedAt: null }).lean<ServiceSource[]>(),
  );
  const byId = new Map(found.map((s) => [s._id.toHexString(), s]));
  return hexes(ids).flatMap((id) => byId.get(id) ?? []);
}
