import type { Types } from 'mongoose';
import { UserModel } from '../../accounts/user.model.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import type { Translated } from '../../platform/text/translated.js';

/**
 * Tells an organisation's active admins that a platform admin turned down its change, and why, in
 * the three languages (accounts hold no language). The same reason is on the record in the workspace.
 */
export async function mailRejection(
  organizationId: Types.ObjectId | string,
  record: { kind: 'organization' | 'service'; id: string; name: Translated | null | undefined },
  reason: string,
  publicUrl: string,
): Promise<void> {
  const admins = await UserModel.find({ organizationId, role: 'org-admin', status: 'active' }, { email: 1 }).lean<{ email: string }[]>();
  const link = `${publicUrl}/workspace/${record.kind === 'organization' ? 'profile' : `services/${record.id}`}`;
  const name = [record.name?.en, record.name?.ar, record.name?.ckb].filter(Boolean).join(' / ');
  const text =
    `A platform admin did not accept the latest change to “${name}”. The values verified before are shown again.\n` +
    `Reason: ${reason}\n\n` +
    `لم يقبل مشرف المنصة التغيير الأخير على «${name}»، وعادت القيم التي جرى التحقق منها سابقًا.\nالسبب: ${reason}\n\n` +
    `بەڕێوەبەری پلاتفۆرم دوایین گۆڕانکاریی «${name}»ی قبووڵ نەکرد، و ئەو بەهایانەی پێشتر پشتڕاستکرابوونەوە گەڕاونەتەوە.\nهۆکار: ${reason}\n\n` +
    `${link}\n\n— Iraq counter-trafficking referral directory`;
  for (const { email } of admins) await enqueueMail({ to: email, subject: `Change not accepted: ${name}`, text, link });
}
