import type { Request } from 'express';
import { dayStart } from '../activities/activity.schemas.js';
import { authorizeEverywhere } from '../accounts/permissions.js';
import { bundledGovernorates } from '../directory/governorates/governorate-data.js';
import { DAY_MS } from '../directory/search/service-query.js';
import { ReferralModel } from '../referrals/referral.model.js';
import { median } from '../referrals/stats.js';
import { reportingPeriod } from './coverage.js';
import type { ReferralCoverage, ReferralCoverageQuery, ReferralFigures } from './coverage.schemas.js';

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

  figures(): ReferralFigures {
    const decided = this.accepted + this.declined;
    const hours = median(this.hoursToAcknowledge);
    return {
      sent: this.sent,
      acknowledged: this.hoursToAcknowledge.length,
      accepted: this.accepted,
      declined: this.declined,
      acceptanceRate: decided ? Math.round((this.accepted / decided) * 1000) / 1000 : null,
      medianHoursToAcknowledge: hours === null ? null : Math.round(hours * 10) / 10,
    };
  }
}

/**
 * Are referrals answered, governorate by governorate: referrals sent in the period (to a service in
 * the governorate), how many were acknowledged and how fast (median), and the acceptance rate.
 * Counts only, never a case; for those who may see every organisation's figures.
 */
export async function referralCoverage(req: Request, query: ReferralCoverageQuery): Promise<ReferralCoverage> {
  authorizeEverywhere(req, 'coverage:referral-stats');
  const period = reportingPeriod(query, new Date());
  const referrals = await ReferralModel.find(
    { sentAt: { $gte: dayStart(period.from), $lt: new Date(dayStart(period.to).getTime() + DAY_MS) } },
    { _id: 0, governorate: 1, status: 1, sentAt: 1, acknowledgedAt: 1, acceptedAt: 1 },
  ).lean();

  const governorates = bundledGovernorates();
  const areas = new Map(governorates.map((g) => [g.code, new ReferralArea()]));
  const national = new ReferralArea();
  for (const referral of referrals) {
    areas.get(referral.governorate)?.add(referral);
    national.add(referral);
  }
  return {
    period,
    governorates: governorates.map((g) => ({ code: g.code, name: g.name, ...areas.get(g.code)!.figures() })),
    national: national.figures(),
  };
}
