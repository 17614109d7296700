import { Schema, model, type Types } from 'mongoose';
import { ChangeFeed } from '../directory/catalog/change-feed.js';
import { publishesChanges } from '../directory/catalog/publish-changes.js';
import type { EncryptedText } from './crypto.js';
import type { HistoryEntry } from './state-machine.js';
import {
  AGE_BANDS,
  AGE_STATUSES,
  CONSENT_GIVERS,
  CONTACT_PREFERENCES,
  DEFAULT_CONTACT_PREFERENCE,
  GUARDIAN_ROLES,
  IDENTIFICATION_STATUSES,
  IDENTIFYING_AUTHORITIES,
  DEFAULT_REFERRAL_KIND,
  REFERRAL_KINDS,
  CONSENT_OVERRIDE_REASONS,
  CONSENT_SCOPES,
  REFERRAL_STATUSES,
  SEXES,
  SHAREABLE_PARTS,
  URGENCIES,
  WITHHOLDING_REASONS,
  type ReferralStatus,
  type ShareablePart,
} from '../contract/referrals/vocabulary.js';

/** An AES-256-GCM sealed value (see crypto.ts); never decrypted by the database, never indexed. */
const encryptedTextMongoose = new Schema<EncryptedText>(
  {
    keyId: { type: String, required: true },
    iv: { type: String, required: true },
    authTag: { type: String, required: true },
    ciphertext: { type: String, required: true },
  },
  { _id: false },
);

export const historyEntryMongoose = (statuses: readonly string[]) =>
  new Schema(
    {
      at: { type: Date, required: true },
      from: { type: String, enum: [...statuses, null], default: null },
      to: { type: String, enum: statuses, required: true },
      byUserId: { type: String, required: true },
      byName: { type: String, required: true },
      byOrganizationId: { type: String, default: null },
      reason: { type: String, default: null },
    },
    { _id: false },
  );

/**
 * A referral of one person from one organisation to another. The person is a pseudonymous case code
 * and a few bands and codes; the only free text (summary, notes) is encrypted, and erased once the
 * referral has been closed for the retention period. States, dates and history stay for statistics.
 */
