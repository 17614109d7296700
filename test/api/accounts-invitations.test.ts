import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { UserModel } from '../../server/accounts/user.model.js';
import { InvitationModel } from '../../server/accounts/invitation.model.js';
import { PasswordResetModel } from '../../server/accounts/password-reset.model.js';
import { OutboxMessageModel } from '../../server/platform/mail/outbox.model.js';
import { anonymousAgent, createTestOrganization, createTestUser, signedInAgent, signIn, strongPassword, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Every secret this file handles: none may ever show up in the audit log. */
const secrets: string[] = [];
const remember = <T extends string>(secret: T): T => {
  secrets.push(secret);
  return secret;
};

/** The one-time token from the newest mail to `email`, read from the outbox like a mailbox. */
async function tokenFromMail(email: string, page: string): Promise<string> {
  const mail = await OutboxMessageModel.findOne({ to: email }).sort({ createdAt: -1, _id: -1 }).lean();
  assert.ok(mail, `no mail to ${email}`);
  assert.ok(mail.link, 'the mail has a link');
  assert.ok(mail.text.includes(mail.link), 'the link is in the body');
  const match = new RegExp(`/account/${page}#token=([A-Za-z0-9_-]+)$`).exec(mail.link);
  assert.ok(match, `unexpected link ${mail.link}`);
  return remember(match[1]!);
}

const post = (who: { agent: SignedIn['agent']; csrf: string }, url: string, body: object) => who.agent.post(url).set('X-CSRF-Token', who.csrf).send(body);

describe('invitations, members and password reset', () => {
  let t: TestApp;
  let orgId: string;
  let orgAdmin: SignedIn;
  let platformAdmin: SignedIn;

  before(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://directory.example.test' });
    orgId = await createTestOrganization('local-ngo', 'Basrah Women Support');
    orgAdmin = await signedInAgent(t.app, { role: 'org-admin', organizationId: orgId });
    platformAdmin = await signedInAgent(t.app, { role: 'platform-admin' });
    secrets.push(orgAdmin.password, platformAdmin.password, orgAdmin.csrf, platformAdmin.csrf);
  });
  after(() => t.close());

  it('an organisation admin invites a caseworker; the invitee opens the account through the mailed link', async () => {
    const invited = await post(orgAdmin, '/api/v1/invitations', { email: 'New.Caseworker@Example.test', role: 'caseworker', organizationId: orgId }).expect(201);
    assert.equal(invited.body.role, 'caseworker');
    assert.equal(invited.body.organizationId, orgId);
    assert.equal('token' in invited.body || 'tokenHash' in invited.body, false);

    const mail = await OutboxMessageModel.findOne({ to: 'New.Caseworker@Example.test' }).lean();
    assert.match(mail!.subject, /invited/i);
    assert.match(mail!.text, /Basrah Women Support/);
    assert.match(mail!.link!, /^https:\/\/directory\.example\.test\/account\/accept-invitation#token=/);
    const token = await tokenFromMail('New.Caseworker@Example.test', 'accept-invitation');
    const stored = await InvitationModel.findById(invited.body.id).lean();
    assert.notEqual(stored!.tokenHash, token, 'only a hash of the token is stored');

    const password = remember(strongPassword());
    const { agent, csrf } = await anonymousAgent(t.app);
    const accepted = await agent.post('/api/v1/invitations/accept').set('X-CSRF-Token', csrf).send({ token, name: 'Noor Caseworker', password }).expect(201);
    assert.equal(accepted.body.user.role, 'caseworker');
    assert.equal(accepted.body.user.organization.id, orgId);

    const again = await request(t.app).post('/api/v1/invitations/accept').send({ token, name: 'Someone else', password: strongPassword() }).expect(400);
    assert.equal(again.body.errors[0].field, 'body.token');

    const caseworker = await signIn(t.app, 'new.caseworker@example.test', password);
    const me = await caseworker.agent.get('/api/v1/auth/me').expect(200);
    assert.equal(me.body.user.name, 'Noor Caseworker');

    const members = await orgAdmin.agent.get(`/api/v1/organizations/${orgId}/members`).expect(200);
    assert.deepEqual(members.body.items.map((m: { email: string }) => m.email).sort(), [orgAdmin.user.email, 'New.Caseworker@Example.test'].sort());

    const audit = await AuditEntryModel.find({ entity: { $in: ['invitation', 'user'] }, organizationId: orgId }).sort({ at: 1 }).lean();
    const story = audit.map((e) => `${e.entity}:${e.action}`);
    for (const step of ['invitation:create', 'user:create', 'invitation:accept']) assert.ok(story.includes(step), `${step} in ${story}`);
    const invitationEntry = audit.find((e) => e.entity === 'invitation' && e.action === 'create')!;
    assert.equal(invitationEntry.actorId?.toString(), orgAdmin.user.id);
  });

  it('a weak password at acceptance is refused and the link stays usable', async () => {
    await post(orgAdmin, '/api/v1/invitations', { email: 'second@example.test', role: 'caseworker', organizationId: orgId }).expect(201);
    const token = await tokenFromMail('second@example.test', 'accept-invitation');
    const weak = await request(t.app).post('/api/v1/invitations/accept').send({ token, name: 'Second', password: 'qwertyuiop123' }).expect(400);
    assert.equal(weak.body.errors[0].field, 'body.password');
    await request(t.app).post('/api/v1/invitations/accept').send({ token, name: 'Second', password: remember(strongPassword()) }).expect(201);
  });

  it('invitation rules: own organisation only, government liaisons only in government bodies, no duplicates', async () => {
    const otherOrg = await createTestOrganization('local-ngo');
    const government = await createTestOrganization('government');
    await post(orgAdmin, '/api/v1/invitations', { email: 'x1@example.test', role: 'caseworker', organizationId: otherOrg }).expect(403);
    await post(orgAdmin, '/api/v1/invitations', { email: 'x2@example.test', role: 'platform-admin', organizationId: null }).expect(403);
    const liaison = await post(orgAdmin, '/api/v1/invitations', { email: 'x3@example.test', role: 'gov-liaison', organizationId: orgId }).expect(400);
    assert.equal(liaison.body.errors[0].field, 'body.role');
    await post(platformAdmin, '/api/v1/invitations', { email: 'x4@example.test', role: 'gov-liaison', organizationId: government }).expect(201);
    await post(platformAdmin, '/api/v1/invitations', { email: 'x5@example.test', role: 'platform-admin', organizationId: null }).expect(201);
    await post(platformAdmin, '/api/v1/invitations', { email: 'x6@example.test', role: 'platform-admin', organizationId: orgId }).expect(400);
    await post(platformAdmin, '/api/v1/invitations', { email: 'x7@example.test', role: 'caseworker', organizationId: '0123456789abcdef01234567' }).expect(404);
    await post(orgAdmin, '/api/v1/invitations', { email: orgAdmin.user.email.toUpperCase(), role: 'caseworker', organizationId: orgId }).expect(409);
    await post(orgAdmin, '/api/v1/invitations', { email: 'not-an-email', role: 'caseworker', organizationId: orgId }).expect(400);

    const pending = await orgAdmin.agent.get(`/api/v1/organizations/${orgId}/invitations`).expect(200);
    assert.ok(pending.body.items.every((i: { organizationId: string }) => i.organizationId === orgId));
  });

  it("an organisation admin changes a member's role and removes a member, who is signed out at once", async () => {
    const member = await signedInAgent(t.app, { role: 'caseworker', organizationId: orgId });
    const changed = await orgAdmin.agent
      .patch(`/api/v1/organizations/${orgId}/members/${member.user.id}`)
      .set('X-CSRF-Token', orgAdmin.csrf)
      .send({ role: 'org-admin' })
      .expect(200);
    assert.equal(changed.body.role, 'org-admin');
    const me = await member.agent.get('/api/v1/auth/me').expect(200);
    assert.equal(me.body.user.role, 'org-admin', 'the new role applies to the running session');
    const entry = await AuditEntryModel.findOne({ entity: 'user', entityId: member.user.id, action: 'update' }).lean();
    assert.deepEqual(entry!.changes, [{ field: 'role', before: '"caseworker"', after: '"org-admin"' }]);

    await orgAdmin.agent.patch(`/api/v1/organizations/${orgId}/members/${orgAdmin.user.id}`).set('X-CSRF-Token', orgAdmin.csrf).send({ role: 'caseworker' }).expect(409);
    await orgAdmin.agent.patch(`/api/v1/organizations/${orgId}/members/${member.user.id}`).set('X-CSRF-Token', orgAdmin.csrf).send({ role: 'gov-liaison' }).expect(400);
    await orgAdmin.agent.patch(`/api/v1/organizations/${orgId}/members/${member.user.id}`).set('X-CSRF-Token', orgAdmin.csrf).send({ role: 'platform-admin' }).expect(400);

    await orgAdmin.agent.delete(`/api/v1/organizations/${orgId}/members/${member.user.id}`).set('X-CSRF-Token', orgAdmin.csrf).expect(204);
    await member.agent.get('/api/v1/auth/me').expect(200, { user: null });
    await assert.rejects(signIn(t.app, member.user.email, member.password), /401/);
    assert.equal((await UserModel.findById(member.user.id).lean())!.status, 'deactivated');
    await orgAdmin.agent.delete(`/api/v1/organizations/${orgId}/members/${member.user.id}`).set('X-CSRF-Token', orgAdmin.csrf).expect(404);
    const removed = await orgAdmin.agent.get(`/api/v1/organizations/${orgId}/members?status=deactivated`).expect(200);
    assert.deepEqual(removed.body.items.map((m: { id: string }) => m.id), [member.user.id]);
    assert.ok(await AuditEntryModel.exists({ entity: 'user', entityId: member.user.id, action: 'deactivate', actorId: orgAdmin.user.id }));
  });

  it('another organisation’s members are out of reach; platform admins list every account', async () => {
    const stranger = await signedInAgent(t.app, { role: 'org-admin' });
    await stranger.agent.get(`/api/v1/organizations/${orgId}/members`).expect(403);
    await stranger.agent.delete(`/api/v1/organizations/${orgId}/members/${orgAdmin.user.id}`).set('X-CSRF-Token', stranger.csrf).expect(403);
    await stranger.agent.get('/api/v1/users').expect(403);

    const all = await platformAdmin.agent.get('/api/v1/users?pageSize=2').expect(200);
    assert.equal(all.body.items.length, 2);
    assert.ok(all.body.total >= 4);
    const admins = await platformAdmin.agent.get('/api/v1/users?role=platform-admin').expect(200);
    assert.ok(admins.body.items.every((u: { role: string; organization: unknown }) => u.role === 'platform-admin' && u.organization === null));
    await platformAdmin.agent.get(`/api/v1/organizations/${orgId}/members`).expect(200);
  });

  it('password reset: 202 for any address, a one-time expiring link by mail, the old password stops working', async () => {
    const { user, password } = await createTestUser({ role: 'caseworker', organizationId: orgId });
    remember(password);
    const elsewhere = await signIn(t.app, user.email, password);

    const before = await OutboxMessageModel.countDocuments();
    await request(t.app).post('/api/v1/auth/password-reset/request').send({ email: 'nobody.here@example.test' }).expect(202);
    assert.equal(await OutboxMessageModel.countDocuments(), before, 'no mail for an unknown address');

    await request(t.app).post('/api/v1/auth/password-reset/request').send({ email: user.email.toUpperCase() }).expect(202);
    const token = await tokenFromMail(user.email, 'reset-password');
    assert.equal(await PasswordResetModel.exists({ tokenHash: token }), null, 'only a hash of the token is stored');
    await request(t.app).post('/api/v1/auth/password-reset/request').send({ email: user.email }).expect(202);
    assert.equal(await OutboxMessageModel.countDocuments({ to: user.email }), 1, 'one mail per few minutes');

    await request(t.app).post('/api/v1/auth/password-reset/complete').send({ token, password: 'password1234' }).expect(400);
    const newPassword = remember(strongPassword());
    await request(t.app).post('/api/v1/auth/password-reset/complete').send({ token, password: newPassword }).expect(204);
    await request(t.app).post('/api/v1/auth/password-reset/complete').send({ token, password: strongPassword() }).expect(400);

    await elsewhere.agent.get('/api/v1/auth/me').expect(200, { user: null });
    await assert.rejects(signIn(t.app, user.email, password), /401/);
    await signIn(t.app, user.email, newPassword);
    assert.ok(await AuditEntryModel.exists({ entity: 'user', entityId: user.id, action: 'password-reset' }));
  });

  it('one link, used many times at once, opens exactly one account / sets exactly one password', async () => {
    await post(orgAdmin, '/api/v1/invitations', { email: 'racer@example.test', role: 'caseworker', organizationId: orgId }).expect(201);
    const invitationToken = await tokenFromMail('racer@example.test', 'accept-invitation');
    const accepts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => request(t.app).post('/api/v1/invitations/accept').send({ token: invitationToken, name: `Racer ${i}`, password: remember(strongPassword()) })),
    );
    assert.deepEqual(accepts.map((r) => r.status).sort(), [201, 400, 400, 400, 400, 400]);
    assert.equal(await UserModel.countDocuments({ emailNormalized: 'racer@example.test' }), 1);

    const { user } = await createTestUser({ role: 'caseworker', organizationId: orgId });
    await request(t.app).post('/api/v1/auth/password-reset/request').send({ email: user.email }).expect(202);
    const resetToken = await tokenFromMail(user.email, 'reset-password');
    const passwords = Array.from({ length: 6 }, () => remember(strongPassword()));
    const completes = await Promise.all(passwords.map((password) => request(t.app).post('/api/v1/auth/password-reset/complete').send({ token: resetToken, password })));
    assert.deepEqual(completes.map((r) => r.status).sort(), [204, 400, 400, 400, 400, 400]);
    const winner = passwords[completes.findIndex((r) => r.status === 204)]!;
    await signIn(t.app, user.email, winner);
  });

  it('an expired reset link is refused', async () => {
    const { user } = await createTestUser({ role: 'caseworker', organizationId: orgId });
    await request(t.app).post('/api/v1/auth/password-reset/request').send({ email: user.email }).expect(202);
    const token = await tokenFromMail(user.email, 'reset-password');
    await PasswordResetModel.updateMany({ userId: user.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    await request(t.app).post('/api/v1/auth/password-reset/complete').send({ token, password: strongPassword() }).expect(400);
  });

  it('the audit log: platform admins read all, organisation admins their own, with filters; others are refused', async () => {
    const all = await platformAdmin.agent.get('/api/v1/audit?pageSize=200').expect(200);
    assert.ok(all.body.total >= all.body.items.length && all.body.items.length > 5);
    const times = all.body.items.map((e: { at: string }) => e.at);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');

    const own = await orgAdmin.agent.get('/api/v1/audit?pageSize=200').expect(200);
    assert.ok(own.body.items.length > 0);
    assert.ok(own.body.items.every((e: { organizationId: string }) => e.organizationId === orgId));
    const otherOrg = await createTestOrganization();
    await orgAdmin.agent.get(`/api/v1/audit?organizationId=${otherOrg}`).expect(403);

    const invitations = await orgAdmin.agent.get('/api/v1/audit?entity=invitation&action=create').expect(200);
    assert.ok(invitations.body.items.length >= 2);
    assert.ok(invitations.body.items.every((e: { entity: string; action: string }) => e.entity === 'invitation' && e.action === 'create'));
    const byActor = await platformAdmin.agent.get(`/api/v1/audit?actor=${orgAdmin.user.id}`).expect(200);
    assert.ok(byActor.body.items.every((e: { actor: { id: string } }) => e.actor.id === orgAdmin.user.id));
    // People and records by name, not by id: the actor, the organisation, and the record when it has one.
    type Named = { actor: { name: string }; organizationName: unknown; entity: string; entityId: string; entityName: unknown };
    const named = byActor.body.items as Named[];
    assert.ok(named.length > 0 && named.every((e) => e.actor.name === orgAdmin.user.name));
    const orgName = (await request(t.app).get(`/api/v1/organizations/${orgId}`).expect(200)).body.name;
    assert.ok(named.every((e) => JSON.stringify(e.organizationName) === JSON.stringify(orgName)));
    const invited = all.body.items.find((e: Named) => e.entity === 'user' && e.entityId) as Named | undefined;
    if (invited) assert.equal(typeof invited.entityName, 'string');
    // The API document describes the answer as sent (one schema, the contract's).
    const doc = (await request(t.app).get('/api/v1/openapi.json').expect(200)).body;
    const item = doc.paths['/api/v1/audit'].get.responses['200'].content['application/json'].schema.properties.items.items;
    assert.ok(item.properties.entityName && item.properties.organizationName && item.properties.actor.properties.name);
    const future = await platformAdmin.agent.get(`/api/v1/audit?from=${new Date(Date.now() + 60_000).toISOString()}`).expect(200);
    assert.equal(future.body.total, 0);
    const past = await platformAdmin.agent.get(`/api/v1/audit?to=2000-01-01`).expect(200);
    assert.equal(past.body.total, 0);

    const caseworker = await signedInAgent(t.app, { role: 'caseworker', organizationId: orgId });
    await caseworker.agent.get('/api/v1/audit').expect(403);
    await request(t.app).get('/api/v1/audit').expect(401);
  });

  it('no audit entry contains a password, token, CSRF token or password hash', async () => {
    const entries = await AuditEntryModel.find().lean();
    assert.ok(entries.length > 10);
    const text = JSON.stringify(entries);
    assert.ok(secrets.length > 8);
    for (const secret of secrets) assert.equal(text.includes(secret), false, 'a secret is in the audit log');
    assert.doesNotMatch(text, /\$argon2/);
    const hashes = (await InvitationModel.find().lean()).map((i) => i.tokenHash).concat((await PasswordResetModel.find().lean()).map((r) => r.tokenHash));
    for (const hash of hashes) assert.equal(text.includes(hash), false, 'a token hash is in the audit log');
  });
});
