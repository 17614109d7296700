import { Schema, model, type Types } from 'mongoose';
import { historyEntryMongoose } from '../referral.model.js';
import type { HistoryEntry } from '../state-machine.js';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../contract/referrals/vocabulary.js';

/**
 * A referral agreement between two organisations (a memorandum of understanding): which service
 * categories it covers and for how long. One organisation proposes, the other accepts; either ends it.
 */
const AgreementSchema = new Schema(
  {
    proposerOrganizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true, index: true },
    partnerOrganizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true, index: true },
    categories: { type: [String], required: true },
    startsOn: { type: Date, required: true },
    endsOn: { type: Date, default: null },
    /** When it was ended early, if it was. */
    endedAt: { type: Date, default: null },
    status: { type: String, enum: AGREEMENT_STATUSES, required: true, default: 'proposed' },
    version: { type: Number, required: true, default: 1 },
    history: { type: [historyEntryMongoose(AGREEMENT_STATUSES)], default: [] },
  },
  { collection: 'referral_agreements', timestamps: true, versionKey: false },
);
AgreementSchema.index({ status: 1, startsOn: 1 });

export interface AgreementDoc {
  _id: Types.ObjectId;
  proposerOrganizationId: Types.ObjectId;
  partnerOrganizationId: Types.ObjectId;
  categories: string[];
  startsOn: Date;
  endsOn: Date | null;
  endedAt: Date | null;
  status: AgreementStatus;
  version: number;
  history: HistoryEntry<AgreementStatus>[];
  createdAt: Date;
  updatedAt: Date;
}

export const AgreementModel = model<AgreementDoc>('ReferralAgreement', AgreementSchema);
