import { Types, type FilterQuery } from 'mongoose';
import { SEARCH_WORDS } from '../catalog/directory-catalog.js';
import { archivedCondition, type ArchivedChoice } from '../../contract/directory/records/archived.js';
import type { ServiceDoc } from '../services/service.model.js';
import { boundingBox, type LatLng } from './distance.js';
import { acceptsReferralsCondition } from '../../accounts/referral-receivers.js';

/**
 * The one interface between understanding a search and running it. Search (service-query.ts, and
 * the understanding of what people type) fills a plan from the query string; the read model runs it.
 * A plan holds codes and normalised words only: nothing in it is a database filter.
 */
export const PLAN_FIELDS = ['status', 'governorates', 'categories', 'populations', 'languages', 'organizationType', 'organizationId', 'locationIds', 'verification.status'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
/** The organisation list's fields: the same kind of plan runs over the organisations' read model (ids as lower-case hex). */
export const ORGANIZATION_PLAN_FIELDS = ['_id', 'governorates', 'languages', 'type', 'verification.status'] as const;
export type OrganizationPlanField = (typeof ORGANIZATION_PLAN_FIELDS)[number];
/** Places and contacts are listed by owner (and places by governorate): plans over their read models, by lower-case hex ids. */
export const LOCATION_PLAN_FIELDS = ['organizationId', 'address.governorate'] as const;
export type LocationPlanField = (typeof LOCATION_PLAN_FIELDS)[number];
export const CONTACT_PLAN_FIELDS = ['organizationId', 'serviceId'] as const;
export type ContactPlanField = (typeof CONTACT_PLAN_FIELDS)[number];

/** One word of free text. A record matches it when one of its words starts with `text` or with an alternative. */
export interface PlanWord {
  /** As normalised for search (platform/text/normalize.ts). */
  text: string;
  /** Other forms that count as this word: spelling variants, synonyms, the correction of a typo. */
  alternatives: string[];
}

export interface RecordPlan<F extends string> {
  /** Each listed field must hold at least one of its codes (categories already expanded to their children). */
  anyOf: Partial<Record<F, string[]>>;
  /** Accepts referrals on the platform: the organisation says so and someone there receives them (referral-receivers.ts). */
  acceptsReferrals?: boolean;
  verifiedSince?: Date;
  /**
   * Free capacity now: some figure with a unit free given since `since` (fresher than the stale age).
   * Confidential services only when `confidentialToo` (the viewer may read their capacity), or the
   * filter would tell their figures to those who may not read them.
   */
  freeCapacity?: { since: Date; confidentialToo: boolean };
  archived: ArchivedChoice;
  /** Every word must match. */
  words: PlanWord[];
  /** District codes (districts.ts): run as `locationIds` of their public locations with `publicOnly` (runServicePlan). */
  districts?: string[];
  /** No confidential service: where one is must not follow from a filter that it passes. */
  publicOnly?: boolean;
  /** Read a word of five letters or more that starts no word of the catalog as its nearest catalog word (one edit away). */
  correctTypos?: boolean;
  /** With a radius, only services whose public point lies within it. */
  near?: { center: LatLng; radiusKm: number | undefined };
}
export type ServicePlan = RecordPlan<PlanField>;
/** An organisation search: no places, capacity or radius, which organisations do not have. */
export type OrganizationPlan = Pick<RecordPlan<OrganizationPlanField>, 'anyOf' | 'acceptsReferrals' | 'verifiedSince' | 'archived' | 'words'>;
/** A list by codes alone (records of an owner, pending ones): no words, places or radius. */
export type ListPlan<F extends string> = Pick<RecordPlan<F>, 'anyOf' | 'archived'>;

const asIds = (field: PlanField, codes: string[]) => (field === 'organizationId' || field === 'locationIds' ? codes.map((c) => new Types.ObjectId(c)) : codes);

/**
 * The plan as a MongoDB filter, for the in-memory catalog's filter interpreter (and as the reference
 * that a compiled plan must agree with). `hiddenPlaces` are the places whose services are measured
 * from a governorate capital (PlaceExposure.hiddenPlaceIds), whatever point they stored; `receiving`
 * the organisations (hex ids) where someone receives referrals.
 */
export function planFilter(plan: ServicePlan, hiddenPlaces: readonly Types.ObjectId[], receiving: ReadonlySet<string>): FilterQuery<ServiceDoc> {
  const and: FilterQuery<ServiceDoc>[] = [archivedCondition(plan.archived)];
  for (const field of PLAN_FIELDS) {
    const codes = plan.anyOf[field];
    if (codes) and.push({ [field]: { $in: asIds(field, codes) } });
  }
  if (plan.acceptsReferrals !== undefined) and.push(acceptsReferralsCondition(plan.acceptsReferrals, 'organizationId', receiving));
  if (plan.publicOnly) and.push({ confidential: { $ne: true } });
  if (plan.verifiedSince) and.push({ lastVerifiedAt: { $gte: plan.verifiedSince } });
  if (plan.freeCapacity) {
    and.push({ capacityFreeAt: { $gte: plan.freeCapacity.since } });
    if (!plan.freeCapacity.confidentialToo) and.push({ confidential: { $ne: true } });
  }
  for (const word of plan.words) {
    const forms = [word.text, ...word.alternatives];
    and.push(forms.length === 1 ? { [SEARCH_WORDS]: { $all: forms } } : { $or: forms.map((form) => ({ [SEARCH_WORDS]: { $all: [form] } })) });
  }
  if (plan.near?.radiusKm) {
    const box = boundingBox(plan.near.center, plan.near.radiusKm);
    const inBox = { 'point.lat': { $gte: box.minLat, $lte: box.maxLat }, 'point.lng': { $gte: box.minLng, $lte: box.maxLng } };
    // The stored point is an index only: services whose public point is a governorate capital pass the box
    // whatever they stored (a stale exact point must not decide, or probing boxes would locate a shelter);
    // the distance from the public point decides afterwards (withinRadius).
    const atCapital = [{ confidential: true }, ...(hiddenPlaces.length ? [{ locationIds: { $in: [...hiddenPlaces] } }] : [])];
    and.push({ $or: [{ confidential: { $ne: true }, ...inBox }, ...atCapital] });
  }
  return { $and: and };
}
