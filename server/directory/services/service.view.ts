import { hasReferralReceivers } from '../../accounts/referral-receivers.js';
import type { PlaceExposure } from '../locations/place-exposure.js';
import type { OrganizationRef } from '../organizations/organization.data.js';
import { idOf } from '../records/record.js';
import { unverifiedChangeView } from '../records/verification.js';
import { iso, phones, translated } from '../../contract/directory/records/view-schemas.js';
import type { ServiceRecord } from './service.data.js';
import type { CapacityReader } from '../records/viewer.js';
import { capacityView } from './service.capacity.js';
import type { CapacityView, ContactBrief, LocationBrief, ServiceDetail, ServiceSummary } from '../../contract/directory/services/service.schemas.js';

const withCapacity = (capacity: CapacityView[] | undefined) => (capacity ? { capacity } : {});

const missingOrganization = (id: string): OrganizationRef => ({ id, name: {}, type: null });

/**
 * THE public face of a service, used by every endpoint that returns services (lists, search, detail,
 * organisation pages): its point is the one the place exposure decides now, never the stored one.
 */
export function serviceSummary(
  s: ServiceRecord,
  organization: OrganizationRef | undefined,
  exposure: PlaceExposure,
  reader: CapacityReader,
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
    acceptsReferrals: (s.acceptsReferrals ?? false) && hasReferralReceivers(organizationId),
    lastVerifiedAt: iso(s.lastVerifiedAt),
    point: exposure.servicePoint(s),
    ...withCapacity(capacityView(s, reader)),
    ...(distanceKm === undefined ? {} : { distanceKm }),
  };
}

/**
 * The full record. `locations` must already be the ones this viewer may see (visibleLocations()):
 * the detail adds no place of its own.
 */
export function serviceDetail(
  s: ServiceRecord,
  ctx: { organization: OrganizationRef | undefined; exposure: PlaceExposure; reader: CapacityReader; locations: LocationBrief[]; contacts: ContactBrief[] },
): ServiceDetail {
  return {
    ...serviceSummary(s, ctx.organization, ctx.exposure, ctx.reader),
    eligibility: translated(s.eligibility),
    applicationProcess: translated(s.applicationProcess),
    fees: translated(s.fees),
    free: s.free ?? true,
    ageMin: s.ageMin ?? null,
    ageMax: s.ageMax ?? null,
    genderRestriction: s.genderRestriction ?? 'any',
    requiredIdentification: s.requiredIdentification ?? 'none',
    responseCommitment: s.responseCommitment ?? null,
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
    unverifiedChange: unverifiedChangeView(s),
    version: s.version,
  };
}
