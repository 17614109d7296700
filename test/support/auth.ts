import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createAccount } from '../../server/accounts/accounts.js';
import type { Role, SessionUser } from '../../server/accounts/permissions.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { GOVERNMENT_TYPES, type OrganizationType } from '../../server/contract/directory/vocabulary.js';

export type Agent = request.Agent;

export interface SignedIn {
  /** Keeps the session cookie between requests. */
  agent: Agent;
  /** Send as X-CSRF-Token on every POST, PUT, PATCH and DELETE. */
  csrf: string;
  user: SessionUser;
  password: string;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(3).toString('hex')}`;

/** A password that passes the policy. */
export const strongPassword = () => `Test pass ${randomBytes(12).toString('base64url')}`;

/** A minimal organisation a member with this role can belong to (a government body for gov-liaison). */
export async function createTestOrganization(type?: OrganizationType, name = `Test organisation ${unique()}`): Promise<string> {
  const org = await OrganizationModel.create({ name: { en: name }, type: type ?? 'local-ngo' });
  return org._id.toString();
}

/** An account straight in the database (through the same use case the app uses). */
export async function createTestUser(opts: { role: Role; organizationId?: string | null; email?: string; password?: string; name?: string }): Promise<{ user: SessionUser; password: string }> {
  const password = opts.password ?? strongPassword();
  const organizationId =
    opts.role === 'platform-admin'
      ? null
      : opts.organizationId ?? (await createTestOrganization(opts.role === 'gov-liaison' ? GOVERNMENT_TYPES[0] : 'local-ngo'));
  const user = await createAccount(
    { email: opts.email ?? `${opts.role}.${unique()}@example.test`, name: opts.name ?? `Test ${opts.role}`, password, role: opts.role, organizationId },
    null,
  );
  return { user, password };
}

/** A fresh agent with an anonymous session and its CSRF token. */
export async function anonymousAgent(app: Express): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(app);
  const res = await agent.get('/api/v1/auth/csrf').expect(200);
  return { agent, csrf: (res.body as { token: string }).token };
}

/** Signs in through POST /api/v1/auth/login with a token from GET /api/v1/auth/csrf. */
export async function signIn(app: Express, email: string, password: string): Promise<{ agent: Agent; csrf: string }> {
  const { agent, csrf } = await anonymousAgent(app);
  const res = await agent.post('/api/v1/auth/login').set('X-CSRF-Token', csrf).send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { agent, csrf: (res.body as { csrfToken: string }).csrfToken };
}

/**
 * A signed-in user for tests: the account is created in the database (with a new organisation of a
 * fitting type unless `organizationId` is given; none for platform admins), then signed in through
 * the API. Use as `agent.post(url).set('X-CSRF-Token', csrf).send(...)`.
 */
export async function signedInAgent(
  app: Express,
  opts: { role: Role; organizationId?: string | null; email?: string },
): Promise<SignedIn> {
  const { user, password } = await createTestUser(opts);
  const { agent, csrf } = await signIn(app, user.email, password);
  return { agent, csrf, user, password };
}
