import type { Types } from 'mongoose';
import { accountLanguage, UserModel } from '../../accounts/user.model.js';
import { mailText } from '../../platform/mail/catalogue.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { textIn, type Translated } from '../../platform/text/translated.js';

/**
 * Tells an organisation's active admins that a platform admin turned down its change, and why, each
 * in their own language. The same reason is on the record in the workspace.
 */
export async function mailRejection(
  organizationId: Types.ObjectId | string,
  record: { kind: 'organization' | 'service'; id: string; name: Translated | null | undefined },
  reason: string,
  publicUrl: string,
): Promise<void> {
  const admins = await UserModel.find({ organizationId, role: 'org-admin', status: 'active' }, { email: 1, language: 1 }).lean();
  const link = `${publicUrl}/workspace/${record.kind === 'organization' ? 'profile' : `services/${record.id}`}`;
  for (const admin of admins) {
    const language = accountLanguage(admin);
    await enqueueMail({ to: admin.email, ...mailText('changeRejected', language, { recordName: textIn(record.name, language), reason, link }), link });
  }
}
