import type { Types } from 'mongoose';
import { organizationNames } from '../directory/catalog/queries.js';
import type { Translated } from '../platform/text/translated.js';
import type { Standing } from './access.js';
import type { TextCipher } from './crypto.js';
import type { ReferralCommentDoc, ReferralDoc } from './referral.model.js';
import { REFERRAL_TRANSITIONS, isOverdue } from '../contract/referrals/referral-workflow.js';
import { SHAREABLE_PARTS, treatedAsChild, type ShareablePart } from '../contract/referrals/vocabulary.js';
import { availableMoves } from './state-machine.js';
import type { RequiredIdentification } from '../contract/directory/vocabulary.js';

/** Additional authenticated data of each encrypted value: the record and field it belongs to. */
export const textContext = {
  summary: (referralId: Types.ObjectId) => `referral/${referralId.toString()}/summary`,
  safetyRisks: (referralId: Types.ObjectId) => `referral/${referralId.toString()}/safety-risks`,
  withheldNote: (referralId: Types.ObjectId) => `referral/${referralId.toString()}/withheld-note`,
  notes: (referralId: Types.ObjectId) => `referral/${referralId.toString()}/notes`,
  bestInterestsNote: (referralId: Types.ObjectId) => `referral/${referralId.toString()}/best-interests`,
  comment: (c: Pick<ReferralCommentDoc, '_id' | 'referralId'>) =>
    `referral/${c.referralId.toString()}/comment/${c._id.toString()}`,
};

/** The referral's own encrypted fields, each sealed under its `textContext` (key rotation walks them all). */
export const SEALED_FIELDS = ['summary', 'safetyRisks', 'notes', 'withheldNote', 'bestInterestsNote'] as const;

export type OrganizationNames = Map<string, Translated>;

export { organizationNames };

const orgRef = (id: Types.ObjectId, names: OrganizationNames) => ({ id: id.toString(), name: names.get(id.toString()) ?? null });

/** The fields lists show (`toSummaryView`): never the case text or history. */
export const SUMMARY_FIELDS = [
  'status', 'version', 'fromOrganizationId', 'toOrganizationId', 'toServiceId', 'caseCode', 'kind', 'ageBand', 'sex', 'nationality',
  'preferredLanguage', 'governorate', 'needs', 'urgency', 'ageStatus', 'contactPreference', 'sharedParts', 'sentAt', 'acknowledgeBy', 'acknowledgedAt', 'acceptedAt',
  'closedAt', 'closeReason', 'createdAt', 'updatedAt',
] as const;

/** What a list shows of a referral. */
export type ReferralSummary = Pick<ReferralDoc, '_id' | (typeof SUMMARY_FIELDS)[number]>;

/** The parts the referring organisation keeps from the receiving one. */
export const withheldParts = (r: Pick<ReferralDoc, 'sharedParts'>): ShareablePart[] => SHAREABLE_PARTS.filter((p) => !r.sharedParts.includes(p));

/**
 * A view as the receiving organisation may see it: each withheld part left out entirely (the field
 * is absent, not empty); `withheld` names them. Every view of a referral passes here.
 */
function disclosedTo<T extends Record<string, unknown>>(receiving: boolean, view: T, withheld: readonly ShareablePart[]) {
  const shown: Record<string, unknown> = { ...view };
  if (receiving) for (const part of withheld) delete shown[part];
  return shown as Omit<T, ShareablePart> & Partial<Pick<T, Extract<ShareablePart, keyof T>>>;
}

/**
 * What lists show: codes, bands, states and dates; never text. `receiving`: the viewer is a member of
 * the receiving organisation, so the withheld parts are left out.
 */
export function toSummaryView(r: ReferralSummary, names: OrganizationNames, now: Date, receiving: boolean) {
  const withheld = withheldParts(r);
  return disclosedTo(receiving, summaryFields(r, names, now, withheld), withheld);
}

function summaryFields(r: ReferralSummary, names: OrganizationNames, now: Date, withheld: ShareablePart[]) {
  return {
    id: r._id.toString(),
    status: r.status,
    version: r.version,
    from: orgRef(r.fromOrganizationId, names),
    to: { ...orgRef(r.toOrganizationId, names), serviceId: r.toServiceId?.toString() ?? null },
    caseCode: r.caseCode,
    kind: r.kind,
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
    withheld,
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
  // A child's best-interests note always reaches the receiver: safeguarding needs it to accept.
  const text = standing.member
    ? {
        summary: cipher.open(r.summary, textContext.summary(r._id)),
        safetyRisks: cipher.open(r.safetyRisks, textContext.safetyRisks(r._id)),
        notes: cipher.open(r.notes, textContext.notes(r._id)),
        bestInterestsNote: cipher.open(r.bestInterestsNote, textContext.bestInterestsNote(r._id)),
      }
    : {};
  const withheld = withheldParts(r);
  const view = {
    ...summaryFields(r, names, now, withheld),
    consent: r.consent
      ? { given: true, by: r.consent.by, at: r.consent.at, scope: r.consent.scope }
      : { given: false, by: null, at: null, scope: [] },
    withheldReason: r.withheldReason && {
      code: r.withheldReason,
      note: standing.member ? cipher.open(r.withheldNote, textContext.withheldNote(r._id)) : null,
    },
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
    readOnly: standing.historyOnly,
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
  return disclosedTo(standing.receiving, view, withheld);
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
