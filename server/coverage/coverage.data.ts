import { activityQuery } from '../activities/activity.data.js';
import { ActivityModel } from '../activities/activity.model.js';
import type { Reach } from '../contract/activities/vocabulary.js';
import { directoryCatalog } from '../directory/catalog/directory-catalog.js';
import { activityFeed, taxonomyFeed } from '../directory/catalog/change-feed.js';
import { currentCatalog, runServicePlan } from '../directory/catalog/queries.js';
import { NO_NEAR } from '../directory/search/near.js';
import type { ServicePlan } from '../directory/search/service-plan.js';
import { loadTaxonomy } from '../directory/taxonomy/taxonomy.data.js';
import type { Translated } from '../platform/text/translated.js';

/**
 * Data access for coverage. Services are counted over the catalog's read model; the activity aggregation uses only what FerretDB v1 and MongoDB share: $match and
 * $group with one $sum. Two FerretDB v1 quirks shape them: $unwind keeps only the unwound field, and
 * only the first accumulator of a $group is computed (the others come back 0). So records are grouped
 * by their whole array values (service area, categories) and figures, counted with a single $sum,
 * and the caller spreads each group over its governorates and categories.
 */

export interface TermRecord {
  code: string;
  parent: string | null;
  name: Translated;
}

/** Live taxonomy terms in taxonomy order. */
export async function taxonomyTerms(): Promise<TermRecord[]> {
  return (await loadTaxonomy()).terms;
}

export interface ServiceFilter {
  /** Services tagged with any of these categories. */
  categories: string[];
  /** Services for any of these populations (none: all services). */
  populations: string[];
  /** Services verified at or after this moment count as verified. */
  verifiedSince: Date;
}

/** Active services of one organisation that share a service area and a category list. */
export interface ServiceGroup {
  organizationId: string;
  governorates: string[];
  categories: string[];
  services: number;
  /** Of those, verified since the filter's moment. */
  verified: number;
}

/** One run of a compiled plan over the read model, grouped in one pass (verified ones counted on the way). */
export async function serviceGroups(filter: ServiceFilter): Promise<ServiceGroup[]> {
  const plan: ServicePlan = {
    anyOf: { status: ['active'], categories: filter.categories, ...(filter.populations.length ? { populations: filter.populations } : {}) },
    archived: 'exclude',
    words: [],
  };
  const since = filter.verifiedSince.getTime();
  const groups = new Map<string, ServiceGroup>();
  for (const s of (await runServicePlan(plan, NO_NEAR)).services) {
    const organizationId = s.organizationId.toHexString();
    const key = `${organizationId}|${s.governorates.join(',')}|${s.categories.join(',')}`;
    const verified = s.lastVerifiedAt instanceof Date && s.lastVerifiedAt.getTime() >= since ? 1 : 0;
    const group = groups.get(key);
    if (group) {
      group.services++;
      group.verified += verified;
    } else groups.set(key, { organizationId, governorates: [...s.governorates], categories: [...s.categories], services: 1, verified });
  }
  return [...groups.values()];
}

/** Live activities that share a set of governorates and the same reach figures. */
export interface ActivityGroup {
  governorates: string[];
  /** Activities in the group; each reached `reached`. */
  activities: number;
  reached: Reach;
}

export async function activityGroups(period: { from: Date; to: Date }): Promise<ActivityGroup[]> {
  const rows = await ActivityModel.aggregate<{
    _id: { governorates: string[] | null } & Partial<Record<keyof Reach, number | null>>;
    activities: number;
  }>([
    { $match: activityQuery(period) },
    {
      $group: {
        _id: {
          governorates: '$governorates',
          women: '$reached.women',
          men: '$reached.men',
          girls: '$reached.girls',
          boys: '$reached.boys',
        },
        activities: { $sum: 1 },
      },
    },
  ]);
  return rows.map(({ _id, activities }) => ({
    governorates: _id.governorates ?? [],
    activities,
    reached: { women: _id.women ?? 0, men: _id.men ?? 0, girls: _id.girls ?? 0, boys: _id.boys ?? 0 },
  }));
}

/**
 * A fingerprint of everything coverage is computed from: the versions of the directory's, the
 * activities' and the taxonomy's change feeds (lookups by _id: no scan), the directory brought up
 * to date first.
 */
export async function coverageDataVersion(): Promise<string> {
  await currentCatalog();
  const [activities, taxonomy] = await Promise.all([activityFeed.currentVersion(), taxonomyFeed.currentVersion()]);
  return [`services@${directoryCatalog.appliedVersion}`, `activities@${activities}`, `taxonomy@${taxonomy}`].join('|');
}
