import { bundledGovernorates } from '../governorates/governorate-data.js';
import type { OrganizationRef } from '../organizations/organization.data.js';
import { idOf } from '../records/record.js';
import { iso, phones, translated } from '../records/view-schemas.js';
import type { ServiceRecord } from './service.data.js';
import type { ContactBrief, LocationBrief, PointView, ServiceDetail, ServiceSummary } from './service.schemas.js';

/** The capital of a governorate: where services without a public address are drawn and measured from. */
export function governoratePoint(code: string | null | undefined): PointView | null {
  const g = code ? bundledGovernorates().find((x) => x.code === code) : undefined;
  return g ? { lat: g.lat, lng: g.lng, precision: 'governorate' } : null;
}

const capitals = () => new Set(bundledGovernorates().map((g) => `${g.lat},${g.lng}`));
let capitalKeys: Set<string> | undefined;

type PointSource = Pick<ServiceRecord, 'confidential' | 'point' | 'governorates'>;

/**
 * The only coordinates of a service that may leave the server for anyone: the stored point, except
 * that a confidential service is always at a governorate capital — even if a stored point said
 * otherwise (e.g. imported data), it is replaced here, for lists, detail, distance and the map alike.
 */
export function publicPoint(s: PointSource): PointView | null {
  const p = s.point;
  const stored = p && p.lat != null && p.lng != null ? { lat: p.lat, lng: p.lng } : null;
  if (!s.confidential) return stored ? { ...stored, precision: p?.precision === 'governorate' ? 'governorate' : 'exact' } : null;
  capitalKeys ??= capitals();
  if (stored && p?.precision === 'governorate' && capitalKeys.has(`${stored.lat},${stored.lng}`)) {
    return { ...stored, precision: 'governorate' };
  }
  return governoratePoint(s.governorates?.[0]);
}

const missingOrganization = (id: string): OrganizationRef => ({ id, name: {}, type: null });

/**
 * THE public face of a service, used by every endpoint that returns services (lists, search, detail,
 * organisation pages): nothing about where a confidential service is goes beyond publicPoint().
 */
export function serviceSummary(s: ServiceRecord, organization: OrganizationRef | undefined, distanceKm?: number): ServiceSummary {
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
    point: publicPoint(s),
    ...(distanceKm === undefined ? {} : { distanceKm }),
  };
}

/**
 * The full record. `locations` must already be the ones this viewer may see (visibleLocations()):
 * the detail adds no place of its own.
 */
export function serviceDetail(
  s: ServiceRecord,
  ctx: { organization: OrganizationRef | undefined; locations: LocationBrief[]; contacts: ContactBrief[] },
): ServiceDetail {
  return {
    ...serviceSummary(s, ctx.organization),
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
