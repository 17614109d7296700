import type { Types } from 'mongoose';
import { z } from 'zod';
import { can } from '../../accounts/permissions.js';
import { badRequest, forbidden, type FieldProblem } from '../../platform/http/problem.js';
import { contactBrief, liveContacts } from '../contacts/contact.data.js';
import { livePlaces, locationsByIds } from '../locations/location.data.js';
import { locationBrief, visibleLocations } from '../locations/location.view.js';
import { holdPlacesSecret, publicPlaceExposure } from '../locations/place-exposure.js';
import { findOrganization, organizationRefs } from '../organizations/organization.data.js';
import { fieldsQuery, OrganizationArchivedQuery, PageQuery, pickFields, withArchivedAt, type Page } from '../records/list.js';
import { toObjectId } from '../records/record.js';
import { rejectionView, VerificationFilterParam, verificationView } from '../records/verification.js';
import type { Viewer } from '../records/viewer.js';
import { rankedPage, SortParam, understoodFilters } from '../search/ranked-page.js';
import { planContext } from '../search/near.js';
import { needsNearFor, ServiceFilterParams, servicePlan } from '../search/service-query.js';
import { withFreeCapacity } from './service.capacity.js';
import type { CorrectedWord, Understood } from '../../contract/directory/search/understood.schemas.js';
import { runServicePlan } from '../catalog/queries.js';
import { queryTerms } from '../../platform/text/normalize.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.data.js';
import { servicesInOrder, type ServiceRecord } from './service.data.js';
import { derivedServiceFields, refreshServices } from './service.derived.js';
import {
  SERVICE_SUMMARY_FIELDS,
  type ServiceCreate,
  type ServiceDetail,
  type ServiceSummary,
  type ServiceUpdate,
} from '../../contract/directory/services/service.schemas.js';
import { serviceDetail, serviceSummary } from './service.view.js';

export const ServiceListQuery = z
  .strictObject({
    ...ServiceFilterParams,
    ...PageQuery,
    /** Default: relevance with `q`, distance with `near`, else name. */
    sort: SortParam.optional(),
    fields: fieldsQuery(SERVICE_SUMMARY_FIELDS),
    /** Platform admins only. */
    verification: VerificationFilterParam,
    ...OrganizationArchivedQuery,
  })
  .superRefine(needsNearFor('sort', 'radiusKm'));
export type ServiceListQuery = z.infer<typeof ServiceListQuery>;

/** Verification is for those who verify: others neither see it nor filter by it. */
const mayVerify = (viewer: Viewer) => can(viewer.user, 'organization:verify', null);

function withVerification<S extends Partial<ServiceSummary>>(summary: S, service: ServiceRecord, viewer: Viewer): S {
  return mayVerify(viewer) ? { ...summary, verification: verificationView(service) } : summary;
}

/** Search the services: filters, text, distance; one page of summaries (public, plus verification for admins). */
export async function searchServices(
  query: ServiceListQuery,
  viewer: Viewer,
): Promise<Page<Partial<ServiceSummary> & { archivedAt?: string | null }> & { understood: Understood[]; corrected: CorrectedWord[] }> {
  const [exposure, taxonomy] = await Promise.all([publicPlaceExposure(), loadTaxonomy()]);
  const { plan, understood } = servicePlan(query, taxonomy);
  withFreeCapacity(plan, query, viewer);
  if (query.verification?.length) {
    if (!mayVerify(viewer)) throw forbidden('verificationFilterAdmins');
    plan.anyOf['verification.status'] = [...query.verification];
  }
  const found = await runServicePlan(plan, planContext(exposure));
  const corrected = found.corrections ?? [];
  // Ranking weighs every typed word (a typo as read), the understood ones too, and whether the understood filters are the service's own.
  const terms = (query.q ? queryTerms(query.q) : []).map((term) => corrected.find((c) => c.word === term)?.correctedTo ?? term);

  const sort = query.sort ?? (plan.near ? 'distance' : terms.length ? 'relevance' : 'name');
  const { ids, total, distances } = rankedPage(found.services, {
    sort,
    page: query.page,
    perPage: query.perPage,
    terms,
    understood: understoodFilters(understood, taxonomy),
    ...(found.distances ? { distances: found.distances } : {}),
  });
  const services = await servicesInOrder(ids);
  const organizations = await organizationRefs(services.map((s) => s.organizationId));
  const items = services.map((s) =>
    withArchivedAt(
      pickFields(
        withVerification(
          serviceSummary(s, organizations.get(s.organizationId.toHexString()), exposure, viewer, distances.get(s._id.toHexString())),
          s,
          viewer,
        ),
        query.fields,
      ),
      s,
      query.archived,
    ),
  );
  return { items, total, page: query.page, perPage: query.perPage, understood, corrected };
}

