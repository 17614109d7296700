import type { Translated } from '../platform/text/translated.js';
import type { Mail } from '../platform/mail/outbox.js';
import type { Role } from './permissions.js';

const ROLE_NAMES: Record<Role, string> = {
  'platform-admin': 'platform administrator',
  'org-admin': 'organisation administrator',
  caseworker: 'caseworker',
  'gov-liaison': 'government liaison',
};

const SIGNATURE = '\n\n— Iraq counter-trafficking referral directory\nIf you did not expect this message, you can ignore it.';

/** The web app's account pages that mail links open (client route /account/<section>). */
export type AccountLinkSection = 'accept-invitation' | 'reset-password';

/** Links carry the token in the fragment: it never reaches a server log or a Referer header. */
export const linkWithToken = (publicUrl: string, section: AccountLinkSection, token: string) => `${publicUrl}/account/${section}#token=${token}`;

export function invitationMail(
  to: { email: string },
  invitation: { role: Role; organizationName: Translated | null; link: string; expiresAt: Date; claim?: boolean },
): Mail {
  const name = invitation.organizationName ? [invitation.organizationName.en, invitation.organizationName.ar, invitation.organizationName.ckb].filter(Boolean).join(' / ') : '';
  const where = name ? ` for ${name}` : '';
  return {
    to: to.email,
    subject: invitation.claim ? 'Claim your organisation in the referral directory' : 'You are invited to the referral directory',
    text:
      (invitation.claim
        ? `${name} is listed in the referral directory, and caseworkers can refer people to it by phone only. ` +
          `Claim the record to receive referrals on the platform: you become its first ${ROLE_NAMES[invitation.role]} ` +
          `once a platform admin has confirmed your account.\n\n`
        : `You have been invited to join the referral directory as ${ROLE_NAMES[invitation.role]}${where}.\n\n`) +
      `Choose your name and password here (the link works once, until ${invitation.expiresAt.toUTCString()}):\n${invitation.link}` +
      SIGNATURE,
    link: invitation.link,
  };
}

export function passwordResetMail(to: { email: string; name: string }, reset: { link: string; expiresAt: Date }): Mail {
  return {
    to: to.email,
    subject: 'Reset your password',
    text:
      `Hello ${to.name},\n\nSomebody (hopefully you) asked to reset the password of your account.\n\n` +
      `Choose a new password here (the link works once, until ${reset.expiresAt.toUTCString()}):\n${reset.link}` +
      SIGNATURE,
    link: reset.link,
  };
}
