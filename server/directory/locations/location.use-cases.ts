import { z } from 'zod';
import { multiValue } from '../../contract/query-params.js';
import { badRequest, notFound, type FieldProblem } from '../../platform/http/problem.js';
import { LanguageSchema } from '../../platform/text/translated.js';
import { findOrganization } from '../organizations/organization.data.js';
import { OrganizationArchivedQuery, PageQuery, skipOf, sortedBy, withArchivedAt, type Page } from '../records/list.js';
import { listLocationPlan } from '../catalog/queries.js';
import { ObjectIdSchema, toObjectId } from '../records/record.js';
import type { Viewer } from '../records/viewer.js';
import { refreshServices } from '../services/service.derived.js';
import { GovernorateInput } from '../governorates/governorate-input.js';
import { governorateAt, pointInGovernorate } from '../governorates/governorate-area.js';
import { bundledGovernorates } from '../governorates/governorate-data.js';
import type { LocationRecord } from './location.data.js';
import type { LocationCreate, LocationUpdate, LocationView } from '../../contract/directory/locations/location.schemas.js';
import { locationView, visibleLocations } from './location.view.js';
import { publicPlaceExposure } from './place-exposure.js';

export const LocationListQuery = z.strictObject({
  organization: multiValue(ObjectIdSchema).optional(),
  governorate: multiValue(GovernorateInput).optional(),
  lang: LanguageSchema.optional(),
  ...PageQuery,
  ...OrganizationArchivedQuery,
});
export type LocationListQuery = z.infer<typeof LocationListQuery>;

/** The list side of visibleLocations(): what a viewer may list, so pages and totals are right. */
async function visibleToViewer(viewer: Viewer): Promise<(l: LocationRecord) => boolean> {
  if (viewer.readsAllConfidential) return () => true;
  const exposure = await publicPlaceExposure();
  const hidden = new Set(exposure.hiddenPlaceIds.map(String));
  const own = viewer.user?.organizationId;
  const readsOwn = own && viewer.mayReadConfidential(own) ? own : undefined;
  return (l) => (l.confidential !== true && !hidden.has(l._id.toHexString())) || (readsOwn !== undefined && l.organizationId.toHexString() === readsOwn.toLowerCase());
}

/** A page of places, from the places' compiled read model (a query other than by _id would scan the collection). */
export async function listLocations(query: LocationListQuery, viewer: Viewer): Promise<Page<LocationView & { archivedAt?: string | null }>> {
  const anyOf = {
    ...(query.organization?.length ? { organizationId: query.organization.map((id) => id.toLowerCase()) } : {}),
    ...(query.governorate?.length ? { 'address.governorate': query.governorate } : {}),
  };
  const visible = await visibleToViewer(viewer);
  const found = (await listLocationPlan({ anyOf, archived: query.archived })) as LocationRecord[];
  const rows = sortedBy(found.filter(visible), (l) => l.name?.en ?? '');
  const items = rows.slice(skipOf(query), skipOf(query) + query.perPage);
  return { items: items.map((l) => withArchivedAt(locationView(l), l, query.archived)), total: rows.length, page: query.page, perPage: query.perPage };
}

/** One location — or, for a confidential one this viewer may not see, nothing at all. */
export async function presentLocation(location: LocationRecord, viewer: Viewer): Promise<LocationView> {
  const [visible] = await visibleLocations([location], viewer);
  if (!visible) throw notFound('location');
  return locationView(visible);
}

export async function locationToStored(input: LocationCreate | LocationUpdate, existing: LocationRecord | null): Promise<Record<string, unknown>> {
  const problems: FieldProblem[] = [];
  if (!existing) {
    const organization = await findOrganization(toObjectId((input as LocationCreate).organizationId)!);
    if (!organization || organization.archivedAt) problems.push({ field: 'body.organizationId', message: 'noSuchOrganisation' });
  }
  const lat = input.lat !== undefined ? input.lat : (existing?.lat ?? null);
  const lng = input.lng !== undefined ? input.lng : (existing?.lng ?? null);
  if ((lat === null) !== (lng === null)) problems.push({ field: 'body.lat', message: 'latLngTogether' });
  else if (lat !== null && lng !== null) {
    // One click on the map must not move a place abroad, or out of the governorate its address names.
    const code = input.address?.governorate ?? existing?.address?.governorate;
    const governorate = bundledGovernorates().find((g) => g.code === code);
    if (!governorateAt(lat, lng)) problems.push({ field: 'body.lat', message: 'pointOutsideIraq' });
    else if (governorate && !pointInGovernorate(governorate.code, lat, lng)) {
      problems.push({ field: 'body.lat', message: { key: 'pointOutsideGovernorate', params: { governorate: governorate.name } } });
    }
  }
  if (problems.length) throw badRequest({ key: 'recordNotValid', params: { what: 'location' } }, problems);
  return { ...input };
}

/** Services are drawn at their first location: keep their points in step with it. */
export async function locationChanged(change: { kind: string; after: LocationRecord }): Promise<void> {
  if (change.kind !== 'create') await refreshServices({ locationIds: change.after._id });
}
