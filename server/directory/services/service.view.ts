import type { PlaceExposure } from '../locations/place-exposure.js';
import type { OrganizationRef } from '../organizations/organization.data.js';
import { idOf } from '../records/record.js';
import { iso, phones, translated } from '../records/view-schemas.js';
import type { ServiceRecord } from './service.data.js';
import type { ContactBrief, LocationBrief, ServiceDetail, ServiceSummary } from './service.schemas.js';

const missingOrganization = (id: string): OrganizationRef => ({ id, name: {}, type: null });

/**
 * THE public face of a service, used by every endpoint that returns services (lists, search, detail,
 * organisation pages): its point is the one the place exposure decides now, never the stored one.
 */
export function serviceSummary(
  s: ServiceRecord,
  organization: OrganizationRef | undefined,
  exposure: PlaceExposure,
  distanceKm?: number,
): ServiceSummary {
  const organizationId = s.organizationId.toHexString();
  const org = organization ?? missingOrganization(organizationId);
  return {
    id: idOf(s),
    name: translated(s.name),
    description: translated(s.description),
    organization: { id: org.id, name: translated(org.name), type: org.type },
    categories: s.categories ?? [],
    populations: s.populations ?? [],
    languages: s.languages ?? [],
    governorates: s.governorates ?? [],
    status: s.status,
    confidential: s.confidential ?? false,
    acceptsReferrals: s.acceptsReferrals ?? false,
    lastVerifiedAt: iso(s.lastVerifiedAt),
    point: exposure.servicePoint(s),
    ...(distanceKm === undefined ? {} : { distanceKm }),
  };
}

/**
 * The full record. `locations` must already be the ones this viewer may see (visibleLocations()):
 * the detail adds no place of its own.
 */
export function serviceDetail(
  s: ServiceRecord,
  ctx: { organization: OrganizationRef | undefined; exposure: PlaceExposure; locations: LocationBrief[]; contacts: ContactBrief[] },
): ServiceDetail {
  return {
    ...serviceSummary(s, ctx.organization, ctx.exposure),
    eligibility: translated(s.eligibility),
    applicationProcess: translated(s.applicationProcess),
    fees: translated(s.fees),
    free: s.free ?? true,
    ageMin: s.ageMin ?? null,
    ageMax: s.ageMax ?? null,
    genderRestriction: s.genderRestriction ?? 'any',
    schedules: (s.schedules ?? []).map((sc) => ({
      byDay: (sc.byDay ?? []) as ServiceDetail['schedules'][number]['byDay'],
      opensAt: sc.opensAt ?? null,
      closesAt: sc.closesAt ?? null,
      description: translated(sc.description),
    })),
    url: s.url ?? null,
    email: s.email ?? null,
    phones: phones(s.phones),
    locations: ctx.locations,
    contacts: ctx.contacts,
    version: s.version,
  };
}
