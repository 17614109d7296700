import type { Request } from 'express';
import { recordAudit } from '../audit/audit.js';
import { claimOnce, releaseClaim } from '../platform/db/claims.js';
import { enqueueMail } from '../platform/mail/outbox.js';
import { badRequest, conflict } from '../platform/http/problem.js';
import { invitationMail, linkWithToken } from './account-mail.js';
import { createAccount } from './accounts.js';
import { InvitationModel, type InvitationDoc } from './invitation.model.js';
import { assertAcceptablePassword } from './passwords.js';
import type { Role, SessionUser } from './permissions.js';
import { hashToken, newOneTimeToken } from './tokens.js';
import { normalizeEmail } from './user.model.js';
import { assertRoleFitsOrganization, findLiveOrganization, findUserByEmail } from './users.js';

const INVITATION_VALID_MS = 7 * 24 * 3_600_000;

export interface InvitationRequest {
  email: string;
  role: Role;
  organizationId: string | null;
}

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  organizationId: string | null;
  expiresAt: string;
}

const toView = (i: InvitationDoc): InvitationView => ({
  id: i._id.toString(),
  email: i.email,
  role: i.role,
  organizationId: i.organizationId?.toString() ?? null,
  expiresAt: i.expiresAt.toISOString(),
});

/** Invites somebody by email: a one-time link to open an account with this role in this organisation. */
export async function invite(inviter: SessionUser, request: InvitationRequest, req: Request, publicUrl: string): Promise<InvitationView> {
  await assertRoleFitsOrganization(request.role, request.organizationId);
  if (await findUserByEmail(request.email)) throw conflict('An account with this email address already exists.');
  const organization = request.organizationId ? await findLiveOrganization(request.organizationId) : null;
  const { token, tokenHash } = newOneTimeToken();
  const expiresAt = new Date(Date.now() + INVITATION_VALID_MS);
  const email = request.email.trim();
  const invitation = await InvitationModel.create({
    email,
    emailNormalized: normalizeEmail(email),
    role: request.role,
    organizationId: request.organizationId,
    invitedBy: inviter.id,
    tokenHash,
    expiresAt,
  });
  await enqueueMail(
    invitationMail({ email }, { role: request.role, organizationName: organization?.name ?? null, link: linkWithToken(publicUrl, 'accept-invitation', token), expiresAt }),
  );
  const view = toView(invitation.toObject());
  await recordAudit(req, {
    action: 'create',
    entity: 'invitation',
    entityId: view.id,
    organizationId: view.organizationId,
    after: { email: view.email, role: view.role, organizationId: view.organizationId, expiresAt: view.expiresAt },
  });
  return view;
}

export interface Acceptance {
  token: string;
  name: string;
  password: string;
}

/**
 * Opens the invited account. The invitation is claimed first (an atomic unique insert), so a link
 * works once even when used twice at the same moment; if the account cannot be created the claim is
 * given back.
 */
export async function acceptInvitation(acceptance: Acceptance, req: Request): Promise<SessionUser> {
  const now = new Date();
  const invalid = () => badRequest('This invitation link is not valid any more; ask for a new invitation.', [{ field: 'body.token', message: 'invalid, used or expired' }]);
  const invitation = await InvitationModel.findOne({ tokenHash: hashToken(acceptance.token), acceptedAt: null, expiresAt: { $gt: now } }).lean<InvitationDoc>();
  if (!invitation) throw invalid();
  assertAcceptablePassword(acceptance.password, { email: invitation.email, name: acceptance.name });
  const claim = `invitation:${invitation._id.toString()}`;
  if (!(await claimOnce(claim))) throw invalid();

  let user: SessionUser;
  try {
    user = await createAccount(
      {
        email: invitation.email,
        name: acceptance.name,
        password: acceptance.password,
        role: invitation.role,
        organizationId: invitation.organizationId?.toString() ?? null,
        invitedBy: invitation.invitedBy.toString(),
      },
      req,
    );
  } catch (err) {
    await releaseClaim(claim);
    throw err;
  }
  await InvitationModel.updateOne({ _id: invitation._id }, { $set: { acceptedAt: now, userId: user.id } });
  await recordAudit(req, {
    action: 'accept',
    entity: 'invitation',
    entityId: invitation._id.toString(),
    organizationId: user.organizationId,
    before: { acceptedAt: null },
    after: { acceptedAt: now.toISOString(), userId: user.id },
  });
  return user;
}

/** Pending invitations of an organisation (null: platform-admin invitations), newest first. */
export async function pendingInvitations(organizationId: string | null): Promise<InvitationView[]> {
  const rows = await InvitationModel.find({ organizationId, acceptedAt: null, expiresAt: { $gt: new Date() } })
    .sort({ createdAt: -1 })
    .limit(200)
    .lean<InvitationDoc[]>();
  return rows.map(toView);
}

/** Removes invitations that expired unused more than a month ago (accepted ones stay as a record). */
export async function removeExpiredInvitations(now = new Date()): Promise<number> {
  const { deletedCount } = await InvitationModel.deleteMany({ acceptedAt: null, expiresAt: { $lte: new Date(now.getTime() - 30 * 24 * 3_600_000) } });
  return deletedCount;
}
