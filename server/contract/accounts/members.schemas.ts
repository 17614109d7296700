import { z } from 'zod';
import { ROLES, type Role } from './permission-matrix.js';
import { objectId } from './account.schemas.js';

/**
 * Bodies of the membership routes. No server runtime in this module's imports, so the web app
 * checks its invitation and role forms with these same schemas before sending them.
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
