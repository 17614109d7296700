import { accountLanguage, UserModel } from '../accounts/user.model.js';
import { listContactPlan } from '../directory/catalog/queries.js';
import { mailText } from '../platform/mail/catalogue.js';
import { enqueueMail } from '../platform/mail/outbox.js';
import { LANGUAGES, type Language } from '../platform/text/translated.js';
import type { ReferralDoc } from './referral.model.js';

interface Recipient {
  email: string;
  language: Language;
}

/**
 * Who hears of a new referral at the receiving organisation: its referral focal points (directory
 * contacts marked as such, with an email) and its active members. One address once, written to in
 * the member's language; a focal point without an account in the first of its languages we write
 * (English when it speaks none of them).
 */
async function receivingAddresses(organizationId: ReferralDoc['toOrganizationId']): Promise<Recipient[]> {
  const [focalPoints, members] = await Promise.all([
    listContactPlan({ anyOf: { organizationId: [organizationId.toHexString()] }, archived: 'exclude' }).then((contacts) =>
      contacts.filter((c) => c.referralFocalPoint === true && c.email != null),
    ),
    UserModel.find({ organizationId, status: 'active' }, { email: 1, language: 1 }).lean(),
  ]);
  const byNormalized = new Map<string, Recipient>();
  const add = (email: string | null | undefined, language: Language) => {
    if (email && !byNormalized.has(email.trim().toLowerCase())) byNormalized.set(email.trim().toLowerCase(), { email: email.trim(), language });
  };
  // Members first: an address that is both keeps its account's language.
  for (const member of members) add(member.email, accountLanguage(member));
  for (const contact of focalPoints) add(contact.email, LANGUAGES.find((l) => contact.languages?.includes(l)) ?? 'en');
  return [...byNormalized.values()];
}

/**
 * Tells the receiving organisation a referral is waiting. The mail carries a link and nothing about
 * the person: not the case code, not the needs, not the urgency. Mail is not a confidential channel.
 */
export async function notifyReceivingOrganisation(referral: ReferralDoc, publicUrl: string): Promise<void> {
  const link = `${publicUrl}/referrals/${referral._id.toString()}`;
  for (const { email, language } of await receivingAddresses(referral.toOrganizationId)) {
    await enqueueMail({ to: email, ...mailText('newReferral', language, { link }), link });
  }
}