/** Whom to contact about a service: its own contacts, or else its organisation's referral focal points. */
async function contactsFor(service: ServiceRecord) {
  const own = await liveContacts({ serviceId: service._id });
  if (own.length) return own;
  return (await liveContacts({ organizationId: service.organizationId })).filter((c) => c.referralFocalPoint);
}

/** The service page: the public view plus the locations this viewer may see and the contacts. */
export async function presentService(service: ServiceRecord, viewer: Viewer): Promise<ServiceDetail> {
  const [organizations, locations, contacts, exposure] = await Promise.all([
    organizationRefs([service.organizationId]),
    livePlaces(service.locationIds ?? []),
    contactsFor(service),
    publicPlaceExposure(),
  ]);
  const order = new Map((service.locationIds ?? []).map((id, i) => [id.toHexString(), i]));
  const inOrder = [...locations].sort((a, b) => (order.get(a._id.toHexString()) ?? 0) - (order.get(b._id.toHexString()) ?? 0));
  const detail = serviceDetail(service, {
    organization: organizations.get(service.organizationId.toHexString()),
    exposure,
    reader: viewer,
    locations: (await visibleLocations(inOrder, viewer)).map(locationBrief),
    contacts: contacts.map(contactBrief),
  });
  const rejection = can(viewer.user, 'service:write', service.organizationId.toHexString()) ? { rejection: rejectionView(service) } : {};
  return withVerification({ ...detail, ...rejection }, service, viewer);
}

/**
 * Stored fields for new or changed content. References must hold (a live organisation, live
 * categories, the organisation's own live locations); the service area defaults to the locations'
 * governorates; denormalised fields are recomputed from the result.
 */
export async function serviceToStored(input: ServiceCreate | ServiceUpdate, existing: ServiceRecord | null): Promise<Record<string, unknown>> {
  const organizationId = existing?.organizationId ?? toObjectId((input as ServiceCreate).organizationId)!;
  const merged = {
    categories: existing?.categories ?? [],
    locationIds: existing?.locationIds.map(String) ?? [],
    governorates: existing?.governorates ?? [],
    confidential: existing?.confidential ?? false,
    ageMin: existing?.ageMin ?? null,
    ageMax: existing?.ageMax ?? null,
    name: existing?.name ?? {},
    description: existing?.description ?? {},
    ...input,
  };
  const problems: FieldProblem[] = [];
  const [organization, taxonomy, locations] = await Promise.all([
    findOrganization(organizationId),
    loadTaxonomy(),
    locationsByIds(merged.locationIds.map((id) => toObjectId(id)!)),
  ]);
  if (!organization || organization.archivedAt) problems.push({ field: 'body.organizationId', message: 'noSuchOrganisation' });
  for (const code of input.categories ?? []) {
    const term = taxonomy.get(code);
    if (!term || term.parent === null) problems.push({ field: 'body.categories', message: { key: 'notCategory', params: { code } } });
  }
  const own = new Set(locations.filter((l) => l.organizationId.equals(organizationId)).map((l) => l._id.toHexString()));
  if (input.locationIds?.some((id) => !own.has(id.toLowerCase()))) {
    problems.push({ field: 'body.locationIds', message: 'liveLocationsOfOrganisation' });
  }
  const governorates = merged.governorates.length
    ? merged.governorates
    : [...new Set(locations.map((l) => l.address?.governorate).filter((g): g is string => Boolean(g)))];
  if (!governorates.length) problems.push({ field: 'body.governorates', message: 'governoratesOrLocation' });
  if (merged.ageMin != null && merged.ageMax != null && merged.ageMin > merged.ageMax) {
    problems.push({ field: 'body.ageMin', message: 'ageMinAboveMax' });
  }
  if (problems.length) throw badRequest({ key: 'recordNotValid', params: { what: 'service' } }, problems);

  const locationIds: Types.ObjectId[] = merged.locationIds.map((id) => toObjectId(id)!);
  if (merged.confidential || existing?.confidential) await holdPlacesSecret([...(existing?.locationIds ?? []), ...locationIds]);
  const derived = await derivedServiceFields({ ...merged, organizationId, locationIds, governorates });
  return { ...input, ...(existing ? {} : { organizationId }), locationIds, governorates, ...derived };
}

/**
 * Services at the places of a service that is or was confidential are indexed at a governorate capital
 * while it uses them: re-derive their stored points (an index only; what the public sees is decided when read).
 */
export async function serviceChanged(change: { before: ServiceRecord | null; after: ServiceRecord }): Promise<void> {
  const { before, after } = change;
  const wasConfidential = Boolean(before?.confidential);
  const isConfidential = Boolean(after.confidential);
  const placesMoved = String(before?.locationIds ?? []) !== String(after.locationIds);
  if (!(wasConfidential || isConfidential) || (wasConfidential === isConfidential && !placesMoved)) return;
  const places = [...(before?.locationIds ?? []), ...after.locationIds];
  if (!places.length) return;
  await refreshServices({ _id: { $ne: after._id }, locationIds: { $in: places } });
}
