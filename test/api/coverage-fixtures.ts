import { Types } from 'mongoose';
import { ReferralModel } from '../../server/referrals/referral.model.js';
import type { ReferralStatus } from '../../server/contract/referrals/vocabulary.js';

const HOUR = 3_600_000;

export interface SentReferral {
  governorate: string;
  status: ReferralStatus;
  sentAt: Date;
  /** Hours after sending; none: not acknowledged. */
  acknowledgedAfter?: number;
  /** Hours after sending; none: not accepted. */
  acceptedAfter?: number;
  /** Default: one organisation sends all, each to an organisation of its own. */
  fromOrganizationId?: Types.ObjectId;
  toOrganizationId?: Types.ObjectId;
}

/** Sent referrals straight in the database, with only what the statistics read set meaningfully. */
export async function insertSentReferrals(referrals: SentReferral[]): Promise<void> {
  const organization = new Types.ObjectId();
  const at = (sentAt: Date, hours?: number) => (hours === undefined ? null : new Date(sentAt.getTime() + hours * HOUR));
  await ReferralModel.insertMany(
    referrals.map((r, i) => ({
      fromOrganizationId: r.fromOrganizationId ?? organization,
      fromUserId: new Types.ObjectId(),
      toOrganizationId: r.toOrganizationId ?? new Types.ObjectId(),
      caseCode: `COV-${i}`,
      ageBand: '25-59',
      sex: 'female',
      nationality: 'IQ',
      preferredLanguage: 'ar',
      governorate: r.governorate,
      needs: ['shelter'],
      urgency: 'normal',
      ageStatus: 'adult',
      status: r.status,
      sentAt: r.sentAt,
      acknowledgedAt: at(r.sentAt, r.acknowledgedAfter),
      acceptedAt: at(r.sentAt, r.acceptedAfter),
    })),
  );
}
