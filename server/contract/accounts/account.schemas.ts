import { z } from 'zod';
import { ROLES } from './permission-matrix.js';

/** Response shapes, for the OpenAPI document. */
export const UserViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organization: z
    .object({ id: z.string(), name: z.object({ en: z.string().optional(), ar: z.string().optional(), ckb: z.string().optional() }) })
    .nullable(),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const MemberViewSchema = UserViewSchema.extend({
  status: z.enum(['active', 'pending', 'deactivated']),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MemberView = z.infer<typeof MemberViewSchema>;

export const InvitationViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  organizationId: z.string().nullable(),
  expiresAt: z.string(),
});

export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'invalidId');
