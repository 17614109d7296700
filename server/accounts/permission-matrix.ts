/**
 * Least privilege, written once: which role may do which action on its own organisation's records
 * ("own") and on anybody else's ("other"). Anonymous visitors only read the public directory, which
 * needs no permission. Every cell is tested.
 */
export const ROLES = ['platform-admin', 'org-admin', 'caseworker', 'gov-liaison'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'organization:create',
  'organization:update',
  'organization:archive',
  'organization:verify',
  'service:write',
  'location:write',
  'contact:write',
  'confidential:read',
  'taxonomy:write',
  'member:manage',
  'referral:send',
  'referral:receive',
  'referral:stats',
  'agreement:manage',
  'activity:write',
  'coverage:referral-stats',
  'audit:read',
  'directory:import',
  'sample:clear',
] as const;
export type Action = (typeof ACTIONS)[number];

export type Scope = 'own' | 'other';
type Cell = Record<Scope, boolean>;
const own: Cell = { own: true, other: false };
const all: Cell = { own: true, other: true };
const none: Cell = { own: false, other: false };

export const PERMISSIONS: Record<Role, Record<Action, Cell>> = {
  'platform-admin': {
    'organization:create': all,
    'organization:update': all,
    'organization:archive': all,
    'organization:verify': all,
    'service:write': all,
    'location:write': all,
    'contact:write': all,
    'confidential:read': all,
    'taxonomy:write': all,
    'member:manage': all,
    // Platform admins run the platform; they do not handle cases.
    'referral:send': none,
    'referral:receive': none,
    'referral:stats': all,
    'agreement:manage': all,
    'activity:write': all,
    'coverage:referral-stats': all,
    'audit:read': all,
    'directory:import': all,
    'sample:clear': all,
  },
  'org-admin': {
    'organization:create': none,
    'organization:update': own,
    'organization:archive': none,
    'organization:verify': none,
    'service:write': own,
    'location:write': own,
    'contact:write': own,
    'confidential:read': own,
    'taxonomy:write': none,
    'member:manage': own,
    'referral:send': own,
    'referral:receive': own,
    'referral:stats': own,
    'agreement:manage': own,
    'activity:write': own,
    'coverage:referral-stats': none,
    'audit:read': own,
    'directory:import': none,
    'sample:clear': none,
  },
  caseworker: {
    'organization:create': none,
    'organization:update': none,
    'organization:archive': none,
    'organization:verify': none,
    'service:write': none,
    'location:write': none,
    'contact:write': none,
    'confidential:read': own,
    'taxonomy:write': none,
    'member:manage': none,
    'referral:send': own,
    'referral:receive': own,
    'referral:stats': own,
    'agreement:manage': none,
    'activity:write': own,
    'coverage:referral-stats': none,
    'audit:read': none,
    'directory:import': none,
    'sample:clear': none,
  },
  'gov-liaison': {
    'organization:create': none,
    'organization:update': none,
    'organization:archive': none,
    'organization:verify': none,
    'service:write': none,
    'location:write': none,
    'contact:write': none,
    'confidential:read': own,
    'taxonomy:write': none,
    'member:manage': none,
    'referral:send': own,
    'referral:receive': own,
    'referral:stats': all,
    'agreement:manage': none,
    'activity:write': own,
    'coverage:referral-stats': all,
    'audit:read': none,
    'directory:import': none,
    'sample:clear': none,
  },
};

/** The signed-in user as the rest of the server sees it (what the session deserialises to). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Null only for platform admins. */
  organizationId: string | null;
}

export function can(user: SessionUser | undefined, action: Action, targetOrganizationId?: string | null): boolean {
  if (!user) return false;
  const cell = PERMISSIONS[user.role][action];
  if (cell.other) return true;
  if (!cell.own) return false;
  // With no target, "own" means "for my own organisation", which every member has.
  if (targetOrganizationId === undefined) return user.organizationId !== null;
  return targetOrganizationId !== null && user.organizationId === targetOrganizationId;
}

/** True when the role may do the action on every organisation's records (the "other" column). */
export function canEverywhere(user: SessionUser | undefined, action: Action): boolean {
  return user !== undefined && PERMISSIONS[user.role][action].other;
}
