import { dayOf, dayStart } from '../contract/activities/activity.schemas.js';
import { bundledGovernorates } from '../directory/governorates/governorate-data.js';
import { DAY_MS } from '../directory/search/service-query.js';
import { badRequest } from '../platform/http/problem.js';
import { CoverageTally } from './coverage-tally.js';
import type { Coverage, CoverageQuery } from '../contract/coverage/coverage.schemas.js';
import { activityGroups, coverageDataVersion, serviceGroups, taxonomyTerms, type TermRecord } from './coverage.data.js';
import { TtlCache } from '../platform/cache/ttl-cache.js';

/** Services verified within this many days count as verified. */
export const VERIFIED_WITHIN_DAYS = 365;

/** Answers are reused for this long unless the data changes first (the key carries its version). */
const cache = new TtlCache<Coverage>(30_000, 50);

interface Selection {
  categories: string[];
  populations: string[];
  period: { from: string; to: string };
}

/**
 * Which services exist in each governorate for each category, who provides them, how many were
 * verified lately, where the gaps are, and the activities that ran there.
 */
export async function coverage(query: CoverageQuery): Promise<Coverage> {
  const now = new Date();
  const [terms, dataVersion] = await Promise.all([taxonomyTerms(), coverageDataVersion()]);
  const selection: Selection = {
    categories: selectedCategories(terms, query.category),
    populations: [...new Set(query.population ?? [])].sort(),
    period: reportingPeriod(query, now),
  };
  const key = JSON.stringify([selection, dataVersion]);
  return cache.get(key, () => computeCoverage(selection, now));
}

async function computeCoverage({ categories, populations, period }: Selection, now: Date): Promise<Coverage> {
  const verifiedSince = new Date(now.getTime() - VERIFIED_WITHIN_DAYS * DAY_MS);
  const [services, activities] = await Promise.all([
    serviceGroups({ categories, populations, verifiedSince }),
    activityGroups({ from: dayStart(period.from), to: dayStart(period.to) }),
  ]);

  const governorates = bundledGovernorates();
  const tally = new CoverageTally(categories, governorates.map((g) => g.code));
  for (const group of services) tally.addServices(group);
  for (const group of activities) tally.addActivities(group);

  return {
    generatedAt: now.toISOString(),
    period,
    verifiedSince: verifiedSince.toISOString(),
    categories,
    governorates: governorates.map((g) => ({ code: g.code, pcode: g.pcode, name: g.name, ...tally.governorate(g.code) })),
    national: tally.national(),
  };
}

/** The requested categories, groups replaced by their categories, in taxonomy order; all by default. */
function selectedCategories(terms: TermRecord[], requested: string[] | undefined): string[] {
  const categories = terms.filter((t) => t.parent !== null).map((t) => t.code);
  if (!requested?.length) return categories;
  const unknown = requested.filter((code) => !terms.some((t) => t.code === code));
  if (unknown.length) {
    throw badRequest(
      'unknownCategory',
      unknown.map((code) => ({ field: 'query.category', message: { key: 'noCategoryOrGroup', params: { code } } })),
    );
  }
  const groups = new Set(requested.filter((code) => terms.some((t) => t.code === code && t.parent === null)));
  const wanted = new Set(requested);
  return terms.filter((t) => t.parent !== null && (wanted.has(t.code) || groups.has(t.parent))).map((t) => t.code);
}

/** The period of activity (and referral) figures: as asked, or the twelve months up to today. */
export function reportingPeriod(query: Pick<CoverageQuery, 'from' | 'to'>, now: Date): { from: string; to: string } {
  const to = query.to ?? dayOf(now);
  if (query.from) return { from: query.from, to };
  const yearBefore = dayStart(to);
  yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
  return { from: dayOf(new Date(yearBefore.getTime() + DAY_MS)), to };
}
