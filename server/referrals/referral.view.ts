import type { Types } from 'mongoose';
import { organizationNames } from '../directory/catalog/queries.js';
import type { Translated } from '../platform/text/translated.js';
import type { Standing } from './access.js';
import type { TextCipher } from './crypto.js';
import type { ReferralCommentDoc, ReferralDoc } from './referral.model.js';
import { REFERRAL_TRANSITIONS, isOverdue } from '../contract/referrals/referral-workflow.js';
import { treatedAsChild } from '../contract/referrals/vocabulary.js';
import { availableMoves } from './state-machine.js';
import type { RequiredIdentification } from '../contract/directory/vocabulary.js';

/** Additional authenticated data of each encrypted value: the record and field it belongs to. */
export const textContext = {
  summary: (referralId: Types.ObjectId) => `referral/${referralId.toString()}/summary`,
  notes: (referralId: Types.ObjectId) => `referral/${referralId.toString()}/notes`,
  bestInterestsNote: (referralId: Types.ObjectId) => `referral/${referralId.toString()}/best-interests`,
  comment: (c: Pick<ReferralCommentDoc, '_id' | 'referralId'>) =>
    `referral/${c.referralId.toString()}/comment/${c._id.toString()}`,
};

/** The referral's own encrypted fields, each sealed under its `textContext` (key rotation walks them all). */
export const SEALED_FIELDS = ['summary', 'notes', 'bestInterestsNote'] as const;

export type OrganizationNames = Map<string, Translated>;

export { organizationNames };

const orgRef = (id: Types.ObjectId, names: OrganizationNames) => ({ id: id.toString(), name: names.get(id.toString()) ?? null });

/** What lists show: codes, bands, states and dates; never text. */
export function toSummaryView(r: ReferralDoc, names: OrganizationNames, now: Date) {
  return {
    id: r._id.toString(),
    status: r.status,
    version: r.version,
    from: orgRef(r.fromOrganizationId, names),
    to: { ...orgRef(r.toOrganizationId, names), serviceId: r.toServiceId?.toString() ?? null },
    caseCode: r.caseCode,
    ageBand: r.ageBand,
    sex: r.sex,
    nationality: r.nationality,
    preferredLanguage: r.preferredLanguage,
    governorate: r.governorate,
    needs: r.needs,
    urgency: r.urgency,
    ageStatus: r.ageStatus,
    isChild: treatedAsChild(r.ageStatus),
    contactPreference: r.contactPreference,
    overdue: isOverdue(r, now),
    sentAt: r.sentAt,
    acknowledgeBy: r.acknowledgeBy,
    acknowledgedAt: r.acknowledgedAt,
    acceptedAt: r.acceptedAt,
    closedAt: r.closedAt,
    closeReason: r.closeReason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** One referral as its viewer may see it: the text only for members of the two organisations. */
export function toDetailView(
  r: ReferralDoc,
  standing: Standing,
  names: OrganizationNames,
  cipher: TextCipher,
  now: Date,
  requiredIdentification: RequiredIdentification | null,
) {
  const text = standing.member
    ? {
        summary: cipher.open(r.summary, textContext.summary(r._id)),
        notes: cipher.open(r.notes, textContext.notes(r._id)),
        bestInterestsNote: cipher.open(r.bestInterestsNote, textContext.bestInterestsNote(r._id)),
      }
    : {};
  return {
    ...toSummaryView(r, names, now),
    consent: r.consent
      ? { given: true, by: r.consent.by, at: r.consent.at, scope: r.consent.scope }
      : { given: false, by: null, at: null, scope: [] },
    consentOverride: r.consentOverride
      ? { reason: r.consentOverride.reason, byUserId: r.consentOverride.byUserId, at: r.consentOverride.at }
      : null,
    guardianRole: r.guardianRole,
    identification: {
      status: r.identification.status,
      authority: r.identification.authority,
      decidedOn: r.identification.decidedOn?.toISOString().slice(0, 10) ?? null,
      recordedAt: r.identification.recordedAt,
      recordedByOrganizationId: r.identification.byOrganizationId,
    },
    reflection: r.reflection && { startedAt: r.reflection.startedAt, endsAt: r.reflection.endsAt },
    identificationWarning: requiredIdentification && { required: requiredIdentification, current: r.identification.status },
    textVisible: standing.member,
    textErased: r.textErasedAt !== null,
    ...text,
    history: r.history.map((h) => ({
      at: h.at,
      from: h.from,
      to: h.to,
      by: { userId: h.byUserId, name: h.byName, organizationId: h.byOrganizationId },
      reason: h.reason,
    })),
    allowedMoves: availableMoves(REFERRAL_TRANSITIONS, r.status, standing.sides),
  };
}

export function toCommentView(c: ReferralCommentDoc, cipher: TextCipher) {
  return {
    id: c._id.toString(),
    author: { userId: c.authorId, name: c.authorName, organizationId: c.organizationId },
    body: cipher.decrypt(c.body, textContext.comment(c)),
    withStatus: c.withStatus,
    createdAt: c.createdAt,
  };
}
