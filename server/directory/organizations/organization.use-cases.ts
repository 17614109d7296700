import { hasReferralReceivers } from '../../accounts/referral-receivers.js';
import type { Types } from 'mongoose';
import { z } from 'zod';
import { can, canEverywhere, type SessionUser } from '../../accounts/permissions.js';
import { badRequest, HttpProblem } from '../../platform/http/problem.js';
import { findContacts, findLocations, findServices, runOrganizationPlan } from '../catalog/queries.js';
import { ContactModel } from '../contacts/contact.model.js';
import { contactBrief, liveContacts } from '../contacts/contact.data.js';
import { locationsOfOrganization } from '../locations/location.data.js';
import { LocationModel } from '../locations/location.model.js';
import { locationBrief, visibleLocations } from '../locations/location.view.js';
import { publicPlaceExposure } from '../locations/place-exposure.js';
import { ArchivedParam } from '../../contract/directory/records/archived.js';
import { fieldsQuery, PageQuery, pickFields, withArchivedAt, type Page } from '../records/list.js';
import { findByIds, idOf, toObjectId } from '../records/record.js';
import type { Viewer } from '../records/viewer.js';
import { rejectionView, unverifiedChangeView, verificationView } from '../records/verification.js';
import { iso, phones, translated } from '../../contract/directory/records/view-schemas.js';
import { organizationSearch, OrganizationFilterParams } from '../search/organization-query.js';
import { rankedPage, SortParam } from '../search/ranked-page.js';
import { searchFields } from '../search-fields.js';
import { servicesOfOrganization } from '../services/service.data.js';
import { refreshServices } from '../services/service.derived.js';
import { ServiceModel } from '../services/service.model.js';
import { serviceSummary } from '../services/service.view.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.data.js';
import type { OrganizationRecord } from './organization.data.js';
import { OrganizationModel } from './organization.model.js';
import {
  ORGANIZATION_SUMMARY_FIELDS,
  type OrganizationCreate,
  type OrganizationDetail,
  type OrganizationSummary,
  type OrganizationUpdate,
} from '../../contract/directory/organizations/organization.schemas.js';

export const OrganizationListQuery = z
  .strictObject({
    ...OrganizationFilterParams,
    ...PageQuery,
    sort: SortParam.exclude(['distance']).optional(),
    fields: fieldsQuery(ORGANIZATION_SUMMARY_FIELDS),
    archived: ArchivedParam,
  });
export type OrganizationListQuery = z.infer<typeof OrganizationListQuery>;

export function organizationSummary(o: OrganizationRecord): OrganizationSummary {
  return {
    id: idOf(o),
    name: translated(o.name),
    alternateName: o.alternateName ?? null,
    description: translated(o.description),
    type: o.type,
    governorates: o.governorates ?? [],
    languages: o.languages ?? [],
    acceptsReferrals: o.acceptsReferrals ?? false,
    acceptsReferralsOnPlatform: (o.acceptsReferrals ?? false) && hasReferralReceivers(o._id),
    website: o.website ?? null,
    email: o.email ?? null,
    phones: phones(o.phones),
    lastVerifiedAt: iso(o.lastVerifiedAt),
    verification: verificationView(o),
  };
}

/** Search the organisations: filters, then text relevance (names first) or the asked order, one page. */
export async function listOrganizations(query: OrganizationListQuery): Promise<Page<Partial<OrganizationSummary>>> {
  const { plan, terms } = await organizationSearch(query, await loadTaxonomy(), query.archived);
  const sort = query.sort ?? (terms.length ? 'relevance' : 'name');
  const { ids, total } = rankedPage(await runOrganizationPlan(plan), { sort, page: query.page, perPage: query.perPage, terms });
  const rows = await findByIds(OrganizationModel, ids);
  const byId = new Map(rows.map((r) => [idOf(r), r]));
  const items = ids
    .map((id) => byId.get(id.toHexString()))
    .filter((r): r is OrganizationRecord => Boolean(r))
    .map((r) => withArchivedAt(pickFields(organizationSummary(r), query.fields), r, query.archived));
  return { items, total, page: query.page, perPage: query.perPage };
}

/** The organisation page: its live services (public view), contacts, and the locations this viewer may see. */
export async function organizationDetail(o: OrganizationRecord, viewer: Viewer): Promise<OrganizationDetail> {
  const [services, contacts, locations] = await Promise.all([
    servicesOfOrganization(o._id),
    liveContacts({ organizationId: o._id }),
    locationsOfOrganization(o._id),
  ]);
  const summary = organizationSummary(o);
  const ref = { id: summary.id, name: o.name, type: o.type };
  const visible = await visibleLocations(locations, viewer);
  const exposure = await publicPlaceExposure();
  const headOffice = o.headOfficeLocationId?.toHexString() ?? null;
  // A confidential head office (a shelter) stays hidden from those who may not see the place itself.
  const headOfficeShown = can(viewer.user, 'organization:update', summary.id) || visible.some((l) => idOf(l) === headOffice);
  return {
    ...summary,
    // The organisation page has always said whether it is archived (only its editors reach an archived one).
    archivedAt: iso(o.archivedAt),
    headOfficeGovernorate: o.headOfficeGovernorate ?? null,
    headOfficeLocationId: headOfficeShown ? headOffice : null,
    yearIncorporated: o.yearIncorporated ?? null,
    legalStatus: o.legalStatus ?? null,
    services: services.map((s) => serviceSummary(s, ref, exposure, viewer)),
    contacts: contacts.map(contactBrief),
    locations: visible.map(locationBrief),
    unverifiedChange: unverifiedChangeView(o),
    ...(can(viewer.user, 'organization:update', summary.id) ? { rejection: rejectionView(o) } : {}),
    version: o.version,
  };
}

