import type { mongo } from 'mongoose';
import { activityQuery } from '../activities/activity.store.js';
import { ActivityModel } from '../activities/activity.model.js';
import type { Reach } from '../activities/vocabulary.js';
import { directoryCatalog } from '../directory/catalog/directory-catalog.js';
import { activityFeed } from '../directory/catalog/change-feed.js';
import { currentCatalog, findServices } from '../directory/catalog/queries.js';
import { TaxonomyTermModel } from '../directory/taxonomy/taxonomy.model.js';
import type { Translated } from '../platform/text/translated.js';

/**
 * Data access for coverage. Services are counted over the in-memory catalog; the activity aggregation uses only what FerretDB v1 and MongoDB share: $match and
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
  const terms = await TaxonomyTermModel.find({ archivedAt: null }, { code: 1, parent: 1, name: 1 })
    .sort({ order: 1, code: 1 })
    .lean();
  return terms.map((t) => ({ code: t.code, parent: t.parent ?? null, name: t.name ?? {} }));
}

export interface ServiceFilter {
  /** Services tagged with any of these categories. */
  categories: string[];
  /** Services for any of these populations (none: all services). */
  populations: string[];
  /** Only services verified at or after this moment. */
  verifiedSince?: Date;
}

/** Active services of one organisation that share a service area and a category list. */
export interface ServiceGroup {
  organizationId: string;
  governorates: string[];
  categories: string[];
  services: number;
}

/** Counted over the in-memory catalog: on FerretDB v1 an aggregation over services is a full scan. */
export async function serviceGroups(filter: ServiceFilter): Promise<ServiceGroup[]> {
  const services = await findServices({
    archivedAt: null,
    status: 'active',
    categories: { $in: filter.categories },
    ...(filter.populations.length ? { populations: { $in: filter.populations } } : {}),
    ...(filter.verifiedSince ? { lastVerifiedAt: { $gte: filter.verifiedSince } } : {}),
  });
  const groups = new Map<string, ServiceGroup>();
  for (const s of services) {
    const organizationId = s.organizationId.toHexString();
    const key = `${organizationId}|${s.governorates.join(',')}|${s.categories.join(',')}`;
    const group = groups.get(key);
    if (group) group.services++;
    else groups.set(key, { organizationId, governorates: [...s.governorates], categories: [...s.categories], services: 1 });
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
 * A fingerprint of everything coverage is computed from. Services and activities: the versions of
 * their change feeds (lookups by _id: no scan), the directory's brought up to date first. Taxonomy
 * terms, a few hundred records: their count and latest change.
 */
export async function coverageDataVersion(): Promise<string> {
  await currentCatalog();
  const [activities, taxonomy] = await Promise.all([activityFeed.currentVersion(), stamp(TaxonomyTermModel.collection)]);
  return [`services@${directoryCatalog.appliedVersion}`, `activities@${activities}`, taxonomy].join('|');
}

async function stamp(collection: mongo.Collection): Promise<string> {
  const [latest, count] = await Promise.all([
    collection.find({}, { projection: { _id: 0, updatedAt: 1 } }).sort({ updatedAt: -1 }).limit(1).next(),
    collection.estimatedDocumentCount(),
  ]);
  const at: unknown = latest?.updatedAt;
  return `${count}@${at instanceof Date ? at.getTime() : 0}`;
}
