import type { FilterQuery } from 'mongoose';
import { allTexts } from '../../platform/text/translated.js';
import { findServices } from '../catalog/queries.js';
import { publicPlaceExposure, type PlaceExposure } from '../locations/place-exposure.js';
import { organizationsForServices, type OrganizationForServices } from '../organizations/organization.data.js';
import { searchFields, type SearchFields } from '../search-fields.js';
import { loadTaxonomy, type Taxonomy } from '../taxonomy/taxonomy.data.js';
import type { ServiceDoc } from './service.model.js';
import { ServiceModel } from './service.model.js';
import type { PointView } from '../../contract/directory/services/service.schemas.js';

/** The fields of a service that derived fields are computed from. */
export type ServiceSource = Pick<
  ServiceDoc,
  'organizationId' | 'name' | 'description' | 'categories' | 'governorates' | 'locationIds' | 'confidential'
>;

/**
 * Copied or computed from other records so that filters and search stay single-collection queries. `point`
 * is only an index (the near pre-filter): what the public sees is decided when it is read (place-exposure.ts).
 */
export interface DerivedServiceFields {
  organizationType: string | null;
  acceptsReferrals: boolean;
  point: { lat: number | null; lng: number | null; precision: PointView['precision'] };
  search: SearchFields;
}

interface Context {
  organizations: Map<string, OrganizationForServices>;
  exposure: PlaceExposure;
  taxonomy: Taxonomy;
}

function derive(service: ServiceSource, ctx: Context): DerivedServiceFields {
  const org = ctx.organizations.get(service.organizationId.toHexString());
  return {
    organizationType: org?.type ?? null,
    acceptsReferrals: org?.acceptsReferrals ?? false,
    point: ctx.exposure.servicePoint(service) ?? { lat: null, lng: null, precision: 'governorate' },
    // Location text is deliberately not searchable: it would let `q` find confidential places.
    search: searchFields({
      name: service.name,
      description: service.description,
      extra: [...allTexts(org?.name), ...(org?.alternateName ? [org.alternateName] : []), ...ctx.taxonomy.searchTexts(service.categories ?? [])],
    }),
  };
}

async function contextFor(services: readonly ServiceSource[]): Promise<Context> {
  const orgIds = [...new Map(services.map((s) => [s.organizationId.toHexString(), s.organizationId])).values()];
  const [organizations, exposure, taxonomy] = await Promise.all([organizationsForServices(orgIds), publicPlaceExposure(), loadTaxonomy()]);
  return {
    organizations: new Map(organizations.map((o) => [o._id.toHexString(), o])),
    exposure,
    taxonomy,
  };
}

export async function derivedServiceFields(service: ServiceSource): Promise<DerivedServiceFields> {
  return derive(service, await contextFor([service]));
}

const REFRESH_BATCH = 500;

/**
 * Recomputes the derived fields of the matching services after something they copy changed (an
 * organisation, a location, a category name). Not a content change: the version stays, so nobody's
 * open edit becomes stale because a category was renamed. The catalog (current as of this call)
 * names the services, so no collection is scanned; the write publishes exactly their ids.
 */
export async function refreshServices(filter: FilterQuery<ServiceDoc>): Promise<number> {
  const services = await findServices(filter);
  for (let i = 0; i < services.length; i += REFRESH_BATCH) {
    const batch = services.slice(i, i + REFRESH_BATCH);
    const ctx = await contextFor(batch);
    await ServiceModel.bulkWrite(
      batch.map((s) => ({ updateOne: { filter: { _id: s._id }, update: { $set: { ...derive(s, ctx) } } } })),
      { ordered: false },
    );
  }
  return services.length;
}
