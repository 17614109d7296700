import { Types } from 'mongoose';
import { recordAudit } from '../audit/audit.js';
import { conflict, notFound } from '../platform/http/problem.js';
import { type Role, type SessionUser, authorize, type Actor } from './permissions.js';
import { endSessionsOf } from './session-record.model.js';
import type { MemberRole } from '../contract/accounts/members.schemas.js';
import { UserModel, type UserDoc, type UserStatus } from './user.model.js';
import { assertRoleFitsOrganization, toMemberViews } from './users.js';
import { type MemberView } from '../contract/accounts/account.schemas.js';


export async function listMembers(organizationId: string, status?: UserStatus): Promise<MemberView[]> {
  const users = await UserModel.find({ organizationId, ...(status ? { status } : {}) })
    .sort({ name: 1 })
    .limit(1000)
    .lean<UserDoc[]>();
  return toMemberViews(users);
}

async function findActiveMember(organizationId: string, userId: string): Promise<UserDoc> {
  const member = Types.ObjectId.isValid(userId)
    ? await UserModel.findOne({ _id: userId, organizationId, status: 'active' }).lean<UserDoc>()
    : null;
  if (!member) throw notFound('member of this organisation');
  return member;
}

function assertNotSelf(user: SessionUser, userId: string, refusal: 'notSelfRole' | 'notSelfRemove'): void {
  if (user.id === userId) throw conflict(refusal);
}

/** Gives a member another role; takes effect on their next request. */
export async function changeMemberRole(actor: Actor, organizationId: string, userId: string, role: MemberRole): Promise<MemberView> {
  assertNotSelf(authorize(actor, 'member:manage', organizationId), userId, 'notSelfRole');
  const member = await findActiveMember(organizationId, userId);
  await assertRoleFitsOrganization(role, organizationId);
  const updated = await UserModel.findOneAndUpdate(
    { _id: member._id, organizationId, status: 'active', role: member.role },
    { $set: { role } },
    { new: true },
  ).lean<UserDoc>();
  if (!updated) throw conflict('memberChanged');
  if (member.role !== role) {
    await recordAudit(actor, { action: 'update', entity: 'user', entityId: userId, organizationId, before: { role: member.role }, after: { role } });
  }
  const [view] = await toMemberViews([updated]);
  return view!;
}

/** Removes a member: the account is deactivated (kept for the record) and signed out everywhere. */
export async function removeMember(actor: Actor, organizationId: string, userId: string): Promise<void> {
  assertNotSelf(authorize(actor, 'member:manage', organizationId), userId, 'notSelfRemove');
  const member = await findActiveMember(organizationId, userId);
  const deactivatedAt = new Date();
  const result = await UserModel.updateOne({ _id: member._id, status: 'active' }, { $set: { status: 'deactivated', deactivatedAt } });
  if (result.modifiedCount !== 1) throw notFound('member of this organisation');
  await endSessionsOf(userId);
  await recordAudit(actor, {
    action: 'deactivate',
    entity: 'user',
    entityId: userId,
    organizationId,
    before: { status: 'active' },
    after: { status: 'deactivated', deactivatedAt: deactivatedAt.toISOString() },
  });
}

export interface UserFilter {
  role?: Role;
  organizationId?: string;
  status?: UserStatus;
  page: number;
  pageSize: number;
}

/** Every account, for platform admins. */
export async function listUsers(filter: UserFilter): Promise<{ items: MemberView[]; page: number; pageSize: number; total: number }> {
  const query = {
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [users, total] = await Promise.all([
    UserModel.find(query)
      .sort({ emailNormalized: 1 })
      .skip((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .lean<UserDoc[]>(),
    UserModel.countDocuments(query),
  ]);
  return { items: await toMemberViews(users), page: filter.page, pageSize: filter.pageSize, total };
}
