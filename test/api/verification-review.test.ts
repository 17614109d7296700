/**
 * Issue 18 point 5: an organisation's change is published at once and shown as not yet verified;
 * the verification queue shows what changed (before/after, derived from the audit log), and a
 * platform admin can turn the change down with a reason, which puts the verified values back
 * through the compare-and-set write (If-Match), is audited, and reaches the organisation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { seedDatabase } from '../../seed/seed.js';
import { OutboxMessageModel } from '../../server/platform/mail/outbox.model.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

interface Change {
  field: string;
  before?: unknown;
  after: unknown;
}
interface QueueEntry {
  kind: 'organization' | 'service';
  id: string;
  isNew: boolean;
  changedFields: string[];
  changes: Change[];
  version: number;
}

describe('verification review: what changed, and turning a change down', () => {
  let t: TestApp;
  let admin: SignedIn;
  let orgAdmin: SignedIn;
  let org: Created;

  const api = (path: string) => `/api/v1${path}`;
  const queue = async () => (await admin.agent.get(api('/admin/verification-queue?perPage=100')).expect(200)).body as { items: QueueEntry[] };
  const entry = async (id: string) => (await queue()).items.find((e) => e.id === id);
  const verify = async (kind: string, id: string) =>
    (await admin.agent.post(api(`/${kind}/${id}/verify`)).set('X-CSRF-Token', admin.csrf).expect(200)).body as Created;
  const patch = async (who: SignedIn, path: string, version: number, body: object) =>
    (await who.agent.patch(api(path)).set('X-CSRF-Token', who.csrf).set('If-Match', `"${version}"`).send(body).expect(200)).body as Created;
  const reject = (who: SignedIn, path: string, version: number | null, body: object, language?: string) => {
    const req = who.agent.post(api(`${path}/reject`)).set('X-CSRF-Token', who.csrf);
    if (version !== null) req.set('If-Match', `"${version}"`);
    if (language) req.set('Accept-Language', language);
    return req.send(body);
  };

  /** A service the organisation created, verified, then changed: its phone, its description. */
  async function changedService(name: string) {
    const created = await post<Created>(orgAdmin, '/services', {
      organizationId: org.id,
      name: { en: name },
      description: { en: 'Walk-in legal advice.' },
      phones: [{ number: '+9647701234567' }],
      governorates: ['IQ-BG'],
    });
    const verified = await verify('services', created.id);
    const changed = await patch(orgAdmin, `/services/${created.id}`, verified.version, {
      description: { en: 'Walk-in legal advice.', ar: 'استشارات قانونية دون موعد.' },
      phones: [{ number: '07809876543' }],
    });
    return { id: created.id, version: changed.version };
  }

  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
    org = await post<Created>(admin, '/organizations', { name: { en: 'Review Test NGO', ar: 'منظمة اختبار المراجعة' }, type: 'local-ngo', governorates: ['IQ-BG'] });
    orgAdmin = await signedInAgent(t.app, { role: 'org-admin', organizationId: org.id });
  });
  after(() => t.close());

  it('the queue shows each changed field as it was verified and as it is now; a new record shows what it holds', async () => {
    const fresh = await post<Created>(orgAdmin, '/services', { organizationId: org.id, name: { en: 'Brand new desk' }, governorates: ['IQ-BG'] });
    const added = await entry(fresh.id);
    assert.equal(added?.isNew, true);
    assert.deepEqual(
      added?.changes.find((c) => c.field === 'name'),
      { field: 'name', before: null, after: { en: 'Brand new desk' } },
    );

    const service = await changedService('Reviewed legal desk');
    const changed = await entry(service.id);
    assert.equal(changed?.isNew, false);
    assert.deepEqual(changed?.changedFields, ['description', 'phones'], 'only what the organisation changed, in form order');
    const description = changed!.changes.find((c) => c.field === 'description')!;
    assert.deepEqual(description.before, { en: 'Walk-in legal advice.' });
    assert.deepEqual(description.after, { en: 'Walk-in legal advice.', ar: 'استشارات قانونية دون موعد.' });
    const phones = changed!.changes.find((c) => c.field === 'phones')!;
    assert.equal((phones.before as { number: string }[])[0]!.number, '+9647701234567');
    assert.equal((phones.after as { number: string }[])[0]!.number, '+9647809876543');
    assert.equal(changed!.version, service.version);

    // Changed back: nothing left to review for that field.
    const back = await patch(orgAdmin, `/services/${service.id}`, service.version, { description: { en: 'Walk-in legal advice.' } });
    assert.deepEqual((await entry(service.id))?.changedFields, ['phones']);
    assert.equal((await entry(service.id))?.version, back.version);
  });

  it('the change is public at once, marked as not yet verified with its date', async () => {
    const service = await changedService('Published at once');
    const page = await request(t.app).get(api(`/services/${service.id}`)).expect(200);
    assert.equal(page.body.phones[0].number, '+9647809876543', 'the new phone does not wait');
    assert.ok(page.body.unverifiedChange?.at, JSON.stringify(page.body.unverifiedChange));
    assert.ok(Date.now() - Date.parse(page.body.unverifiedChange.at) < 60_000);
    assert.equal(page.body.rejection, undefined, 'the reason of a rejection is not public');
  });

  it('a rejection puts back the verified values, keeps and audits the reason, and tells the organisation', async () => {
    const service = await changedService('Rejected change desk');
    const rejected = await reject(admin, `/services/${service.id}`, service.version, { reason: 'The new number does not answer.' }).expect(200);
    assert.equal(rejected.body.phones[0].number, '+9647701234567');
    assert.deepEqual(rejected.body.description, { en: 'Walk-in legal advice.' });
    assert.equal(rejected.body.verification.status, 'verified');
    assert.equal(rejected.body.version, service.version + 1, 'one compare-and-set write');
    assert.equal(await entry(service.id), undefined, 'out of the queue');

    const publicPage = await request(t.app).get(api(`/services/${service.id}`)).expect(200);
    assert.equal(publicPage.body.unverifiedChange, null);
    assert.equal(publicPage.body.rejection, undefined);
    const workspace = await orgAdmin.agent.get(api(`/services/${service.id}`)).expect(200);
    assert.equal(workspace.body.rejection?.reason, 'The new number does not answer.');

    const audit = await admin.agent.get(api(`/audit?action=service.reject&entityId=${service.id}`)).expect(200);
    assert.equal(audit.body.total, 1);
    const fields = (audit.body.items[0].changes as { field: string; after: string }[]).map((c) => c.field);
    assert.ok(fields.includes('phones') && fields.includes('description'), fields.join());
    assert.match(audit.body.items[0].changes.find((c: { field: string }) => c.field === 'verification').after, /does not answer/);

    const mail = await OutboxMessageModel.findOne({ to: orgAdmin.user.email, subject: /Rejected change desk/ }).lean();
    assert.ok(mail, 'the organisation admin is mailed');
    assert.match(mail.text, /The new number does not answer\./);
    assert.doesNotMatch(`${mail.subject} ${mail.text}`, /[\u0600-\u06FF]/, 'in the English admin’s language only');
    assert.match(mail.link ?? '', new RegExp(`/workspace/services/${service.id}$`));

    // The next change by the organisation is measured from the same verified values.
    const again = await patch(orgAdmin, `/services/${service.id}`, rejected.body.version, { phones: [{ number: '07701112233' }] });
    const next = await entry(service.id);
    assert.equal((next!.changes[0]!.before as { number: string }[])[0]!.number, '+9647701234567');
    assert.equal(next!.version, again.version);
  });

  it('an organisation’s rejected change is put back too', async () => {
    const verified = await verify('organizations', org.id);
    const changed = await patch(orgAdmin, `/organizations/${org.id}`, verified.version, { website: 'https://wrong.example.test' });
    assert.deepEqual((await entry(org.id))?.changes, [{ field: 'website', before: null, after: 'https://wrong.example.test' }]);
    const rejected = await reject(admin, `/organizations/${org.id}`, changed.version, { reason: 'Not your website.' }).expect(200);
    assert.equal(rejected.body.website, null);
    assert.equal(rejected.body.rejection.reason, 'Not your website.');
  });

  it('an admin who works in Arabic gets the rejection mail in Arabic only', async () => {
    const arabicAdmin = await signedInAgent(t.app, { role: 'org-admin', organizationId: org.id });
    await arabicAdmin.agent.put(api('/auth/me/language')).set('X-CSRF-Token', arabicAdmin.csrf).send({ language: 'ar' }).expect(204);
    const verified = await verify('organizations', org.id);
    const changed = await patch(orgAdmin, `/organizations/${org.id}`, verified.version, { website: 'https://mistaken.example.test' });
    await reject(admin, `/organizations/${org.id}`, changed.version, { reason: 'Wrong site.' }, 'en').expect(200);

    const mail = await OutboxMessageModel.findOne({ to: arabicAdmin.user.email }).lean();
    assert.ok(mail, 'the Arabic admin is mailed');
    const [FSI, PDI, LRM] = ['\u2068', '\u2069', '\u200E'];
    assert.equal(mail.subject, `لم يُقبل التغيير: ${FSI}منظمة اختبار المراجعة${PDI}`);
    assert.ok(mail.text.startsWith(`لم يقبل مسؤول المنصة التغيير الأخير على «${FSI}منظمة اختبار المراجعة${PDI}»`), mail.text);
    assert.ok(mail.text.includes(`السبب: ${FSI}Wrong site.${PDI}`), 'the reason as written, isolated in its own direction');
    assert.ok(mail.text.includes(`\n${LRM}${t.config.publicUrl}/workspace/profile\n`));
    const rest = mail.text.replace('Wrong site.', '').replace(`${t.config.publicUrl}/workspace/profile`, '');
    assert.doesNotMatch(rest, /[A-Za-z]/, 'no English');
    assert.ok(!mail.text.includes('Review Test NGO'), 'the organisation named in Arabic only');
  });

  it('a platform admin’s own edit is verified: out of the queue, no "not yet verified" line, audited, the baseline of later changes', async () => {
    const created = await post<Created>(orgAdmin, '/services', {
      organizationId: org.id,
      name: { en: 'Admin edited desk' },
      description: { en: 'Old words.' },
      phones: [{ number: '+9647701234567' }],
      governorates: ['IQ-BG'],
    });
    const verified = await verify('services', created.id);
    const edited = await patch(admin, `/services/${created.id}`, verified.version, { description: { en: 'Words the admin checked.' } });
    assert.equal((edited as unknown as { verification: { status: string } }).verification.status, 'verified');
    assert.equal(await entry(created.id), undefined, 'not sent to the queue');
    const page = await request(t.app).get(api(`/services/${created.id}`)).expect(200);
    assert.equal(page.body.unverifiedChange, null, 'the organisation did not make this change');
    assert.deepEqual(page.body.description, { en: 'Words the admin checked.' });
    const audit = await admin.agent.get(api(`/audit?action=service.update&entityId=${created.id}`)).expect(200);
    assert.equal(audit.body.total, 1);
    assert.ok((audit.body.items[0].changes as { field: string }[]).some((c) => c.field === 'description'));

    // The organisation's next change is measured from the admin's values, and turning it down keeps them.
    const changed = await patch(orgAdmin, `/services/${created.id}`, edited.version, { phones: [{ number: '07809876543' }] });
    assert.deepEqual((await entry(created.id))?.changedFields, ['phones']);
    const rejected = await reject(admin, `/services/${created.id}`, changed.version, { reason: 'Keep the checked number.' }).expect(200);
    assert.deepEqual(rejected.body.description, { en: 'Words the admin checked.' });
    assert.equal(rejected.body.phones[0].number, '+9647701234567');

    // The same for an organisation.
    const orgVerified = await verify('organizations', org.id);
    const orgEdited = await patch(admin, `/organizations/${org.id}`, orgVerified.version, { website: 'https://checked.example.test' });
    assert.equal(await entry(org.id), undefined);
    assert.equal((await request(t.app).get(api(`/organizations/${org.id}`)).expect(200)).body.unverifiedChange, null);
    assert.equal(orgEdited.version, orgVerified.version + 1);
  });

  it('a record a platform admin creates is verified as created; one its organisation creates waits', async () => {
    const byAdmin = await post<Created & { verification: { status: string } }>(admin, '/services', { organizationId: org.id, name: { en: 'Checked at creation' }, governorates: ['IQ-BG'] });
    assert.equal(byAdmin.verification.status, 'verified');
    assert.equal(await entry(byAdmin.id), undefined, 'not sent to the queue');
    const page = await request(t.app).get(api(`/services/${byAdmin.id}`)).expect(200);
    assert.equal(page.body.unverifiedChange, null);
    assert.ok(page.body.lastVerifiedAt, 'shown as verified on its page');

    const byOrganization = await post<Created>(orgAdmin, '/services', { organizationId: org.id, name: { en: 'Made by the organisation' }, governorates: ['IQ-BG'] });
    assert.equal((await entry(byOrganization.id))?.isNew, true);
  });

  it('a platform admin’s edit of a record whose change waits keeps that change waiting, and a rejection keeps the admin’s values', async () => {
    const service = await changedService('Waiting when the admin edits');
    const edited = await patch(admin, `/services/${service.id}`, service.version, { email: 'checked@example.test' });
    assert.equal((edited as unknown as { verification: { status: string } }).verification.status, 'pending', 'the organisation’s change is not approved by the admin’s save');
    assert.deepEqual((await entry(service.id))?.changedFields, ['description', 'phones'], 'the admin’s field is not a change to review');
    const rejected = await reject(admin, `/services/${service.id}`, edited.version, { reason: 'Keep the checked number.' }).expect(200);
    assert.equal(rejected.body.phones[0].number, '+9647701234567');
    assert.deepEqual(rejected.body.description, { en: 'Walk-in legal advice.' });
    assert.equal(rejected.body.email, 'checked@example.test', 'the admin’s value stays');
  });

  it('a long description (beyond what the audit log keeps whole) is shown and put back whole', async () => {
    const long = { en: `Legal advice. ${'Walk in on weekdays, bring any papers you have. '.repeat(60)}`.trim() };
    assert.ok(JSON.stringify(long).length > 2000);
    const created = await post<Created>(orgAdmin, '/services', { organizationId: org.id, name: { en: 'Long words desk' }, description: long, governorates: ['IQ-BG'] });
    const verified = await verify('services', created.id);
    const first = await patch(orgAdmin, `/services/${created.id}`, verified.version, { description: { en: 'Short now.' } });
    const changed = await patch(orgAdmin, `/services/${created.id}`, first.version, { description: { en: 'Shorter.' }, email: 'desk@example.test' });
    const waiting = await entry(created.id);
    assert.deepEqual(waiting?.changes.find((c) => c.field === 'description')?.before, long, 'the verified value, whole, not the first change');
    const rejected = await reject(admin, `/services/${created.id}`, changed.version, { reason: 'Keep the full description.' }).expect(200);
    assert.deepEqual(rejected.body.description, long);
    assert.equal(rejected.body.email, null);
    const page = await request(t.app).get(api(`/services/${created.id}`)).expect(200);
    assert.deepEqual(page.body.description, long);
  });

  it('refuses bad requests with problems in the requester’s language, and anyone but a platform admin', async () => {
    const service = await changedService('Refusals desk');
    const path = `/services/${service.id}`;

    const noReason = await reject(admin, path, service.version, { reason: ' ' }, 'ar').expect(400);
    assert.match(noReason.headers['content-type'] ?? '', /application\/problem\+json/);
    assert.equal(noReason.body.errors[0].field, 'body.reason');
    assert.match(noReason.body.errors[0].message, /[\u0600-\u06FF]/, 'in Arabic');
    await reject(admin, path, service.version, {}, 'ckb').expect(400);
    await reject(admin, path, service.version, { reason: 'Fine', extra: 1 }).expect(400);

    const missingIfMatch = await reject(admin, path, null, { reason: 'No version sent' }).expect(428);
    assert.match(missingIfMatch.headers['content-type'] ?? '', /application\/problem\+json/);
    await reject(admin, path, service.version - 1, { reason: 'Stale version' }).expect(412);

    await reject(orgAdmin, path, service.version, { reason: 'Rejecting my own change' }).expect(403);
    const caseworker = await signedInAgent(t.app, { role: 'caseworker', organizationId: org.id });
    await reject(caseworker, path, service.version, { reason: 'Not mine to judge' }).expect(403);
    await request(t.app).post(api(`${path}/reject`)).set('If-Match', `"${service.version}"`).send({ reason: 'Anonymous' }).expect(401);
    assert.ok(await entry(service.id), 'nothing was written');

    const fresh = await post<Created>(orgAdmin, '/services', { organizationId: org.id, name: { en: 'Never verified' }, governorates: ['IQ-BG'] });
    const neverVerified = await reject(admin, `/services/${fresh.id}`, fresh.version, { reason: 'Nothing to go back to' }, 'ckb').expect(409);
    assert.match(neverVerified.body.detail, /[\u0600-\u06FF]/, 'in Sorani');

    await verify('services', service.id);
    const current = (await admin.agent.get(api(path)).expect(200)).body as Created;
    await reject(admin, path, current.version, { reason: 'Already verified' }).expect(409);
  });

  it('every waiting sample record says what changed, and its change can be turned down', async () => {
    await seedDatabase({ sample: true, scale: 100, log: () => {} });
    const sample = (await queue()).items.filter((e) => !e.isNew && !e.changedFields.includes('name'));
    assert.ok(sample.length >= 5, `${sample.length} waiting sample records`);
    for (const e of sample) assert.ok(e.changes.length > 0, `${e.kind} ${e.id}: what changed is empty`);
    const services = sample.filter((e) => e.kind === 'service' && e.changedFields.includes('phones') && !e.changedFields.includes('email'));
    const one = services[0]!;
    const phones = one.changes.find((c) => c.field === 'phones')!;
    const rejected = await reject(admin, `/services/${one.id}`, one.version, { reason: 'Keep the number we checked.' }).expect(200);
    assert.deepEqual(
      rejected.body.phones.map((p: { number: string }) => p.number),
      (phones.before as { number: string }[]).map((p) => p.number),
    );

    // A sample record keeps no copy of its verified values: an admin's edit while its change waits derives them.
    const other = services[1]!;
    const edited = await patch(admin, `/services/${other.id}`, other.version, { email: 'checked@example.test' });
    assert.deepEqual((await entry(other.id))?.changedFields, other.changedFields);
    const back = await reject(admin, `/services/${other.id}`, edited.version, { reason: 'Keep the number we checked.' }).expect(200);
    assert.deepEqual(
      back.body.phones.map((p: { number: string }) => p.number),
      (other.changes.find((c) => c.field === 'phones')!.before as { number: string }[]).map((p) => p.number),
    );
    assert.equal(back.body.email, 'checked@example.test');
  });
});
