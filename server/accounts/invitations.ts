import { recordAudit } from '../audit/audit.js';
import { claimOnce, releaseClaim } from '../platform/db/claims.js';
import { enqueueMail } from '../platform/mail/outbox.js';
import { Types } from 'mongoose';
import { OrganizationModel } from '../directory/organizations/organization.model.js';
import { badRequest, conflict, notFound } from '../platform/http/problem.js';
import { mailText } from '../platform/mail/catalogue.js';
import { textIn, type Translated } from '../platform/text/translated.js';
import { linkWithToken } from './account-mail.js';
import { createAccount } from './accounts.js';
import { InvitationModel, type InvitationDoc } from './invitation.model.js';
import { assertAcceptablePassword } from './passwords.js';
import { type Role, type SessionUser, authorize, authorizeEverywhere, type Actor } from './permissions.js';
import { hasReferralReceivers, loadReferralReceivers } from './referral-receivers.js';
import { hashToken, newOneTimeToken } from './tokens.js';
import { normalizeEmail, UserModel, type UserDoc } from './user.model.js';
import { assertRoleFitsOrganization, findLiveOrganization, findUserByEmail, toSessionUser } from './users.js';

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
export async function invite(actor: Actor, request: InvitationRequest, publicUrl: string): Promise<InvitationView> {
  const inviter = authorize(actor, 'member:manage', request.organizationId);
  await assertRoleFitsOrganization(request.role, request.organizationId);
  const organization = request.organizationId ? await findLiveOrganization(request.organizationId) : null;
  return issueInvitation(actor, inviter, { ...request, claim: false }, organization?.name ?? null, publicUrl);
}

/**
 * Invites an organisation without anyone on the platform to claim its record: the one-time link goes
 * to the e-mail address on the record and opens its first admin, pending until a platform admin
 * confirms it (confirmClaim). Platform admins only.
 */
export async function inviteToClaim(actor: Actor, organizationId: string, publicUrl: string): Promise<InvitationView> {
  const inviter = authorizeEverywhere(actor, 'organization:verify');
  const organization = await findLiveOrganization(organizationId);
  const record = await OrganizationModel.findById(organizationId, { email: 1 }).lean<{ email?: string | null }>();
  if (!record?.email) {
    throw badRequest('claimNeedsEmail', [{ field: 'organization.email', message: 'required' }]);
  }
  await loadReferralReceivers();
  if (hasReferralReceivers(organizationId)) throw conflict('organisationAlreadyOnPlatform');
  return issueInvitation(actor, inviter, { email: record.email, role: 'org-admin', organizationId, claim: true }, organization.name, publicUrl);
}

/** A platform admin confirms the pending first admin of a claimed organisation: only then can they sign in and receive referrals. */
export async function confirmClaim(actor: Actor, userId: string): Promise<SessionUser> {
  authorizeEverywhere(actor, 'organization:verify');
  const confirmedAt = new Date();
  const updated = Types.ObjectId.isValid(userId)
    ? await UserModel.findOneAndUpdate({ _id: userId, status: 'pending' }, { $set: { status: 'active' } }, { new: true }).lean<UserDoc>()
    : null;
  if (!updated) throw notFound('pending account');
  const user = toSessionUser(updated);
  await recordAudit(actor, {
    action: 'confirm',
    entity: 'user',
    entityId: user.id,
    organizationId: user.organizationId,
    before: { status: 'pending' },
    after: { status: 'active', confirmedAt: confirmedAt.toISOString() },
  });
  return user;
}

async function issueInvitation(
  actor: Actor,
  inviter: SessionUser,
  request: InvitationRequest & { claim: boolean },
  organizationName: Translated | null,
  publicUrl: string,
): Promise<InvitationView> {
  if (await findUserByEmail(request.email)) throw conflict('emailTaken');
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
    claim: request.claim,
  });
  // Written in the inviter's language: the invitee has no account, and so no language, yet.
  const link = linkWithToken(publicUrl, 'accept-invitation', token);
  const organization = textIn(organizationName, actor.language);
  await enqueueMail({ to: email, ...mailText('invitation', actor.language, { role: request.role, organizationName: organization, link, expiresAt, claim: request.claim }), link });
  const view = toView(invitation.toObject());
  await recordAudit(actor, {
    action: 'create',
    entity: 'invitation',
    entityId: view.id,
    organizationId: view.organizationId,
    after: { email: view.email, role: view.role, organizationId: view.organizationId, expiresAt: view.expiresAt, claim: request.claim },
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
export async function acceptInvitation(acceptance: Acceptance, actor: Actor): Promise<SessionUser> {
  const now = new Date();
  const invalid = () => badRequest('invitationLinkInvalid', [{ field: 'body.token', message: 'linkUsedOrExpired' }]);
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
        status: invitation.claim ? 'pending' : 'active',
        language: actor.language,
      },
      actor,
    );
  } catch (err) {
    await releaseClaim(claim);
    throw err;
  }
  await InvitationModel.updateOne({ _id: invitation._id }, { $set: { acceptedAt: now, userId: user.id } });
  await recordAudit(actor, {
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
