import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { OutboxMessageModel } from '../../server/platform/mail/outbox.model.js';
import { recordUuid } from '../../server/standards/hsds/ids.js';
import { anonymousAgent, signedInAgent, strongPassword, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { actor, referralBody, type Actor } from './referrals-fixtures.js';

/**
 * An organisation accepts referrals on the platform only while someone there can read them: what
 * visitors see (service, organisation, search filter, HSDS) and what the referral API lets through
 * follow its members, from one request to the next.
 */
describe('accepts referrals only where someone receives them', () => {
  let t: TestApp;
  let firstOrgId: string;
  let firstServiceId: string;
  let sender: Actor;
  let admin: SignedIn;

  before(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://directory.example.test' });
    // It says it accepts referrals, but nobody there has an account.
    const org = await OrganizationModel.create({ name: { en: 'Nineveh Legal Aid' }, type: 'local-ngo', acceptsReferrals: true, phones: [{ number: '+9647701234567' }] });
    firstOrgId = org._id.toHexString();
    firstServiceId = await serviceOf(firstOrgId);
    sender = await actor(t.app, 'caseworker');
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
  });
  after(() => t.close());

  async function serviceOf(organizationId: string): Promise<string> {
    const service = await ServiceModel.create({
      organizationId,
      name: { en: 'Legal counselling' },
      categories: ['legal'],
      governorates: ['IQ-NI'],
      acceptsReferrals: true,
      phones: [{ number: '+9647701234567' }],
    });
    return service._id.toHexString();
  }

  /** What an anonymous visitor is told, through every public way of asking. */
  async function shown(orgId = firstOrgId, serviceId = firstServiceId) {
    const anon = request(t.app);
    const service = (await anon.get(`/api/v1/services/${serviceId}`).expect(200)).body as { acceptsReferrals: boolean };
    const org = (await anon.get(`/api/v1/organizations/${orgId}`).expect(200)).body as { acceptsReferrals: boolean; acceptsReferralsOnPlatform: boolean };
    const filtered = (await anon.get(`/api/v1/services?organization=${orgId}&acceptsReferrals=true`).expect(200)).body as { total: number };
    const orgs = (await anon.get(`/api/v1/organizations?organization=${orgId}&acceptsReferrals=true`).expect(200)).body as { total: number };
    const hsds = (await anon.get(`/hsds/organizations/${recordUuid(orgId)}`).expect(200)).body as { accepts_referrals: boolean };
    // What the organisation says it does stays as it wrote it.
    assert.equal(org.acceptsReferrals, true);
    return { service: service.acceptsReferrals, org: org.acceptsReferralsOnPlatform, search: filtered.total, organizations: orgs.total, hsds: hsds.accepts_referrals };
  }

  const NOT_ACCEPTING = { service: false, org: false, search: 0, organizations: 0, hsds: false };
  const ACCEPTING = { service: true, org: true, search: 1, organizations: 1, hsds: true };

  async function refused(res: request.Response) {
    assert.equal(res.status, 422);
    assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal(res.body.type, '/problems/no-referral-receivers');
    assert.match(res.body.detail, /refer by phone/i);
    assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field), ['body.toOrganizationId']);
  }

  it('says why a referral is refused in the caseworker\'s language, the shape unchanged', async () => {
    const inSorani = await sender.post('/api/v1/referrals', referralBody(firstOrgId)).set('Accept-Language', 'ckb');
    await refused(await sender.post('/api/v1/referrals', referralBody(firstOrgId)));
    assert.equal(inSorani.status, 422);
    assert.equal(inSorani.headers['content-language'], 'ckb');
    assert.equal(inSorani.body.type, '/problems/no-referral-receivers');
    assert.equal(inSorani.body.title, 'کەس لێرە ڕەوانەکردن وەرناگرێت');
    assert.equal(inSorani.body.detail, 'هێشتا کەس لەم ڕێکخراوەدا ڕەوانەکردن لەسەر پلاتفۆرمەکە وەرناگرێت؛ بە تەلەفۆن ڕەوانەی بکە.');

    const toOwn = await sender.post('/api/v1/referrals', referralBody(sender.user.organizationId!)).set('Accept-Language', 'ar');
    assert.equal(toOwn.status, 400);
    assert.equal(toOwn.body.detail, 'تُرسَل الإحالة إلى منظمة أخرى.');
    assert.deepEqual(toOwn.body.errors, [{ field: 'body.toOrganizationId', message: 'هذه منظمتك أنت' }]);
  });

  it('without members: shown as not accepting, and a referral is refused', async () => {
    assert.deepEqual(await shown(), NOT_ACCEPTING);
    await refused(await sender.post('/api/v1/referrals', referralBody(firstOrgId)));
  });

  it('accepts from the request after a caseworker joins, and no longer once they are removed', async () => {
    const [orgId, serviceId] = [firstOrgId, firstServiceId];
    await admin.agent.post('/api/v1/invitations').set('X-CSRF-Token', admin.csrf).send({ email: 'desk@nineveh-legal.example.test', role: 'caseworker', organizationId: orgId }).expect(201);
    const mail = await OutboxMessageModel.findOne({ to: 'desk@nineveh-legal.example.test' }).lean();
    const token = /#token=([A-Za-z0-9_-]+)$/.exec(mail!.link!)![1]!;
    const { agent, csrf } = await anonymousAgent(t.app);
    const accepted = await agent.post('/api/v1/invitations/accept').set('X-CSRF-Token', csrf).send({ token, name: 'Desk', password: strongPassword() }).expect(201);

    assert.deepEqual(await shown(), ACCEPTING);
    const draft = (await sender.post('/api/v1/referrals', referralBody(orgId, { toServiceId: serviceId })).expect(201)).body as { id: string };

    await admin.agent.delete(`/api/v1/organizations/${orgId}/members/${accepted.body.user.id}`).set('X-CSRF-Token', admin.csrf).expect(204);
    assert.deepEqual(await shown(), NOT_ACCEPTING);
    // The draft written meanwhile is not sent to nobody.
    await refused(await sender.post(`/api/v1/referrals/${draft.id}/transitions`, { to: 'sent' }));
    await refused(await sender.post('/api/v1/referrals', referralBody(orgId)));
  });

  it('an organisation claims its record through a link mailed to its address; it receives once a platform admin confirms', async () => {
    const org = await OrganizationModel.create({ name: { en: 'Anbar Women Centre' }, type: 'local-ngo', acceptsReferrals: true, email: 'office@anbar-women.example.test' });
    const orgId = org._id.toHexString();
    const serviceId = await serviceOf(orgId);
    const claim = await admin.agent.post(`/api/v1/organizations/${orgId}/claim-invitations`).set('X-CSRF-Token', admin.csrf).send({}).expect(201);
    assert.deepEqual([claim.body.email, claim.body.role, claim.body.organizationId], ['office@anbar-women.example.test', 'org-admin', orgId]);
    const mail = await OutboxMessageModel.findOne({ to: 'office@anbar-women.example.test' }).lean();
    assert.match(mail!.subject, /claim/i);
    assert.match(mail!.text, /Anbar Women Centre/);
    const token = /#token=([A-Za-z0-9_-]+)$/.exec(mail!.link!)![1]!;

    const password = strongPassword();
    const { agent, csrf } = await anonymousAgent(t.app);
    const opened = await agent.post('/api/v1/invitations/accept').set('X-CSRF-Token', csrf).send({ token, name: 'Layla Director', password }).expect(201);
    // Pending: it cannot sign in, and nobody is yet there to read a referral.
    const login = await anonymousAgent(t.app);
    await login.agent.post('/api/v1/auth/login').set('X-CSRF-Token', login.csrf).send({ email: 'office@anbar-women.example.test', password }).expect(401);
    assert.deepEqual(await shown(orgId, serviceId), NOT_ACCEPTING);
    await refused(await sender.post('/api/v1/referrals', referralBody(orgId)));
    // Only platform admins confirm.
    await sender.post(`/api/v1/users/${opened.body.user.id}/confirm`).expect(403);

    await admin.agent.post(`/api/v1/users/${opened.body.user.id}/confirm`).set('X-CSRF-Token', admin.csrf).send({}).expect(200);
    assert.deepEqual(await shown(orgId, serviceId), ACCEPTING);
    await login.agent.post('/api/v1/auth/login').set('X-CSRF-Token', login.csrf).send({ email: 'office@anbar-women.example.test', password }).expect(200);
    assert.ok(await AuditEntryModel.exists({ entity: 'user', entityId: opened.body.user.id, action: 'confirm', actorId: admin.user.id }));
    // Once someone is there, they invite their colleagues; the platform does not hand out the record again.
    await admin.agent.post(`/api/v1/organizations/${orgId}/claim-invitations`).set('X-CSRF-Token', admin.csrf).send({}).expect(409);
    await admin.agent.post(`/api/v1/users/${opened.body.user.id}/confirm`).set('X-CSRF-Token', admin.csrf).send({}).expect(404);
  });
});
