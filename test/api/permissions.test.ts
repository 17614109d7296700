import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { permissionsMarkdown } from '../../server/accounts/permissions-table.js';
import { ACTIONS, PERMISSIONS, ROLES, can, canEverywhere, type Action, type Role, type Scope, type SessionUser } from '../../server/accounts/permissions.js';
import { fromRepoRoot } from '../../server/platform/paths.js';
import { createTestOrganization, signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const OWN_ORG = '0000000000000000000000a1';
const OTHER_ORG = '0000000000000000000000b2';
const SCOPES: Scope[] = ['own', 'other'];

const userWith = (role: Role): SessionUser => ({
  id: '0000000000000000000000c3',
  email: `${role}@example.test`,
  name: role,
  role,
  organizationId: role === 'platform-admin' ? null : OWN_ORG,
});

describe('permission matrix: every cell of can()', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      for (const scope of SCOPES) {
        const cell = PERMISSIONS[role][action];
        const expected = scope === 'other' ? cell.other : cell.other || (cell.own && role !== 'platform-admin');
        it(`${role} ${expected ? 'may' : 'may not'} ${action} on ${scope} records`, () => {
          const user = userWith(role);
          // Platform admins belong to no organisation: "own" is asked without a target.
          const target = scope === 'other' ? OTHER_ORG : user.organizationId ?? undefined;
          assert.equal(can(user, action, target), expected);
          if (scope === 'own' && user.organizationId) assert.equal(can(user, action), expected, 'no target means "own organisation"');
          if (scope === 'other') {
            assert.equal(canEverywhere(user, action), cell.other);
            assert.equal(can(user, action, null), cell.other, 'records of no organisation need the "other" permission');
          }
        });
      }
    }
  }

  it('anonymous visitors may do none of the actions', () => {
    for (const action of ACTIONS) {
      assert.equal(can(undefined, action), false);
      assert.equal(can(undefined, action, OWN_ORG), false);
      assert.equal(canEverywhere(undefined, action), false);
    }
  });

  it('no cell allows other organisations without also allowing one’s own', () => {
    for (const role of ROLES) for (const action of ACTIONS) assert.ok(!PERMISSIONS[role][action].other || PERMISSIONS[role][action].own, `${role} ${action}`);
  });

  it('server/accounts/PERMISSIONS.md is the table generated from the code (npm run docs:permissions)', () => {
    const committed = readFileSync(fromRepoRoot('server', 'accounts', 'PERMISSIONS.md'), 'utf8');
    assert.equal(committed, permissionsMarkdown());
    for (const action of ACTIONS) assert.ok(committed.includes(`\`${action}\``));
  });
});

/**
 * The account endpoints answer as the matrix says, for every role on its own and on another
 * organisation: a read and a write for member:manage, the audit log for audit:read.
 */
describe('permission matrix on the account endpoints', () => {
  let t: TestApp;
  let ownOrg: string;
  let otherOrg: string;
  const users = new Map<Role, SignedIn>();
  let n = 0;

  const probes: { action: Action; name: string; call: (who: SignedIn, org: string) => Promise<request.Response>; ok: number }[] = [
    { action: 'member:manage', name: 'GET members', call: (who, org) => who.agent.get(`/api/v1/organizations/${org}/members`), ok: 200 },
    { action: 'member:manage', name: 'GET invitations', call: (who, org) => who.agent.get(`/api/v1/organizations/${org}/invitations`), ok: 200 },
    {
      action: 'member:manage',
      name: 'POST invitation',
      call: (who, org) => who.agent.post('/api/v1/invitations').set('X-CSRF-Token', who.csrf).send({ email: `invitee${n++}@example.test`, role: 'caseworker', organizationId: org }),
      ok: 201,
    },
    {
      action: 'member:manage',
      name: 'DELETE member (unknown id)',
      call: (who, org) => who.agent.delete(`/api/v1/organizations/${org}/members/0123456789abcdef01234567`).set('X-CSRF-Token', who.csrf),
      ok: 404,
    },
    { action: 'audit:read', name: 'GET audit', call: (who, org) => who.agent.get(`/api/v1/audit?organizationId=${org}`), ok: 200 },
  ];

  before(async () => {
    t = await startTestApp();
    // Government bodies, so that every role can be a member.
    ownOrg = await createTestOrganization('government');
    otherOrg = await createTestOrganization('government');
    for (const role of ROLES) users.set(role, await signedInAgent(t.app, { role, organizationId: role === 'platform-admin' ? null : ownOrg }));
  });
  after(() => t.close());

  for (const probe of probes) {
    for (const role of ROLES) {
      for (const scope of SCOPES) {
        if (role === 'platform-admin' && scope === 'own') continue; // platform admins have no organisation
        it(`${probe.name}: ${role} on ${scope} organisation`, async () => {
          const allowed = PERMISSIONS[role][probe.action][scope];
          const res = await probe.call(users.get(role)!, scope === 'own' ? ownOrg : otherOrg);
          assert.equal(res.status, allowed ? probe.ok : 403, JSON.stringify(res.body));
        });
      }
    }
    it(`${probe.name}: anonymous gets 401`, async () => {
      const anonymous = { agent: request.agent(t.app), csrf: '' } as unknown as SignedIn;
      assert.equal((await probe.call(anonymous, ownOrg)).status, 401);
    });
  }

  it('GET /users: only roles allowed member:manage everywhere', async () => {
    for (const role of ROLES) {
      const res = await users.get(role)!.agent.get('/api/v1/users');
      assert.equal(res.status, canEverywhere(users.get(role)!.user, 'member:manage') ? 200 : 403, role);
    }
  });
});
