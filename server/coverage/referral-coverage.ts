import { dayStart } from '../contract/activities/activity.schemas.js';
import { authorizeEverywhere, type Actor } from '../accounts/permissions.js';
import { bundledGovernorates } from '../directory/governorates/governorate-data.js';
import { DAY_MS } from '../directory/search/service-query.js';
import { aggregatedPeriod, medianOver, shown, suppressCells, suppressRows } from '../referrals/disclosure.js';
import { findLiveOrganization } from '../directory/catalog/queries.js';
import { ReferralModel } from '../referrals/referral.model.js';
import { median } from '../referrals/stats.js';
import { reportingPeriod } from './coverage.use-cases.js';
import type { EscalatedReferrals, ReferralCoverage, ReferralCoverageQuery, ReferralFigures } from '../contract/coverage/coverage.schemas.js';

const HOUR_MS = 3_600_000;

/** The referrals of one area as they are counted. */
class ReferralArea {
  sent = 0;
  accepted = 0;
  declined = 0;
  readonly hoursToAcknowledge: number[] = [];

  add(referral: { status: string; sentAt: Date | null; acknowledgedAt: Date | null; acceptedAt: Date | null }): void {
    this.sent += 1;
    if (referral.acceptedAt) this.accepted += 1;
    else if (referral.status === 'declined') this.declined += 1;
    if (referral.sentAt && referral.acknowledgedAt) {
      this.hoursToAcknowledge.push((referral.acknowledgedAt.getTime() - referral.sentAt.getTime()) / HOUR_MS);
    }
  }

  figures(): RawFigures {
    const hours = median(this.hoursToAcknowledge);
    return {
      sent: this.sent,
      acknowledged: this.hoursToAcknowledge.length,
      accepted: this.accepted,
      declined: this.declined,
      medianHoursToAcknowledge: hours === null ? null : Math.round(hours * 10) / 10,
    };
  }
}

interface RawFigures {
  sent: number;
  acknowledged: number;
  accepted: number;
  declined: number;
  medianHoursToAcknowledge: number | null;
}

const COUNTS = ['sent', 'acknowledged', 'accepted', 'declined'] as const;

/**
 * The figures as shown, under the small-count rule (disclosure.ts): each count column is one breakdown
 * whose cells (the governorates, and the referrals of no listed governorate, never shown) add up to
 * the national figure; the national figure itself is withheld when 1 to 4.
 */
function disclosed(areas: RawFigures[], national: RawFigures): { areas: ReferralFigures[]; national: ReferralFigures } {
  const columns = Object.fromEntries(
    COUNTS.map((key) => {
      const cells = areas.map((a) => a[key]);
      const elsewhere = national[key] - cells.reduce((s, c) => s + c, 0);
      return [key, suppressCells([...cells, elsewhere])];
    }),
  ) as Record<(typeof COUNTS)[number], (number | null)[]>;
  const shownFigures = (raw: RawFigures, counts: Record<(typeof COUNTS)[number], number | null>): ReferralFigures => {
    const decided = counts.accepted !== null && counts.declined !== null ? counts.accepted + counts.declined : null;
    return {
      ...counts,
      fewerThanFive: COUNTS.some((key) => counts[key] === null),
      acceptanceRate: decided ? Math.round((counts.accepted! / decided) * 1000) / 1000 : null,
      medianHoursToAcknowledge: counts.acknowledged === null ? null : medianOver(raw.acknowledged, raw.medianHoursToAcknowledge),
    };
  };
  return {
    areas: areas.map((raw, i) =>
      shownFigures(raw, { sent: columns.sent[i]!, acknowledged: columns.acknowledged[i]!, accepted: columns.accepted[i]!, declined: columns.declined[i]! }),
    ),
    national: shownFigures(national, { sent: shown(national.sent), acknowledged: shown(national.acknowledged), accepted: shown(national.accepted), declined: shown(national.declined) }),
  };
}

/**
 * Are referrals answered, governorate by governorate: referrals sent in the period (to a service in
 * the governorate), how many were acknowledged and how fast (median), and the acceptance rate.
 * Counts only, never a case; for those who may see every organisation's figures, so always under the
 * small-count rule, over whole completed months.
 */
export async function referralCoverage(actor: Actor, query: ReferralCoverageQuery): Promise<ReferralCoverage> {
  authorizeEverywhere(actor, 'coverage:referral-stats');
  const period = reportingPeriod(query, new Date());
  const counted = aggregatedPeriod({ from: dayStart(period.from), to: new Date(dayStart(period.to).getTime() + DAY_MS) });
  const referrals = await ReferralModel.find(
    { sentAt: { $gte: counted.from!, $lt: counted.to } },
    { _id: 0, governorate: 1, status: 1, sentAt: 1, acknowledgedAt: 1, acceptedAt: 1 },
  ).lean();

  const governorates = bundledGovernorates();
  const areas = new Map(governorates.map((g) => [g.code, new ReferralArea()]));
  const national = new ReferralArea();
  for (const referral of referrals) {
    areas.get(referral.governorate)?.add(referral);
    national.add(referral);
  }
  const shownFigures = disclosed(
    governorates.map((g) => areas.get(g.code)!.figures()),
    national.figures(),
  );
  return {
    period,
    aggregatedPeriod: { from: counted.from!, to: counted.to },
    governorates: governorates.map((g, i) => ({ code: g.code, name: g.name, ...shownFigures.areas[i]! })),
    national: shownFigures.national,
  };
}

/**
 * Urgent referrals escalated to the governorates (unacknowledged a second commitment period after
 * falling overdue) and still waiting, counted per governorate of the case under the small-count rule.
 * A government liaison sees the governorates their body works in; a platform admin every one.
 */
export async function escalatedReferrals(actor: Actor, now = new Date()): Promise<EscalatedReferrals> {
  const user = authorizeEverywhere(actor, 'coverage:referral-stats');
  const scope =
    user.role === 'gov-liaison' && user.organizationId ? new Set((await findLiveOrganization(user.organizationId))?.governorates ?? []) : null;
  const governorates = bundledGovernorates().filter((g) => !scope || scope.has(g.code));
  const counts = await ReferralModel.aggregate<{ _id: string; count: number }>([
    { $match: { status: 'sent', liaisonEscalationAt: { $lte: now }, governorate: { $in: governorates.map((g) => g.code) } } },
    { $group: { _id: '$governorate', count: { $sum: 1 } } },
  ]);
  const byCode = new Map(counts.map((c) => [c._id, c.count]));
  return { governorates: suppressRows(governorates.map((g) => ({ code: g.code, name: g.name, count: byCode.get(g.code) ?? 0 }))) };
}
