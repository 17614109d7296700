import type { Types } from 'mongoose';
import { publicPlaceExposure } from '../../directory/locations/place-exposure.js';
import {
  listContactPlan,
  listLocationPlan,
  listServices,
  locationsById,
  organizationsById,
  runOrganizationPlan,
  runServicePlan,
  servicesById,
} from '../../directory/catalog/queries.js';
import { sortedBy } from '../../directory/records/list.js';
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
 * confidential service. Records come from the catalog's compiled plans (current for the request),
 * so a listing, a search or an export scans no collection.
 */

const hexes = (ids: Iterable<Types.ObjectId>) => [...new Set([...ids].map((id) => id.toHexString()))];
const contactOrder = (contacts: ContactSource[]) => sortedBy(contacts, (c) => c.name);

export interface ServiceQuery {
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
}

/** Not archived (every stored record has `archivedAt`, null while it is live). */
const isLive = (record: object) => (record as { archivedAt?: Date | null }).archivedAt == null;
/** Every stored record has `updatedAt` (timestamps), a Date. */
const updatedAt = (record: object) => (record as { updatedAt?: unknown }).updatedAt;

const byName = <T extends { _id: Types.ObjectId; search: { sortName: string } }>(records: T[]) => sortedBy(records, (r) => r.search.sortName);

/** Live organisations, by name; with a search, those with a word starting with each of its words (as the catalog matches them). */
export async function publicOrganizations(search?: string): Promise<OrganizationSource[]> {
  const words = (search === undefined ? [] : queryTerms(search)).map((text) => ({ text, alternatives: [] }));
  return byName(await runOrganizationPlan({ anyOf: {}, archived: 'exclude', words }));
}

/**
 * Services are searched as `/api/v1/services?q=` searches them (service-query.ts): words naming a
 * place, need or population are read as that filter, the rest as text. Every status stays in reach,
 * as HSDS lists services of every status: the search only narrows. The ids it finds, or undefined without a search.
 */
async function searchedServices(search: string | undefined): Promise<Set<string> | undefined> {
  if (search === undefined || !queryTerms(search).length) return undefined;
  const { plan } = servicePlan({ q: search, status: [...SERVICE_STATUSES] }, await loadTaxonomy());
  const found = await runServicePlan(plan, planContext(await publicPlaceExposure()));
  return new Set(found.services.map((s) => s._id.toHexString()));
}

/** Live services of live organisations matching the query, by name: two compiled plans (the query's codes; its search) and the few checks left. */
export async function publicServices(q: ServiceQuery): Promise<ServiceSource[]> {
  if (q.taxonomyId && q.taxonomyId !== taxonomyUuid(TAXONOMY.id)) return [];
  const organizationId = q.organizationId === undefined ? undefined : recordObjectId(q.organizationId);
  // An id that cannot exist matches nothing (no 400: HSDS filters narrow results).
  if (q.organizationId !== undefined && !organizationId) return [];
  const archivedOrgs = new Set((await runOrganizationPlan({ anyOf: {}, archived: 'only', words: [] })).map((o) => o._id.toHexString()));
  if (organizationId && archivedOrgs.has(organizationId.toHexString())) return [];
  let categories: string[] | undefined;
  if (q.taxonomyTermId) {
    const taxonomy = await loadTaxonomy();
    const term = taxonomy.terms.find((t) => termUuid(t.code) === q.taxonomyTermId);
    if (!term) return [];
    // A group stands for its categories: services are tagged with categories only.
    categories = taxonomy.withChildren([term.code]);
  }
  const [searched, services] = await Promise.all([
    searchedServices(q.search),
    listServices({ anyOf: { ...(organizationId ? { organizationId: [organizationId.toHexString()] } : {}), ...(categories ? { categories } : {}) }, archived: 'exclude' }),
  ]);
  const since = q.modifiedAfter?.getTime();
  return byName(
    services.filter(
      (s) =>
        !archivedOrgs.has(s.organizationId.toHexString()) &&
        (!searched || searched.has(s._id.toHexString())) &&
        (since === undefined || (updatedAt(s) instanceof Date && (updatedAt(s) as Date).getTime() >= since)),
    ),
  );
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
 * Whether a location may be published: not archived, not confidential itself, and not used by any
 * confidential service (such a place is as secret as the service, whatever its own flag says).
 */
async function publicPlace(): Promise<(l: LocationSource) => boolean> {
  const secret = new Set((await publicPlaceExposure()).hiddenPlaceIds.map(String));
  return (l) => isLive(l) && l.confidential !== true && !secret.has(l._id.toHexString());
}

/** Public locations among `ids`. */
export async function publicLocations(ids: Iterable<Types.ObjectId>): Promise<Map<string, LocationSource>> {
  const isPublic = await publicPlace();
  const found = await locationsById(hexes(ids));
  return new Map([...found].filter(([, l]) => isPublic(l)));
}

/** The public locations of some organisations. */
export async function locationsOfOrganizations(ids: Types.ObjectId[]): Promise<LocationSource[]> {
  const isPublic = await publicPlace();
  return sortedBy((await listLocationPlan({ anyOf: { organizationId: hexes(ids) }, archived: 'exclude' })).filter(isPublic));
}

/** Organisation-level contacts (not a service's) of some organisations, in name order. */
export async function contactsOfOrganizations(ids: Types.ObjectId[]): Promise<ContactSource[]> {
  return contactOrder((await listContactPlan({ anyOf: { organizationId: hexes(ids) }, archived: 'exclude' })).filter((c) => c.serviceId == null));
}

/** Everything the mappers need for these services, in a handful of batched queries. */
export async function contextFor(
  lang: Language,
  services: ServiceSource[],
  options: { contacts: boolean; organizations?: OrganizationSource[] } = { contacts: false },
): Promise<HsdsContext> {
  const given = new Map((options.organizations ?? []).map((o) => [o._id.toHexString(), o]));
  const missing = hexes(services.map((s) => s.organizationId)).filter((id) => !given.has(id));
  for (const [id, o] of await organizationsById(missing)) if (isLive(o)) given.set(id, o);
  const locationIds = [
    ...services.filter((s) => !s.confidential).flatMap((s) => s.locationIds ?? []),
    ...[...given.values()].flatMap((o) => (o.headOfficeLocationId ? [o.headOfficeLocationId] : [])),
  ];
  const serviceContacts = new Map<string, ContactSource[]>();
  if (options.contacts) {
    const contacts = contactOrder(await listContactPlan({ anyOf: { serviceId: hexes(services.map((s) => s._id)) }, archived: 'exclude' }));
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
    listServices({ anyOf: { organizationId: [org._id.toHexString()] }, archived: 'exclude' }),
  ]);
  return { locations, contacts, services: byName(services) };
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
  const services = (await publicServices(q)).filter((s) => s.confidential !== true && (s.locationIds?.length ?? 0) > 0);
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
    return service && isLive(service) ? [service] : [];
  });
}