const ReferralSchema = new Schema(
  {
    fromOrganizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    fromUserId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    toOrganizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    toServiceId: { type: Schema.Types.ObjectId, ref: 'Service', default: null },
    caseCode: { type: String, required: true },
    /** A referral (the sender stays responsible) or a transfer (the receiver is, once it accepts). */
    kind: { type: String, enum: REFERRAL_KINDS, required: true, default: DEFAULT_REFERRAL_KIND },
    ageBand: { type: String, enum: AGE_BANDS, required: true },
    sex: { type: String, enum: SEXES, required: true },
    nationality: { type: String, required: true },
    preferredLanguage: { type: String, required: true },
    governorate: { type: String, required: true },
    needs: { type: [String], required: true },
    urgency: { type: String, enum: URGENCIES, required: true },
    ageStatus: { type: String, enum: AGE_STATUSES, required: true },
    guardianRole: { type: String, enum: [...GUARDIAN_ROLES, null], default: null },
    contactPreference: { type: String, enum: CONTACT_PREFERENCES, required: true, default: DEFAULT_CONTACT_PREFERENCE },
    consent: {
      type: new Schema(
        {
          by: { type: String, enum: CONSENT_GIVERS, required: true },
          at: { type: Date, required: true },
          scope: { type: [String], enum: CONSENT_SCOPES, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    consentOverride: {
      type: new Schema(
        {
          reason: { type: String, enum: CONSENT_OVERRIDE_REASONS, required: true },
          byUserId: { type: String, required: true },
          at: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    /**
     * What the receiving organisation may see (`SHAREABLE_PARTS`), with the consent or
     * the override; the others are left out of its views entirely. When some are withheld, why: a
     * reason code and an optional note (encrypted, as all free text).
     */
    sharedParts: { type: [String], enum: SHAREABLE_PARTS, required: true, default: () => [...SHAREABLE_PARTS] },
    withheldReason: { type: String, enum: [...WITHHOLDING_REASONS, null], default: null },
    withheldNote: { type: encryptedTextMongoose, default: null },
    /**
     * Identification as a victim, apart from the state: the authority (a role or body) and the day of
     * a decision; who recorded it and when (null for referrals completed at start, legacy-fields.ts).
     */
    identification: {
      type: new Schema(
        {
          status: { type: String, enum: IDENTIFICATION_STATUSES, required: true },
          authority: { type: String, enum: [...IDENTIFYING_AUTHORITIES, null], default: null },
          decidedOn: { type: Date, default: null },
          recordedAt: { type: Date, default: null },
          byUserId: { type: String, default: null },
          byOrganizationId: { type: String, default: null },
        },
        { _id: false },
      ),
      required: true,
      // A referral is its sender's screening unless told otherwise (a record written without one, too).
      default: () => ({ status: 'screened' }),
    },
    summary: { type: encryptedTextMongoose, default: null },
    safetyRisks: { type: encryptedTextMongoose, default: null },
    notes: { type: encryptedTextMongoose, default: null },
    bestInterestsNote: { type: encryptedTextMongoose, default: null },
    /** Set when the retention job erased the free text (summary, safety risks, notes, notes on withholding, best-interests note, comments). */
    textErasedAt: { type: Date, default: null },

    status: { type: String, enum: REFERRAL_STATUSES, required: true, default: 'draft' },
    version: { type: Number, required: true, default: 1 },
    history: { type: [historyEntryMongoose(REFERRAL_STATUSES)], default: [] },
    sentAt: { type: Date, default: null },
    /**
     * Sent referrals not acknowledged by this time are overdue: the target service's response
     * commitment when it states one, else 4 hours for emergencies and 3 days otherwise.
     */
    acknowledgeBy: { type: Date, default: null },
    /** When the receiving organisation's admins were mailed that this urgent referral is overdue (once). */
    escalatedAt: { type: Date, default: null },
    /** From when an urgent referral still unacknowledged counts for the governorate's government liaison. */
    liaisonEscalationAt: { type: Date, default: null },
    acknowledgedAt: { type: Date, default: null },
    acceptedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    /** The reason code of the closing move: decline reason, completion outcome, withdrawal reason. */
    closeReason: { type: String, default: null },
    /**
     * The recovery and reflection period the receiving side started on an accepted referral: from when
     * to when, who started it, and when both sides were reminded that it ended (once).
     */
    reflection: {
      type: new Schema(
        {
          startedAt: { type: Date, required: true },
          endsAt: { type: Date, required: true },
          byUserId: { type: String, required: true },
          remindedAt: { type: Date, default: null },
        },
        { _id: false },
      ),
      default: null,
    },
    /**
     * Set when the sender created the referral with an Idempotency-Key: the key, and a keyed
     * fingerprint of the request (never the text itself) to tell a retry from a different request.
     * The key's uniqueness per sender is the record's `_id`, which is derived from sender and key.
     */
    idempotency: {
      type: new Schema({ key: { type: String, required: true }, fingerprint: { type: String, required: true } }, { _id: false }),
      default: null,
    },
  },
  { collection: 'referrals', timestamps: true, versionKey: false },
);
ReferralSchema.index({ toOrganizationId: 1, status: 1, createdAt: -1 });
ReferralSchema.index({ fromOrganizationId: 1, status: 1, createdAt: -1 });
ReferralSchema.index({ status: 1, acknowledgeBy: 1 });
ReferralSchema.index({ status: 1, liaisonEscalationAt: 1 });
ReferralSchema.index({ closedAt: 1, textErasedAt: 1 });
ReferralSchema.index({ sentAt: 1 });
ReferralSchema.index({ 'reflection.endsAt': 1, 'reflection.remindedAt': 1 });

/** Which referrals changed: keeps every instance's inbox and outbox index current (referral-index.ts). */
export const referralFeed = new ChangeFeed('referral_changes');
publishesChanges(ReferralSchema, referralFeed);

export interface ReferralDoc {
  _id: Types.ObjectId;
  fromOrganizationId: Types.ObjectId;
  fromUserId: Types.ObjectId;
  toOrganizationId: Types.ObjectId;
  toServiceId: Types.ObjectId | null;
  caseCode: string;
  kind: (typeof REFERRAL_KINDS)[number];
  ageBand: (typeof AGE_BANDS)[number];
  sex: (typeof SEXES)[number];
  nationality: string;
  preferredLanguage: string;
  governorate: string;
  needs: string[];
  urgency: (typeof URGENCIES)[number];
  ageStatus: (typeof AGE_STATUSES)[number];
  guardianRole: (typeof GUARDIAN_ROLES)[number] | null;
  contactPreference: (typeof CONTACT_PREFERENCES)[number];
  consent: { by: (typeof CONSENT_GIVERS)[number]; at: Date; scope: (typeof CONSENT_SCOPES)[number][] } | null;
  consentOverride: { reason: (typeof CONSENT_OVERRIDE_REASONS)[number]; byUserId: string; at: Date } | null;
  sharedParts: ShareablePart[];
  withheldReason: (typeof WITHHOLDING_REASONS)[number] | null;
  withheldNote: EncryptedText | null;
  identification: {
    status: (typeof IDENTIFICATION_STATUSES)[number];
    authority: (typeof IDENTIFYING_AUTHORITIES)[number] | null;
    decidedOn: Date | null;
    recordedAt: Date | null;
    byUserId: string | null;
    byOrganizationId: string | null;
  };
  summary: EncryptedText | null;
  safetyRisks: EncryptedText | null;
  notes: EncryptedText | null;
  bestInterestsNote: EncryptedText | null;
  textErasedAt: Date | null;
  status: ReferralStatus;
  version: number;
  history: HistoryEntry<ReferralStatus>[];
  sentAt: Date | null;
  acknowledgeBy: Date | null;
  escalatedAt: Date | null;
  liaisonEscalationAt: Date | null;
  acknowledgedAt: Date | null;
  acceptedAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
  reflection: { startedAt: Date; endsAt: Date; byUserId: string; remindedAt: Date | null } | null;
  idempotency: { key: string; fingerprint: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ReferralModel = model<ReferralDoc>('Referral', ReferralSchema);

/**
 * The conversation between the two sides of a referral, one document per message (no growing
 * arrays). Notes given with a move (a decline explained, an outcome described) are comments too,
 * marked with the state they came with, so all free text lives encrypted in one place.
 */
const ReferralCommentSchema = new Schema(
  {
    referralId: { type: Schema.Types.ObjectId, ref: 'Referral', required: true },
    authorId: { type: String, required: true },
    authorName: { type: String, required: true },
    organizationId: { type: String, default: null },
    body: { type: encryptedTextMongoose, required: true },
    /** The state this note was written with, when it came with a move. */
    withStatus: { type: String, enum: [...REFERRAL_STATUSES, null], default: null },
  },
  { collection: 'referral_comments', timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);
ReferralCommentSchema.index({ referralId: 1, createdAt: 1 });
/** Comments are listed from the referral index too (their ids per referral). */
publishesChanges(ReferralCommentSchema, referralFeed);

export interface ReferralCommentDoc {
  _id: Types.ObjectId;
  referralId: Types.ObjectId;
  authorId: string;
  authorName: string;
  organizationId: string | null;
  body: EncryptedText;
  withStatus: ReferralStatus | null;
  createdAt: Date;
}

export const ReferralCommentModel = model<ReferralCommentDoc>('ReferralComment', ReferralCommentSchema);
