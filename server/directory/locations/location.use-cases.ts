import { Types, type FilterQuery } from 'mongoose';
import { z } from 'zod';
import { multiValue } from '../../contract/query-params.js';
import { badRequest, notFound, type FieldProblem } from '../../platform/http/problem.js';
import { LanguageSchema } from '../../platform/text/translated.js';
import { findOrganization } from '../organizations/organization.data.js';
import { archivedCondition } from '../../contract/directory/records/archived.js';
import { OrganizationArchivedQuery, PageQuery, skipOf, withArchivedAt, type Page } from '../records/list.js';
import { ObjectIdSchema, toObjectId } from '../records/record.js';
import type { Viewer } from '../records/viewer.js';
import { refreshServices } from '../services/service.derived.js';
import { GovernorateInput } from '../governorates/governorate-input.js';
import { governorateAt, pointInGovernorate } from '../governorates/governorate-area.js';
import { bundledGovernorates } from '../governorates/governorate-data.js';
import type { LocationRecord } from './location.data.js';
import { LocationModel, type LocationDoc } from './location.model.js';
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

/** The database side of visibleLocations(): what a viewer may list, so pages and totals are right. */
async function visibleToViewer(viewer: Viewer): Promise<FilterQuery<LocationDoc>> {
  if (viewer.readsAllConfidential) return {};
  const publicOnly = { confidential: { $ne: true }, _id: { $nin: (await publicPlaceExposure()).hiddenPlaceIds } };
  const own = viewer.user?.organizationId;
  return own && viewer.mayReadConfidential(own) ? { $or: [publicOnly, { organizationId: new Types.ObjectId(own) }] } : publicOnly;
}

export async function listLocations(query: LocationListQuery, viewer: Viewer): Promise<Page<LocationView & { archivedAt?: string | null }>> {
  const and: FilterQuery<LocationDoc>[] = [archivedCondition(query.archived), await visibleToViewer(viewer)];
  if (query.organization?.length) and.push({ organizationId: { $in: query.organization.map((id) => new Types.ObjectId(id)) } });
  if (query.governorate?.length) and.push({ 'address.governorate': { $in: query.governorate } });
  const filter = { $and: and };
  const [rows, total] = await Promise.all([
    LocationModel.find(filter).sort({ 'name.en': 1, _id: 1 }).skip(skipOf(query)).limit(query.perPage).lean<LocationRecord[]>(),
    LocationModel.countDocuments(filter),
  ]);
  return { items: rows.map((l) => withArchivedAt(locationView(l), l, query.archived)), total, page: query.page, perPage: query.perPage };
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
