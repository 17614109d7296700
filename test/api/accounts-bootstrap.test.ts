import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSampleAccounts, ensureFirstAdmin, removeSampleAccounts } from '../../server/accounts/bootstrap.js';
import { UserModel } from '../../server/accounts/user.model.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { GOVERNMENT_TYPES } from '../../server/contract/directory/vocabulary.js';
import { ConfigError } from '../../server/platform/config.js';
import { seedDatabase } from '../../seed/seed.js';
import { signIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SAMPLE_PASSWORD = 'sample river lantern 7';

describe('first admin and sample accounts', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('creates the first platform admin from ADMIN_EMAIL and ADMIN_PASSWORD once, and refuses a weak password', async () => {
    assert.equal(await ensureFirstAdmin({ email: 'root@example.test' }), 'not-configured');
    await assert.rejects(ensureFirstAdmin({ email: 'root@example.test', password: 'Password123456' }), ConfigError);
    assert.equal(await ensureFirstAdmin({ email: 'Root@Example.test', password: 'first admin kettle 9' }), 'created');
    assert.equal(await ensureFirstAdmin({ email: 'second@example.test', password: 'first admin kettle 9' }), 'exists');
    const { agent } = await signIn(t.app, 'root@example.test', 'first admin kettle 9');
    const me = await agent.get('/api/v1/auth/me').expect(200);
    assert.equal(me.body.user.role, 'platform-admin');
    assert.equal(me.body.user.organization, null);
  });

  it('without sample organisations no sample account is made', async () => {
    assert.deepEqual(await createSampleAccounts(SAMPLE_PASSWORD), []);
  });

  it('one account per role in the sample organisations, idempotent, removable with the sample', async () => {
    await seedDatabase({ sample: true, scale: 150, log: () => {} });
    const accounts = await createSampleAccounts(SAMPLE_PASSWORD);
    assert.deepEqual(
      accounts.map((a) => `${a.email} ${a.role}`),
      ['admin@example.org platform-admin', 'orgadmin.basrah@example.org org-admin', 'caseworker.basrah@example.org caseworker', 'liaison.baghdad@example.org gov-liaison'],
    );
    assert.deepEqual(await createSampleAccounts(SAMPLE_PASSWORD), accounts, 'running again changes nothing');
    assert.equal(await UserModel.countDocuments({ sample: true }), 4);

    for (const account of accounts) {
      const { agent } = await signIn(t.app, account.email, SAMPLE_PASSWORD);
      const { user } = (await agent.get('/api/v1/auth/me').expect(200)).body;
      assert.equal(user.role, account.role);
      if (account.role === 'platform-admin') continue;
      const org = await OrganizationModel.findOne({ _id: user.organization.id, sample: true }).lean();
      assert.ok(org, 'a sample organisation');
      if (account.role === 'gov-liaison') {
        assert.ok(GOVERNMENT_TYPES.includes(org!.type as (typeof GOVERNMENT_TYPES)[number]));
        assert.equal(org!.headOfficeGovernorate, 'IQ-BG');
      } else {
        assert.equal(org!.type, 'local-ngo');
        assert.equal(org!.headOfficeGovernorate, 'IQ-BA');
      }
    }
    await assert.rejects(createSampleAccounts('password1234567'), ConfigError);
    assert.equal(await removeSampleAccounts(), 4);
  });
});
