import { Types } from 'mongoose';
import { organizationNames } from '../directory/catalog/queries.js';
import { OrganizationModel } from '../directory/organizations/organization.model.js';
import { GOVERNMENT_TYPES, type OrganizationType } from '../contract/directory/vocabulary.js';
import type { Translated } from '../platform/text/translated.js';
import { badRequest, notFound } from '../platform/http/problem.js';
import { effectiveRole, type Role, type SessionUser } from './permissions.js';
import { UserModel, normalizeEmail, type UserDoc } from './user.model.js';
import type { MemberView, UserView } from '../contract/accounts/account.schemas.js';

export const toSessionUser = (u: UserDoc): SessionUser => ({
  id: u._id.toString(),
  email: u.email,
  name: u.name,
  role: u.role,
  organizationId: u.organizationId?.toString() ?? null,
});

/**
 * The user as a request acts: the role is re-derived from the organisation as it is now (see
 * effectiveRole), never from what it was when the role was given.
 */
export async function actingUser(u: UserDoc): Promise<SessionUser> {
  const user = toSessionUser(u);
  if (user.role !== 'gov-liaison' || !user.organizationId) return user;
  // By _id alone (any further condition makes the embedded database scan); archived is checked here.
  const org = await OrganizationModel.findById(user.organizationId, { type: 1, archivedAt: 1 }).lean<{ type: OrganizationType; archivedAt: Date | null }>();
  return { ...user, role: effectiveRole(user.role, org && !org.archivedAt ? org.type : null) };
}

export async function findActiveUserById(id: string): Promise<UserDoc | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  // Read on every signed-in request: by _id alone, the one read the embedded database answers by index.
  const user = await UserModel.findById(id).lean<UserDoc>();
  return user?.status === 'active' ? user : null;
}

export async function findUserByEmail(email: string): Promise<UserDoc | null> {
  return UserModel.findOne({ emailNormalized: normalizeEmail(email) }).lean<UserDoc>();
}

function view(u: SessionUser, names: Map<string, Translated>): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organization: u.organizationId ? { id: u.organizationId, name: names.get(u.organizationId) ?? {} } : null,
  };
}

export async function describeUser(u: SessionUser): Promise<UserView> {
  return view(u, await organizationNames([u.organizationId]));
}

export async function toMemberViews(docs: UserDoc[]): Promise<MemberView[]> {
  const users = docs.map(toSessionUser);
  const names = await organizationNames(users.map((u) => u.organizationId));
  return docs.map((doc, i) => ({
    ...view(users[i]!, names),
    status: doc.status,
    lastLoginAt: doc.lastLoginAt?.toISOString() ?? null,
    createdAt: (doc as { createdAt?: Date }).createdAt?.toISOString() ?? '',
  }));
}

/** An organisation that can hold accounts: it exists and is not archived. */
export async function findLiveOrganization(id: string): Promise<{ id: string; type: OrganizationType; name: Translated }> {
  const org = Types.ObjectId.isValid(id)
    ? await OrganizationModel.findById(id, { type: 1, name: 1, archivedAt: 1 }).lean<{ _id: Types.ObjectId; type: string; name: unknown; archivedAt: Date | null }>()
    : null;
  if (!org || org.archivedAt) throw notFound('organisation');
  return { id: org._id.toString(), type: org.type as OrganizationType, name: org.name as Translated };
}

/**
 * The organisation rule of roles: platform admins belong to none; everybody else to one, and
 * government liaisons only to a government body.
 */
export async function assertRoleFitsOrganization(role: Role, organizationId: string | null): Promise<void> {
  if (role === 'platform-admin') {
    if (organizationId !== null) throw badRequest('platformAdminNoOrganisation', [{ field: 'body.role', message: 'notForOrganisationMember' }]);
    return;
  }
  if (organizationId === null) throw badRequest('roleNeedsOrganisation', [{ field: 'body.organizationId', message: 'required' }]);
  const org = await findLiveOrganization(organizationId);
  if (role === 'gov-liaison' && !GOVERNMENT_TYPES.includes(org.type)) {
    throw badRequest('liaisonNeedsGovernment', [
      { field: 'body.role', message: { key: 'needsGovernmentType', params: { types: GOVERNMENT_TYPES.join(', ') } } },
    ]);
  }
}
