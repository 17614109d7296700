import type { Types } from 'mongoose';
import { accountLanguage, UserModel } from '../accounts/user.model.js';
import { PERMISSIONS, ROLES, type Action } from '../accounts/permissions.js';
import { recordAudit } from '../audit/audit.js';
import type { Logger } from '../platform/logging.js';
import { mailText } from '../platform/mail/catalogue.js';
import { enqueueMail } from '../platform/mail/outbox.js';
import type { Language } from '../platform/text/translated.js';
import { runPeriodically } from './periodic.js';
import { ReferralModel, type ReferralDoc } from './referral.model.js';

const RUN_EVERY_MS = 15 * 60_000;
export const DAY_MS = 86_400_000;

/** The roles that act for their own organisation on one side of referrals (from the permission matrix). */
const rolesFor = (action: Action) => ROLES.filter((role) => PERMISSIONS[role][action].own);

/** The active members of an organisation who may act on its side of a referral, with the language each is written to in. */
async function sideMembers(organizationId: Types.ObjectId, action: Action): Promise<[email: string, language: Language][]> {
  const members = await UserModel.find({ organizationId, status: 'active', role: { $in: rolesFor(action) } }, { email: 1, language: 1 }).lean();
  return members.map((m) => [m.email, accountLanguage(m)]);
}

/**
 * Reminds both organisations' referral members that a reflection period has ended, once per
 * referral: marked by a conditional update before the mail is queued (as the escalation does), so
 * concurrent runs never mail twice. Case code and link only: mail is not a confidential channel.
 */
export async function remindEndedReflections(publicUrl: string, now = new Date()): Promise<number> {
  const due = { 'reflection.endsAt': { $lte: now }, 'reflection.remindedAt': null };
  const ended = await ReferralModel.find(due, { _id: 1, caseCode: 1, fromOrganizationId: 1, toOrganizationId: 1, reflection: 1 }).lean<
    Pick<ReferralDoc, '_id' | 'caseCode' | 'fromOrganizationId' | 'toOrganizationId' | 'reflection'>[]
  >();
  let reminded = 0;
  for (const referral of ended) {
    const marked = await ReferralModel.updateOne({ _id: referral._id, ...due }, { $set: { 'reflection.remindedAt': now } });
    if (marked.modifiedCount === 0) continue;
    const link = `${publicUrl}/referrals/${referral._id.toString()}`;
    const [senders, receivers] = await Promise.all([
      sideMembers(referral.fromOrganizationId, 'referral:send'),
      sideMembers(referral.toOrganizationId, 'referral:receive'),
    ]);
    const params = { caseCode: referral.caseCode, endedOn: referral.reflection!.endsAt, link };
    for (const [to, language] of new Map([...senders, ...receivers])) await enqueueMail({ to, ...mailText('reflectionEnded', language, params), link });
    await recordAudit(null, {
      action: 'referral.reflection-ended',
      entity: 'referral',
      entityId: referral._id.toString(),
      organizationId: referral.toOrganizationId.toString(),
    });
    reminded += 1;
  }
  return reminded;
}

/** Looks for ended reflection periods every quarter of an hour; `stop` waits for a run in progress. */
export function startReflectionReminders(config: { publicUrl: string }, logger: Logger): { stop(): Promise<void> } {
  return runPeriodically(
    async () => {
      const reminded = await remindEndedReflections(config.publicUrl);
      if (reminded > 0) logger.info({ reminded }, 'both sides reminded of ended reflection periods');
    },
    RUN_EVERY_MS,
    (err) => logger.warn({ err }, 'reflection reminder run failed; it will be retried'),
  );
}
