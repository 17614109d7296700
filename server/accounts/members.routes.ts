import { Router } from 'express';
import { z } from 'zod';
import { apiRoute } from '../platform/http/api-route.js';
import { acceptInvitation, confirmClaim, invite, inviteToClaim, pendingInvitations } from './invitations.js';
import { changeMemberRole, listMembers, listUsers, removeMember } from './members.js';
import { ACCOUNT_STATES, InvitationBody, RoleBody, UsersQuery } from '../contract/accounts/members.schemas.js';
import { AcceptBody } from '../contract/accounts/auth.schemas.js';
import { authorize, authorizeEverywhere, actorOf } from './permissions.js';
import { InvitationList, InvitationViewSchema, MemberList, MemberViewSchema, SignedInView, UserPage, UserViewSchema, objectId } from '../contract/accounts/account.schemas.js';
import { describeUser } from './users.js';

const OrgParams = z.strictObject({ organizationId: objectId });
const MemberParams = z.strictObject({ organizationId: objectId, userId: objectId });
/** Organisation membership: invitations, members and their roles; the list of all accounts. */
export function memberRoutes(deps: { publicUrl: string }): Router {
  const router = Router();
  const tags = ['accounts'];

  apiRoute(
    router,
    {
      method: 'post',
      path: '/invitations',
      summary: 'Invite somebody by email to open an account with a role (one-time link by mail, valid 7 days)',
      description: 'Organisation admins invite to their own organisation; platform admins to any, and invite platform admins with `organizationId: null`.',
      tags,
      auth: 'session',
      body: InvitationBody,
      status: 201,
      response: InvitationViewSchema,
      errors: { 404: 'No such organisation.', 409: 'An account with this email address already exists.' },
    },
    async ({ req, body }) => {
      return invite(actorOf(req), body, deps.publicUrl);
    },
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/invitations/accept',
      summary: 'Open the invited account with the token from the invitation link, a name and a password',
      tags,
      body: AcceptBody,
      status: 201,
      response: SignedInView,
      errors: { 400: 'The token is invalid, used or expired, or the password is not acceptable.', 409: 'An account with this email address already exists.' },
    },
    async ({ req, body }) => ({ user: await describeUser(await acceptInvitation(body, actorOf(req))) }),
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/organizations/:organizationId/claim-invitations',
      summary: 'Invite an organisation without anyone on the platform to claim its record (platform admins): a one-time link to the e-mail on the record',
      tags,
      auth: 'session',
      params: OrgParams,
      status: 201,
      response: InvitationViewSchema,
      errors: { 400: 'The record has no e-mail address.', 404: 'No such organisation.', 409: 'Someone there is already on the platform.' },
    },
    async ({ req, params }) => inviteToClaim(actorOf(req), params.organizationId, deps.publicUrl),
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/users/:userId/confirm',
      summary: "Confirm the pending first admin of a claimed organisation (platform admins)",
      tags,
      auth: 'session',
      params: z.strictObject({ userId: objectId }),
      response: UserViewSchema,
      errors: { 404: 'No such pending account.' },
    },
    async ({ req, params }) => describeUser(await confirmClaim(actorOf(req), params.userId)),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/organizations/:organizationId/invitations',
      summary: 'Pending invitations of an organisation',
      tags,
      auth: 'session',
      params: OrgParams,
      response: InvitationList,
    },
    async ({ req, params }) => {
      authorize(actorOf(req), 'member:manage', params.organizationId);
      return { items: await pendingInvitations(params.organizationId) };
    },
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/organizations/:organizationId/members',
      summary: 'Accounts of an organisation',
      tags,
      auth: 'session',
      params: OrgParams,
      query: z.strictObject({ status: z.enum(ACCOUNT_STATES).optional() }),
      response: MemberList,
    },
    async ({ req, params, query }) => {
      authorize(actorOf(req), 'member:manage', params.organizationId);
      return { items: await listMembers(params.organizationId, query.status) };
    },
  );

  apiRoute(
    router,
    {
      method: 'patch',
      path: '/organizations/:organizationId/members/:userId',
      summary: "Change a member's role (not your own)",
      tags,
      auth: 'session',
      params: MemberParams,
      body: RoleBody,
      response: MemberViewSchema,
      errors: { 404: 'No such active member of this organisation.', 409: 'Your own role, or changed at the same time.' },
    },
    async ({ req, params, body }) => {
      return changeMemberRole(actorOf(req), params.organizationId, params.userId, body.role);
    },
  );

  apiRoute(
    router,
    {
      method: 'delete',
      path: '/organizations/:organizationId/members/:userId',
      summary: 'Remove a member: the account is deactivated and signed out (not yourself)',
      tags,
      auth: 'session',
      params: MemberParams,
      status: 204,
      errors: { 404: 'No such active member of this organisation.', 409: 'You cannot remove yourself.' },
    },
    async ({ req, params }) => {
      await removeMember(actorOf(req), params.organizationId, params.userId);
    },
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/users',
      summary: 'All accounts (platform admins)',
      tags,
      auth: 'session',
      query: UsersQuery,
      response: UserPage,
    },
    async ({ req, query }) => {
      authorizeEverywhere(actorOf(req), 'member:manage');
      return listUsers(query);
    },
  );

  return router;
}
