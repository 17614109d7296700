import { Types } from 'mongoose';
import { can, type SessionUser } from '../accounts/permissions.js';
import { forbidden, notFound } from '../platform/http/problem.js';
import { ReferralModel, type ReferralDoc } from './referral.model.js';
import type { ReferralSide } from '../contract/referrals/referral-workflow.js';

/**
 * How the signed-in user stands to one referral. Members of the two organisations are the only
 * people who read its text; platform administrators see the record without it; for everybody else
 * the referral does not exist (404, so not even its existence leaks). Drafts are the sender's alone.
 */
export interface Standing {
  /** The sides whose moves this user may make (a member may be on one side without the permission). */
  sides: ReferralSide[];
  /** A member of the sending or receiving organisation: may read and write the encrypted text. */
  member: boolean;
  /** A member of the receiving organisation only: sees only the parts the consent shares. */
  receiving: boolean;
  /** A member of the sender after its transfer was accepted: reads the history, writes nothing. */
  historyOnly: boolean;
}

/** A transfer, once accepted, makes the receiver responsible for the case (whatever happens after). */
export const transferred = (r: Pick<ReferralDoc, 'kind' | 'acceptedAt'>) => r.kind === 'transfer' && r.acceptedAt !== null;

function standingOf(user: SessionUser, referral: ReferralDoc): Standing | null {
  const org = user.organizationId;
  const isSenderOrg = org !== null && referral.fromOrganizationId.equals(org);
  const isReceiverOrg = org !== null && referral.status !== 'draft' && referral.toOrganizationId.equals(org);
  if (isSenderOrg || isReceiverOrg) {
    const sides: ReferralSide[] = [];
    const historyOnly = isSenderOrg && transferred(referral);
    if (isSenderOrg && !historyOnly && can(user, 'referral:send', org)) sides.push('sender');
    if (isReceiverOrg && can(user, 'referral:receive', org)) {
      // The receiver of an accepted transfer is responsible: it may also make the sender's moves.
      sides.push(...(transferred(referral) ? (['receiver', 'sender'] as const) : (['receiver'] as const)));
    }
    return { sides, member: true, receiving: !isSenderOrg, historyOnly };
  }
  if (user.role === 'platform-admin' && referral.status !== 'draft') return { sides: [], member: false, receiving: false, historyOnly: false };
  return null;
}

/** Refuses any write by the sender of an accepted transfer (403, in the user's language). */
export function requireResponsible(standing: Standing): void {
  if (standing.historyOnly) throw forbidden('transferredReadOnly');
}

/** The referral and the user's standing to it, or 404 when the user may not know it exists. */
export async function loadVisibleReferral(
  user: SessionUser,
  id: string,
): Promise<{ referral: ReferralDoc; standing: Standing }> {
  const referral = Types.ObjectId.isValid(id) ? await ReferralModel.findById(id).lean<ReferralDoc>() : null;
  const standing = referral && standingOf(user, referral);
  if (!referral || !standing) throw notFound('referral');
  return { referral, standing };
}
