import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { permissionsMarkdown } from '../../server/accounts/permissions-table.js';
import { ACTIONS, PERMISSIONS, ROLES, can, canEverywhere, type Action, type Role, type Scope, type SessionUser } from '../../server/accounts/permissions.js';
import { ContactModel } from '../../server/directory/contacts/contact.model.js';
import { LocationModel } from '../../server/directory/locations/location.model.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { TaxonomyTermModel } from '../../server/directory/taxonomy/taxonomy.model.js';
import { GOVERNMENT_TYPES } from '../../server/contract/directory/vocabulary.js';
import { fromRepoRoot } from '../../server/platform/paths.js';
import { seedDatabase } from '../../seed/seed.js';
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

/**
 * The directory's write endpoints (built on one generic record mechanism) answer as the matrix
 * says. The probes change nothing: an allowed PATCH without If-Match gets 428, an allowed action
 * with a stale If-Match gets 412; a refused one gets 403 before either check.
 */
describe('permission matrix on the directory write endpoints', () => {
  let t: TestApp;
  const users = new Map<Role, SignedIn>();
  /** Per scope: an organisation and one of its services, locations and contacts. */
  const records = new Map<Scope, { organization: string; service: string; location: string; contact: string }>();
  let term = '';

  type Probe = { action: Action; name: string; call: (who: SignedIn, r: { organization: string; service: string; location: string; contact: string }) => Promise<request.Response>; ok: number; scoped: boolean };
  const patch = (entity: string, pick: (r: { organization: string; service: string; location: string; contact: string }) => string) => (who: SignedIn, r: Parameters<typeof pick>[0]) =>
    who.agent.patch(`/api/v1/${entity}/${pick(r)}`).set('X-CSRF-Token', who.csrf).send({});
  const stale = (action: string) => (who: SignedIn, r: { organization: string }) =>
    who.agent.post(`/api/v1/organizations/${r.organization}/${action}`).set('X-CSRF-Token', who.csrf).set('If-Match', '"999999"');
  const probes: Probe[] = [
    { action: 'organization:update', name: 'PATCH organization', call: patch('organizations', (r) => r.organization), ok: 428, scoped: true },
    { action: 'organization:archive', name: 'POST organization archive', call: stale('archive'), ok: 412, scoped: true },
    { action: 'organization:verify', name: 'POST organization verify', call: stale('verify'), ok: 412, scoped: true },
    { action: 'service:write', name: 'PATCH service', call: patch('services', (r) => r.service), ok: 428, scoped: true },
    { action: 'location:write', name: 'PATCH location', call: patch('locations', (r) => r.location), ok: 428, scoped: true },
    { action: 'contact:write', name: 'PATCH contact', call: patch('contacts', (r) => r.contact), ok: 428, scoped: true },
    // Taxonomy terms belong to no organisation: only the "other" column counts.
    { action: 'taxonomy:write', name: 'PATCH taxonomy term', call: (who) => who.agent.patch(`/api/v1/taxonomy/${term}`).set('X-CSRF-Token', who.csrf).send({}), ok: 428, scoped: false },
  ];

  before(async () => {
    t = await startTestApp();
    await seedDatabase({ sample: true, scale: 150, log: () => {} });
    const withAll = async (type: { $in: readonly string[] } | { $nin: readonly string[] }) => {
      const services = new Set((await ServiceModel.distinct('organizationId', { sample: true })).map(String));
      const locations = new Set((await LocationModel.distinct('organizationId', { sample: true })).map(String));
      const contacts = new Set((await ContactModel.distinct('organizationId', { sample: true })).map(String));
      const orgs = await OrganizationModel.find({ sample: true, archivedAt: null, type }, { _id: 1 }).lean();
      const org = orgs.map((o) => o._id.toString()).find((id) => services.has(id) && locations.has(id) && contacts.has(id));
      assert.ok(org, 'a sample organisation with services, locations and contacts');
      const [service, location, contact] = await Promise.all([
        ServiceModel.findOne({ organizationId: org }, { _id: 1 }).lean(),
        LocationModel.findOne({ organizationId: org }, { _id: 1 }).lean(),
        ContactModel.findOne({ organizationId: org }, { _id: 1 }).lean(),
      ]);
      return { organization: org, service: String(service!._id), location: String(location!._id), contact: String(contact!._id) };
    };
    // A government body as "own", so that every role can be a member of it.
    records.set('own', await withAll({ $in: GOVERNMENT_TYPES }));
    records.set('other', await withAll({ $nin: GOVERNMENT_TYPES }));
    term = (await TaxonomyTermModel.findOne({}, { code: 1 }).lean())!.code;
    for (const role of ROLES) users.set(role, await signedInAgent(t.app, { role, organizationId: role === 'platform-admin' ? null : records.get('own')!.organization }));
  });
  after(() => t.close());

  for (const probe of probes) {
    for (const role of ROLES) {
      for (const scope of probe.scoped ? SCOPES : (['other'] as Scope[])) {
        if (role === 'platform-admin' && scope === 'own') continue;
        it(`${probe.name}: ${role} on ${probe.scoped ? `${scope} organisation` : 'the shared taxonomy'}`, async () => {
          const allowed = PERMISSIONS[role][probe.action][scope];
          const res = await probe.call(users.get(role)!, records.get(scope)!);
          assert.equal(res.status, allowed ? probe.ok : 403, JSON.stringify(res.body));
        });
      }
    }
    it(`${probe.name}: anonymous gets 401`, async () => {
      const anonymous = { agent: request.agent(t.app), csrf: '' } as unknown as SignedIn;
      assert.equal((await probe.call(anonymous, records.get('own')!)).status, 401);
    });
  }
});
