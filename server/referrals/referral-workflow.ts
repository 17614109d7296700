import type { ReferralDoc } from './referral.model.js';
import type { Transition } from './state-machine.js';
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

/** How long the receiver has to acknowledge a sent referral before it is flagged overdue. */
export const ACKNOWLEDGE_WITHIN_MS: Record<Urgency, number> = {
  emergency: 4 * HOUR,
  high: 72 * HOUR,
  normal: 72 * HOUR,
};

/** The fields a move sets besides the state: its milestone date, and what follows from it. */
export function milestoneFields(
  transition: ReferralTransition,
  referral: Pick<ReferralDoc, 'urgency'>,
  at: Date,
  reason: string | null,
): Record<string, unknown> {
  switch (transition.stamps) {
    case 'sentAt':
      return { sentAt: at, acknowledgeBy: new Date(at.getTime() + ACKNOWLEDGE_WITHIN_MS[referral.urgency]) };
    case 'closedAt':
      return { closedAt: at, closeReason: reason };
    default:
      return { [transition.stamps]: at };
  }
}

export const isOverdue = (referral: Pick<ReferralDoc, 'status' | 'acknowledgeBy'>, now: Date): boolean =>
  referral.status === 'sent' && referral.acknowledgeBy !== null && referral.acknowledgeBy < now;
