import type { Request } from 'express';
import { actorOf, can, type Actor } from '../../accounts/permissions.js';

/** What reading a service's capacity depends on: who looks, and the age after which a figure is stale. */
export interface CapacityReader {
  /** Signed-in referrers (and platform admins) of any organisation: confidential services' capacity. */
  seesConfidentialCapacity: boolean;
  /** CAPACITY_STALE_DAYS, set on the app (app.ts). */
  capacityStaleDays: number;
}

/** Who is looking: decides whether confidential places are shown. Anonymous visitors see none. */
export interface Viewer extends Actor, CapacityReader {
  mayReadConfidential(organizationId: string | null | undefined): boolean;
  /** Platform admins: every organisation's confidential places. */
  readsAllConfidential: boolean;
}

/** The app setting that holds CAPACITY_STALE_DAYS. */
export const CAPACITY_STALE_DAYS = 'capacityStaleDays';

export function viewerOf(req: Request): Viewer {
  const actor = actorOf(req);
  const user = actor.user;
  return {
    ...actor,
    mayReadConfidential: (organizationId) => Boolean(organizationId) && can(user, 'confidential:read', organizationId),
    readsAllConfidential: can(user, 'confidential:read', null),
    // Referrers of every organisation choose where to send someone by free places; the place stays hidden.
    seesConfidentialCapacity: can(user, 'referral:send', user?.organizationId) || can(user, 'confidential:read', null),
    capacityStaleDays: Number(req.app.get(CAPACITY_STALE_DAYS)),
  };
}
