import { UserModel } from '../accounts/user.model.js';
import { findContacts } from '../directory/catalog/queries.js';
import { enqueueMail } from '../platform/mail/outbox.js';
import type { ReferralDoc } from './referral.model.js';

/**
 * Who hears of a new referral at the receiving organisation: its referral focal points (directory
 * contacts marked as such, with an email) and its active members. One address once.
 */
async function receivingAddresses(organizationId: ReferralDoc['toOrganizationId']): Promise<string[]> {
  const [focalPoints, members] = await Promise.all([
    findContacts({ organizationId, referralFocalPoint: true, archivedAt: null, email: { $ne: null } }),
    UserModel.find({ organizationId, status: 'active' }, { email: 1 }).lean(),
  ]);
  const byNormalized = new Map<string, string>();
  for (const { email } of [...focalPoints, ...members]) {
    if (email && !byNormalized.has(email.trim().toLowerCase())) byNormalized.set(email.trim().toLowerCase(), email.trim());
  }
  return [...byNormalized.values()];
}

/**
 * Tells the receiving organisation a referral is waiting. The mail carries a link and nothing about
 * the person: not the case code, not the needs, not the urgency. Mail is not a confidential channel.
 */
export async function notifyReceivingOrganisation(referral: ReferralDoc, publicUrl: string): Promise<void> {
  const link = `${publicUrl}/referrals/${referral._id.toString()}`;
  const text =
    'A referral has been sent to your organisation in the referral directory.\n\n' +
    `Sign in to read it: ${link}\n\n` +
    'Case details are only shown after signing in.';
  for (const to of await receivingAddresses(referral.toOrganizationId)) {
    await enqueueMail({ to, subject: 'New referral for your organisation', text, link });
  }
}
