import type { Logger } from '../platform/logging.js';
import { DEFAULT_CONTACT_PREFERENCE, DEFAULT_REFERRAL_KIND, SHAREABLE_PARTS } from '../contract/referrals/vocabulary.js';
import { ReferralModel } from './referral.model.js';

/**
 * Referrals stored before the NRM fields (issue 21) carry `isChild` instead of `ageStatus`, no
 * contact preference, no identification status (every referral was a screening by its sender:
 * `screened`, with no record of who or when) and no shared parts (the receiver saw everything: all
 * shared), and no kind (each was a referral: the sender stayed responsible). They are completed
 * once at start, so no reader ever meets a child's referral without its age status (it would read
 * as an adult's) — writing at start, not deriving at each read, because the referral index, the
 * views and the safeguard checks all read the field.
 */
export async function completeLegacyReferrals(logger: Logger): Promise<void> {
  const referrals = ReferralModel.collection;
  const missing = { ageStatus: { $exists: false } };
  const children = await referrals.updateMany({ ...missing, isChild: true }, { $set: { ageStatus: 'child' }, $unset: { isChild: '' } });
  const adults = await referrals.updateMany(missing, { $set: { ageStatus: 'adult' }, $unset: { isChild: '' } });
  const contact = await referrals.updateMany({ contactPreference: { $exists: false } }, { $set: { contactPreference: DEFAULT_CONTACT_PREFERENCE } });
  const identification = await referrals.updateMany(
    { identification: { $exists: false } },
    { $set: { identification: { status: 'screened', authority: null, decidedOn: null, recordedAt: null, byUserId: null, byOrganizationId: null } } },
  );
  const shared = await referrals.updateMany(
    { sharedParts: { $exists: false } },
    { $set: { sharedParts: [...SHAREABLE_PARTS], withheldReason: null, withheldNote: null } },
  );
  const kind = await referrals.updateMany({ kind: { $exists: false } }, { $set: { kind: DEFAULT_REFERRAL_KIND } });
  const counts = {
    children: children.modifiedCount,
    adults: adults.modifiedCount,
    contact: contact.modifiedCount,
    identification: identification.modifiedCount,
    shared: shared.modifiedCount,
    kind: kind.modifiedCount,
  };
  if (Object.values(counts).some((n) => n > 0)) logger.info(counts, 'referrals from before the NRM fields completed');
}
