import { z } from 'zod';
import { ROLES, type Role } from './permission-matrix.js';
import { objectId } from './account.schemas.js';

/**
 * Bodies and queries of the membership routes. No server runtime in this module's imports, so the
 * web app checks its invitation and role forms with these same schemas before sending them, and
 * types its account filters from the query the server validates.
 */

/** Roles an organisation's members can have (platform admins belong to no organisation). */
export const MEMBER_ROLES = ['org-admin', 'caseworker', 'gov-liaison'] as const satisfies readonly Role[];
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const InvitationBody = z.strictObject({
  email: z.email().max(320),
  role: z.enum(ROLES),
  /** Null (or absent) only for inviting another platform admin. */
  organizationId: objectId.nullable().default(null),
});

export const RoleBody = z.strictObject({ role: z.enum(MEMBER_ROLES) });

export const ACCOUNT_STATES = ['active', 'pending', 'deactivated'] as const;

/** GET /users: every account, filtered, a page at a time. */
export const UsersQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  organizationId: objectId.optional(),
  status: z.enum(ACCOUNT_STATES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
