import type { FilterQuery, Types } from 'mongoose';
import { publicPlaceExposure } from '../../directory/locations/place-exposure.js';
import { SEARCH_WORDS } from '../../directory/catalog/directory-catalog.js';
import { matchesFilter } from '../../directory/catalog/filter-match.js';
import {
  findContacts,
  findIn,
  findLocations,
  findOrganizations,
  findServices,
  locationsById,
  organizationsById,
  runServicePlan,
  servicesById,
} from '../../directory/catalog/queries.js';
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
 * confidential service. Related records come from the in-memory catalog (current for the request,
 * with the database's filter objects), so an export or a full listing scans no collection.
 */

export const SERVICE_SORT = { 'search.sortName': 1, _id: 1 } as const;
export const ORGANIZATION_SORT = { 'search.sortName': 1, _id: 1 } as const;

const hexes = (ids: Iterable<Types.ObjectId>) => [...new Set([...ids].map((id) => id.toHexString()))];

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** In the order the database sorts `{ ...: 1, _id: 1 }`: by the key's text, then by id. */
export const sortedBy = <T extends { _id: Types.ObjectId }>(records: T[], key: (record: T) => string = () => ''): T[] =>
  records.sort((a, b) => compareText(key(a), key(b)) || compareText(a._id.toHexString(), b._id.toHexString()));
const contactOrder = (contacts: ContactSource[]) => sortedBy(contacts, (c) => c.name);

export interface ServiceQuery {
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
}

/** Not archived (every stored record has `archivedAt`, null while it is live). */
const LIVE = { archivedAt: null };

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
  const archivedOrgs = await findOrganizations({ archivedAt: { $ne: null } });
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
  const found = await locationsById(hexes(ids));
  return new Map([...found].filter(([, l]) => matchesFilter(l, filter)));
}

/** The public locations of some organisations. */
export async function locationsOfOrganizations(ids: Types.ObjectId[]): Promise<LocationSource[]> {
  return sortedBy(await findLocations({ ...(await publicLocationFilter()), organizationId: { $in: ids } }));
}

/** Organisation-level contacts (not a service's) of some organisations, in name order. */
export async function contactsOfOrganizations(ids: Types.ObjectId[]): Promise<ContactSource[]> {
  return contactOrder(await findContacts({ organizationId: { $in: ids }, serviceId: null, archivedAt: null }));
}

/** Everything the mappers need for these services, in a handful of batched queries. */
export async function contextFor(
  lang: Language,
  services: ServiceSource[],
  options: { contacts: boolean; organizations?: OrganizationSource[] } = { contacts: false },
): Promise<HsdsContext> {
  const given = new Map((options.organizations ?? []).map((o) => [o._id.toHexString(), o]));
  const missing = hexes(services.map((s) => s.organizationId)).filter((id) => !given.has(id));
  for (const [id, o] of await organizationsById(missing)) if (matchesFilter(o, LIVE)) given.set(id, o);
  const locationIds = [
    ...services.filter((s) => !s.confidential).flatMap((s) => s.locationIds ?? []),
    ...[...given.values()].flatMap((o) => (o.headOfficeLocationId ? [o.headOfficeLocationId] : [])),
  ];
  const serviceContacts = new Map<string, ContactSource[]>();
  if (options.contacts) {
    const contacts = contactOrder(await findContacts({ serviceId: { $in: services.map((s) => s._id) }, archivedAt: null }));
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
    contactsOfOrganizations([org._id]),
    findServices({ organizationId: org._id, archivedAt: null }),
  ]);
  return { locations, contacts, services: sortedBy(services, (s) => s.search.sortName) };
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
  const services = sortedBy(
    await findServices({ ...filter, confidential: { $ne: true }, 'locationIds.0': { $exists: true } }),
    (s) => s.search.sortName,
  );
  const visible = await publicLocations(services.flatMap((s) => s.locationIds ?? []));
  return services.flatMap((s) =>
    (s.locationIds ?? []).filter((id) => visible.has(id.toHexString())).map((locationId) => ({ serviceId: s._id, locationId })),
  );
}

/** Services by id (public filter applied), keeping the order of `ids`. */
export async function servicesByIds(ids: Types.ObjectId[]): Promise<ServiceSource[]> {
  const byId = await servicesById(hexes(ids));
  return hexes(ids).flatMap((id) => {
    const service = byId.get(id);
    return service && matchesFilter(service, LIVE) ? [service] : [];
  });
}
