import type { Transition } from './transition.js';
import { RESPONSE_COMMITMENT_HOURS, type ResponseCommitment } from '../directory/vocabulary.js';
import {
  COMPLETION_OUTCOMES,
  DECLINE_REASONS,
  NOT_COMPLETED_REASONS,
  WITHDRAWAL_REASONS,
  type ReferralStatus,
  type Urgency,
} from './vocabulary.js';

export type ReferralSide = 'sender' | 'receiver';

export interface ReferralTransition extends Transition<ReferralStatus, ReferralSide> {
  /** The record's milestone date this move sets (used for overdue flags and statistics). */
  stamps: 'sentAt' | 'acknowledgedAt' | 'acceptedAt' | 'closedAt';
  /** The receiving organisation is told (by mail, with a link only). */
  notifiesReceiver?: boolean;
}

/**
 * The referral pathway, after Primero's referral workflow and National Referral Mechanism practice:
 * the sender sends and may withdraw until the case is closed; the receiver acknowledges, decides,
 * and reports the outcome. This table is the only place the rules are written.
 */
export const REFERRAL_TRANSITIONS: readonly ReferralTransition[] = [
  { from: ['draft'], to: 'sent', by: ['sender'], stamps: 'sentAt', notifiesReceiver: true },
  { from: ['sent'], to: 'acknowledged', by: ['receiver'], stamps: 'acknowledgedAt' },
  { from: ['acknowledged'], to: 'accepted', by: ['receiver'], stamps: 'acceptedAt' },
  { from: ['acknowledged'], to: 'declined', by: ['receiver'], stamps: 'closedAt', reasons: DECLINE_REASONS },
  { from: ['accepted'], to: 'completed', by: ['receiver'], stamps: 'closedAt', reasons: COMPLETION_OUTCOMES },
  { from: ['accepted'], to: 'not-completed', by: ['receiver'], stamps: 'closedAt', reasons: NOT_COMPLETED_REASONS },
  {
    from: ['draft', 'sent', 'acknowledged', 'accepted'],
    to: 'withdrawn',
    by: ['sender'],
    stamps: 'closedAt',
    reasons: WITHDRAWAL_REASONS,
  },
];

const HOUR = 3_600_000;

/** How long the receiver has to acknowledge a sent referral when the service states no commitment. */
export const ACKNOWLEDGE_WITHIN_MS: Record<Urgency, number> = {
  emergency: 4 * HOUR,
  high: 72 * HOUR,
  normal: 72 * HOUR,
};

/** Urgencies whose overdue referrals are escalated (to the receiver's admins, then the governorate's liaison). */
export const ESCALATED_URGENCIES: readonly Urgency[] = ['emergency', 'high'];

/** The receiver's time to acknowledge: the target service's commitment, else the default for the urgency. */
export const acknowledgeWithinMs = (urgency: Urgency, commitment: ResponseCommitment | null): number =>
  commitment ? RESPONSE_COMMITMENT_HOURS[commitment] * HOUR : ACKNOWLEDGE_WITHIN_MS[urgency];

/**
 * The fields a move sets besides the state: its milestone date, and what follows from it. Sending
 * sets when the referral is overdue and, a second such period later, when an urgent one reaches the
 * governorate's government liaison.
 */
export function milestoneFields(
  transition: ReferralTransition,
  referral: { urgency: Urgency },
  at: Date,
  reason: string | null,
  commitment: ResponseCommitment | null,
): Record<string, unknown> {
  switch (transition.stamps) {
    case 'sentAt': {
      const within = acknowledgeWithinMs(referral.urgency, commitment);
      return {
        sentAt: at,
        acknowledgeBy: new Date(at.getTime() + within),
        liaisonEscalationAt: ESCALATED_URGENCIES.includes(referral.urgency) ? new Date(at.getTime() + 2 * within) : null,
      };
    }
    case 'closedAt':
      return { closedAt: at, closeReason: reason };
    default:
      return { [transition.stamps]: at };
  }
}

export const isOverdue = (referral: { status: ReferralStatus; acknowledgeBy: Date | null }, now: Date): boolean =>
  referral.status === 'sent' && referral.acknowledgeBy !== null && referral.acknowledgeBy < now;