const sameName = (a: Record<string, string | undefined>, b: Record<string, string | undefined>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].every((language) => (a[language] ?? '') === (b[language] ?? ''));

/**
 * The name and the type of an existing organisation change only by a platform admin: the type
 * decides who may hold the government-liaison role, and both are what verification vouches for.
 * Sending them unchanged (a whole form) is fine.
 */
function assertMayChangeNameAndType(input: OrganizationUpdate, existing: OrganizationRecord, user: SessionUser): void {
  if (canEverywhere(user, 'organization:name-and-type')) return;
  const changed = [
    ...(input.type !== undefined && input.type !== existing.type ? ['type'] : []),
    ...(input.name !== undefined && !sameName(input.name, (existing.name ?? {}) as Record<string, string>) ? ['name'] : []),
  ];
  if (!changed.length) return;
  throw new HttpProblem(403, 'nameTypeByPlatformAdmin', {
    type: '/problems/name-and-type-by-platform-admin',
    errors: changed.map((field) => ({ field: `body.${field}`, message: 'byPlatformAdminOnly' })),
  });
}

/**
 * Stored fields for new or changed content: search fields and head office (verification:
 * records/verification.ts). Refuses a change of name or type by anybody but a platform admin.
 */
export async function organizationToStored(
  input: OrganizationCreate | OrganizationUpdate,
  existing: OrganizationRecord | null,
  user: SessionUser,
): Promise<Record<string, unknown>> {
  if (existing) assertMayChangeNameAndType(input, existing, user);
  const merged = { ...existing, ...input };
  const set: Record<string, unknown> = {
    ...input,
    search: searchFields({
      name: merged.name ?? {},
      alternateName: merged.alternateName,
      description: merged.description,
      extra: merged.type ? [merged.type.replace(/-/g, ' ')] : [],
    }),
  };
  if (input.headOfficeLocationId !== undefined) set.headOfficeGovernorate = await headOfficeGovernorate(input.headOfficeLocationId, existing);
  return set;
}

async function headOfficeGovernorate(locationId: string | null, existing: OrganizationRecord | null): Promise<string | null> {
  if (!locationId) return null;
  const location = await LocationModel.findOne({ _id: toObjectId(locationId), archivedAt: null }, { organizationId: 1, 'address.governorate': 1 }).lean<{
    organizationId: Types.ObjectId;
    address?: { governorate?: string | null } | null;
  }>();
  if (!location || !existing || !location.organizationId.equals(existing._id)) {
    throw badRequest('headOfficeOwnLocation', [
      { field: 'body.headOfficeLocationId', message: 'notOwnLocation' },
    ]);
  }
  return location.address?.governorate ?? null;
}

const COPIED_TO_SERVICES = ['name', 'alternateName', 'type', 'acceptsReferrals'] as const;
const DEPENDENTS = [
  { model: ServiceModel, find: findServices },
  { model: LocationModel, find: findLocations },
  { model: ContactModel, find: findContacts },
] as const;

/**
 * Moves the organisation's records archived at `from` (null: live ones) to `to`. The catalog names
 * them (a query by organisation would scan each collection on the embedded database); each is then
 * written by _id, and the write publishes exactly those ids.
 */
async function setDependentsArchivedAt(organizationId: Types.ObjectId, from: Date | null, to: Date | null): Promise<void> {
  for (const { model, find } of DEPENDENTS) {
    const ids = (await find({ organizationId, archivedAt: from })).map((r) => r._id);
    if (!ids.length) continue;
    await (model as unknown as typeof ServiceModel).bulkWrite(
      ids.map((_id) => ({ updateOne: { filter: { _id }, update: { $set: { archivedAt: to }, $inc: { version: 1 } } } })),
      { ordered: false },
    );
  }
}

/**
 * Keeps the rest of the directory in step: services copy the organisation's name and type; archiving
 * an organisation archives its live services, locations and contacts with the same timestamp, and
 * restoring it brings back exactly those (not the ones archived on their own before).
 */
export async function organizationChanged(change: { kind: string; before: OrganizationRecord | null; after: OrganizationRecord }): Promise<void> {
  const { kind, before, after } = change;
  if (kind === 'archive' && after.archivedAt) {
    await setDependentsArchivedAt(after._id, null, after.archivedAt);
  } else if (kind === 'restore' && before?.archivedAt) {
    await setDependentsArchivedAt(after._id, before.archivedAt, null);
  } else if ((kind === 'update' || kind === 'reject') && COPIED_TO_SERVICES.some((f) => JSON.stringify(before?.[f]) !== JSON.stringify(after[f]))) {
    await refreshServices({ organizationId: after._id });
  }
}
