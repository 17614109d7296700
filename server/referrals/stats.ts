import { Types, type PipelineStage } from 'mongoose';
import { PERMISSIONS, authorize, type Actor } from '../accounts/permissions.js';
import { forbidden } from '../platform/http/problem.js';
import { aggregatedPeriod, isSmall, medianOver, shown, suppressRows } from './disclosure.js';
import { ReferralModel } from './referral.model.js';
import type { StatsQuery } from '../contract/referrals/referral.schemas.js';
import { organizationNames } from './referral.view.js';

const HOUR = 3_600_000;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Referrals counted by one field (`needs` is a list: each need counts once). */
async function countBy(match: Record<string, unknown>, field: string, list = false) {
  const pipeline: PipelineStage[] = [{ $match: match }];
  if (list) pipeline.push({ $unwind: `$${field}` });
  pipeline.push({ $group: { _id: `$${field}`, count: { $sum: 1 } } });
  const rows = await ReferralModel.aggregate<{ _id: string; count: number }>(pipeline);
  return rows.sort((a, b) => b.count - a.count || a._id.localeCompare(b._id));
}

/**
 * Aggregates for dashboards, over referrals that were sent (sent in the period, when one is given):
 * counts by status, urgency, governorate and need; median hours to acknowledgement and to acceptance;
 * acceptance rate per receiving organisation. Never a case. Platform administrators and government
 * liaisons see every organisation (or one, with `organizationId`); everybody else their own. Figures
 * of the viewer's own organisation are exact; any other scope follows the small-count rule
 * (disclosure.ts): whole completed months, counts of 1 to 4 and what would recompute them withheld.
 */
export async function referralStats(actor: Actor, query: StatsQuery) {
  const user = authorize(actor, 'referral:stats');
  const seesAll = PERMISSIONS[user.role]['referral:stats'].other;
  if (!seesAll && query.organizationId && query.organizationId !== user.organizationId) {
    throw forbidden('ownStatsOnly');
  }
  const organizationId = seesAll ? (query.organizationId ?? null) : user.organizationId;
  const exact = organizationId !== null && organizationId === user.organizationId;
  const counted = exact ? { from: query.from ?? null, to: query.to ?? null } : aggregatedPeriod(query);

  const sent: Record<string, Date> = {};
  if (counted.from) sent.$gte = counted.from;
  if (counted.to) sent.$lt = counted.to;
  const match: Record<string, unknown> = { sentAt: { $ne: null, ...sent } };
  if (organizationId) {
    const org = new Types.ObjectId(organizationId);
    match.$or = [{ fromOrganizationId: org }, { toOrganizationId: org }];
  }

  const [byStatus, byUrgency, byGovernorate, byCategory, timings] = await Promise.all([
    countBy(match, 'status'),
    countBy(match, 'urgency'),
    countBy(match, 'governorate'),
    countBy(match, 'needs', true),
    ReferralModel.find(match, { status: 1, toOrganizationId: 1, sentAt: 1, acknowledgedAt: 1, acceptedAt: 1 }).lean(),
  ]);

  const hoursFromSent = (at: 'acknowledgedAt' | 'acceptedAt') =>
    timings.flatMap((r) => (r.sentAt && r[at] ? [(r[at].getTime() - r.sentAt.getTime()) / HOUR] : []));
  const toAcknowledge = median(hoursFromSent('acknowledgedAt'));
  const toAccept = median(hoursFromSent('acceptedAt'));

  // A decision is an acceptance (whatever followed) or a decline.
  const decisions = new Map<string, { decided: number; accepted: number }>();
  for (const r of timings) {
    if (!r.acceptedAt && r.status !== 'declined') continue;
    const key = r.toOrganizationId.toString();
    const d = decisions.get(key) ?? { decided: 0, accepted: 0 };
    d.decided += 1;
    if (r.acceptedAt) d.accepted += 1;
    decisions.set(key, d);
  }
  const names = await organizationNames([...decisions.keys()].map((id) => new Types.ObjectId(id)));

  const acceptance = [...decisions.entries()]
    .map(([id, d]) => ({ organizationId: id, name: names.get(id) ?? null, ...d, rate: round(d.accepted / d.decided, 3) }))
    .sort((a, b) => b.decided - a.decided || a.organizationId.localeCompare(b.organizationId));
  const view = {
    scope: { organizationId },
    period: { from: query.from ?? null, to: query.to ?? null },
    aggregatedPeriod: counted,
    total: timings.length,
    fewerThanFive: false,
    byStatus: byStatus.map((r) => ({ status: r._id, count: r.count, fewerThanFive: false })),
    byUrgency: byUrgency.map((r) => ({ urgency: r._id, count: r.count, fewerThanFive: false })),
    byGovernorate: byGovernorate.map((r) => ({ governorate: r._id, count: r.count, fewerThanFive: false })),
    byCategory: byCategory.map((r) => ({ category: r._id, count: r.count, fewerThanFive: false })),
    medianHoursToAcknowledge: toAcknowledge === null ? null : round(toAcknowledge, 1),
    medianHoursToAccept: toAccept === null ? null : round(toAccept, 1),
    acceptanceByReceiver: acceptance.map((r) => ({ ...r, accepted: r.accepted as number | null, rate: r.rate as number | null, fewerThanFive: false })),
  };
  if (exact) return view;

  // Receivers are named only with 5 or more decisions; an acceptance or a refusal count of 1 to 4
  // withholds the accepted count and the rate, which would give it back.
  const acceptanceByReceiver = acceptance
    .filter((r) => r.decided >= 5)
    .map((r) => {
      const small = isSmall(r.accepted) || isSmall(r.decided - r.accepted);
      return { ...r, accepted: small ? null : r.accepted, rate: small ? null : r.rate, fewerThanFive: small };
    });
  return {
    ...view,
    total: shown(view.total),
    fewerThanFive: isSmall(view.total),
    byStatus: suppressRows(view.byStatus),
    byUrgency: suppressRows(view.byUrgency),
    byGovernorate: suppressRows(view.byGovernorate),
    byCategory: suppressRows(view.byCategory),
    medianHoursToAcknowledge: medianOver(hoursFromSent('acknowledgedAt').length, view.medianHoursToAcknowledge),
    medianHoursToAccept: medianOver(hoursFromSent('acceptedAt').length, view.medianHoursToAccept),
    acceptanceByReceiver,
  };
}
