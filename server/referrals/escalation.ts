import { recordAudit } from '../audit/audit.js';
import { accountLanguage, UserModel } from '../accounts/user.model.js';
import type { Logger } from '../platform/logging.js';
import { mailText } from '../platform/mail/catalogue.js';
import { enqueueMail } from '../platform/mail/outbox.js';
import { ESCALATED_URGENCIES } from '../contract/referrals/referral-workflow.js';
import { ReferralModel, type ReferralDoc } from './referral.model.js';
import { runPeriodically } from './periodic.js';

const RUN_EVERY_MS = 5 * 60_000;

/**
 * Mails the receiving organisation's admins about each urgent referral left unacknowledged past its
 * response commitment, once: the referral is marked by a conditional update before the mail is
 * queued, so concurrent runs (or instances) never mail twice. The mail holds the case code and a
 * link only, never case text: mail is not a confidential channel.
 */
export async function escalateOverdueReferrals(publicUrl: string, now = new Date()): Promise<number> {
  const due = { status: 'sent', urgency: { $in: ESCALATED_URGENCIES }, acknowledgeBy: { $lt: now }, escalatedAt: null };
  const overdue = await ReferralModel.find(due, { _id: 1, caseCode: 1, toOrganizationId: 1 }).lean<Pick<ReferralDoc, '_id' | 'caseCode' | 'toOrganizationId'>[]>();
  let escalated = 0;
  for (const referral of overdue) {
    const marked = await ReferralModel.updateOne({ _id: referral._id, ...due }, { $set: { escalatedAt: now } });
    if (marked.modifiedCount === 0) continue;
    const link = `${publicUrl}/referrals/${referral._id.toString()}`;
    const admins = await UserModel.find({ organizationId: referral.toOrganizationId, role: 'org-admin', status: 'active' }, { email: 1, language: 1 }).lean();
    for (const admin of admins) {
      await enqueueMail({ to: admin.email, ...mailText('overdueReferral', accountLanguage(admin), { caseCode: referral.caseCode, link }), link });
    }
    await recordAudit(null, {
      action: 'referral.escalated',
      entity: 'referral',
      entityId: referral._id.toString(),
      organizationId: referral.toOrganizationId.toString(),
    });
    escalated += 1;
  }
  return escalated;
}

/** Looks for overdue urgent referrals every few minutes; `stop` waits for a run in progress. */
export function startReferralEscalation(config: { publicUrl: string }, logger: Logger): { stop(): Promise<void> } {
  return runPeriodically(
    async () => {
      const escalated = await escalateOverdueReferrals(config.publicUrl);
      if (escalated > 0) logger.info({ escalated }, 'overdue urgent referrals escalated to the receivers’ admins');
    },
    RUN_EVERY_MS,
    (err) => logger.warn({ err }, 'referral escalation run failed; it will be retried'),
  );
}
