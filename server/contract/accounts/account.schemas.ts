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
export type InvitationView = z.infer<typeof InvitationViewSchema>;

export const InvitationList = z.object({ items: z.array(InvitationViewSchema) });
export type InvitationList = z.infer<typeof InvitationList>;
export const MemberList = z.object({ items: z.array(MemberViewSchema) });
export type MemberList = z.infer<typeof MemberList>;
/** One page of all accounts (platform admins). */
export const UserPage = z.object({ items: z.array(MemberViewSchema), page: z.number(), pageSize: z.number(), total: z.number() });
export type UserPage = z.infer<typeof UserPage>;

/** Who this session belongs to: null when nobody signed in. */
export const SessionView = z.object({ user: UserViewSchema.nullable() });
export type SessionView = z.infer<typeof SessionView>;
/** The account just signed in or opened. */
export const SignedInView = z.object({ user: UserViewSchema });
export type SignedInView = z.infer<typeof SignedInView>;
/** Sign-in renews the session and with it the CSRF token. */
export const LoginView = SignedInView.extend({ csrfToken: z.string() });
export type LoginView = z.infer<typeof LoginView>;
export const CsrfView = z.object({ token: z.string() });
export type CsrfView = z.infer<typeof CsrfView>;

export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'invalidId');
