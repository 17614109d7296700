import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { HttpProblem } from '../platform/http/problem.js';
import { CatalogSet, derivedFrom, RecordCatalog } from '../directory/catalog/catalog.js';
import { organizationCatalog } from '../directory/catalog/directory-catalog.js';
import { effectiveRole, PERMISSIONS, type Role } from './permissions.js';
import { accountFeed, UserModel, type UserDoc } from './user.model.js';

/**
 * Which organisations have someone to read a referral: at least one active member whose role (as it
 * acts now, effectiveRole) may receive referrals. Only what decides that is kept per account, in
 * memory, current through the accounts' change feed (an invitation accepted, a role changed, a
 * member deactivated), so no request scans the users to answer it.
 */
interface MemberEntry {
  _id: Types.ObjectId;
  organization: string | null;
  role: Role;
  active: boolean;
}

const entryOf = (doc: Record<string, unknown>): MemberEntry => {
  const u = doc as unknown as UserDoc;
  return { _id: u._id, organization: u.organizationId ? u.organizationId.toHexString() : null, role: u.role, active: u.status === 'active' };
};

const members = new RecordCatalog<MemberEntry>('users', () => UserModel as never, entryOf);
const memberSet = new CatalogSet([members] as never, () => {}, accountFeed);

// Recomputed when a member changes or an organisation does (its type decides how a liaison acts).
// Made at first use: the directory's modules, which read it, are still loading when this one is.
let derived: (() => { ids: Set<string>; key: string }) | undefined;
const receiving = () => (derived ??= derivedFrom([members, organizationCatalog], computeReceiving))();

function computeReceiving() {
  const ids = new Set<string>();
  for (const m of members.values()) {
    if (!m.active || !m.organization || ids.has(m.organization)) continue;
    const type = (organizationCatalog.get(m.organization)?.type as string | undefined) ?? null;
    if (PERMISSIONS[effectiveRole(m.role, type)]['referral:receive'].own) ids.add(m.organization);
  }
  // By content: a sign-in (a write to the account) must not make cached answers look stale.
  return { ids, key: createHash('sha256').update([...ids].sort().join(',')).digest('hex').slice(0, 12) };
}

/** Applies the accounts' change feed (a lookup by _id when nothing changed); loads at the first call. */
export const loadReferralReceivers = (): Promise<void> => memberSet.ensureFresh();

/** The organisations (hex ids) someone receives referrals for, as of the last load. */
export const receivingOrganizations = (): ReadonlySet<string> => receiving().ids;

/** Changes exactly when that set does: part of the key of any cached answer that shows who accepts referrals. */
export const receiversKey = (): string => receiving().key;

/**
 * "Accepts referrals on the platform" as a filter: the organisation says it accepts them (stored) and
 * someone receives them there (`receiving`, hex ids). `idField` names the organisation in the records filtered.
 */
export function acceptsReferralsCondition(accepting: boolean, idField: '_id' | 'organizationId', receiving: ReadonlySet<string>): Record<string, unknown> {
  const ids = [...receiving].map((id) => new Types.ObjectId(id));
  return accepting
    ? { acceptsReferrals: true, [idField]: { $in: ids } }
    : { $or: [{ acceptsReferrals: { $ne: true } }, { [idField]: { $nin: ids } }] };
}

/** Whether someone at this organisation receives referrals on the platform, as of the last load. */
export const hasReferralReceivers = (organizationId: string | { toHexString(): string }): boolean =>
  receiving().ids.has(typeof organizationId === 'string' ? organizationId : organizationId.toHexString());

/**
 * The one refusal of a referral that nobody would read: 422, with the field and a type the web app
 * names in the user's language. Current as of this call (the change feed is applied first).
 */
export async function requireReferralReceivers(organizationId: string | { toHexString(): string }): Promise<void> {
  await loadReferralReceivers();
  if (hasReferralReceivers(organizationId)) return;
  throw new HttpProblem(422, 'noReferralReceivers', {
    type: '/problems/no-referral-receivers',
    title: 'titleNoReferralReceivers',
    errors: [{ field: 'body.toOrganizationId', message: 'noReferralReceivers' }],
  });
}
