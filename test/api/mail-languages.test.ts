/**
 * Mails in the recipient's language: an account keeps the language it was opened in (the request's
 * Accept-Language, as the web app sends its interface language) and the one its user switches the
 * interface to; every mail to it is then written wholly in that language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditEntryModel } from '../../server/audit/audit.model.js';
import { UserModel } from '../../server/accounts/user.model.js';
import { OutboxMessageModel } from '../../server/platform/mail/outbox.model.js';
import { anonymousAgent, signedInAgent, strongPassword, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { referralIn, referralNetwork, type Network } from './referrals-fixtures.js';

const LRM = '\u200E';
const latinWords = (text: string) => text.match(/[A-Za-z]{3,}/g) ?? [];

describe('mails in the recipient’s language', () => {
  let t: TestApp;
  let n: Network;

  const lastMailTo = async (email: string) => {
    const mail = await OutboxMessageModel.findOne({ to: email }).sort({ createdAt: -1, _id: -1 }).lean();
    assert.ok(mail, `no mail to ${email}`);
    return mail;
  };
  const storedLanguage = async (id: string) => (await UserModel.findById(id, { language: 1 }).lean())?.language;

  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);
  });
  after(() => t.close());

  it('a caseworker invited and signed up in Sorani gets the new-referral mail in Sorani; an English colleague in English', async () => {
    const email = `sorani.caseworker.${Date.now()}@receiver.example.test`;
    await n.receiverAdmin.post('/api/v1/invitations', { email, role: 'caseworker', organizationId: n.receiverOrg }).set('Accept-Language', 'ckb').expect(201);
    const invitation = await lastMailTo(email);
    assert.equal(invitation.subject, 'بانگهێشت کراویت بۆ ڕێبەری ڕەوانەکردن', 'the invitation is in the language of the inviter’s request');
    assert.ok(invitation.text.includes(`\n${LRM}${invitation.link}\n`), 'the link on its own line, marked left-to-right');

    const token = /#token=([A-Za-z0-9_-]+)$/.exec(invitation.link!)![1]!;
    const { agent, csrf } = await anonymousAgent(t.app);
    const opened = await agent.post('/api/v1/invitations/accept').set('X-CSRF-Token', csrf).set('Accept-Language', 'ckb').send({ token, name: 'Shilan', password: strongPassword() }).expect(201);
    assert.equal(await storedLanguage(opened.body.user.id), 'ckb', 'the account keeps the language it was opened in');

    await OutboxMessageModel.deleteMany({});
    const id = await referralIn(n, 'sent');
    const link = `${t.config.publicUrl}/referrals/${id}`;
    const sorani = await lastMailTo(email);
    assert.equal(sorani.subject, 'ڕەوانەکردنێکی نوێ بۆ ڕێکخراوەکەت');
    assert.match(sorani.text, /^ڕەوانەکردنێکی نوێ لە ڕێگەی ڕێبەری ڕەوانەکردنەوە بۆ ڕێکخراوەکەت نێردراوە\./);
    assert.ok(sorani.text.includes(`بۆ خوێندنەوەی بچۆ ژوورەوە:\n${LRM}${link}\n`), sorani.text);
    assert.ok(sorani.text.endsWith('— ڕێبەری ڕەوانەکردن بۆ بەربەرەکانێی بازرگانیکردن بە مرۆڤ'));
    assert.deepEqual(latinWords(sorani.text.replace(link, '')), [], 'no English in it');

    const english = await lastMailTo(n.receiver.user.email);
    assert.equal(english.subject, 'New referral for your organisation');
    assert.ok(english.text.includes(`Sign in to read it:\n${link}\n`), english.text);
  });

  it('the language switch of a signed-in user is stored and audited, once per change; the route needs a session and its CSRF token', async () => {
    const who: SignedIn = await signedInAgent(t.app, { role: 'caseworker', organizationId: n.receiverOrg });
    const put = (body: object, csrf = who.csrf) => who.agent.put('/api/v1/auth/me/language').set('X-CSRF-Token', csrf).send(body);
    assert.equal(await storedLanguage(who.user.id), 'en', 'an account opened without a language reads English');

    await request(t.app).put('/api/v1/auth/me/language').send({ language: 'ar' }).expect(401);
    await put({ language: 'ar' }, 'not-the-token').expect(403);
    const refused = await put({ language: 'fr' }).set('Accept-Language', 'ar').expect(400);
    assert.equal(refused.headers['content-language'], 'ar');
    assert.match(JSON.stringify(refused.body), /body\.language/);
    assert.equal(await storedLanguage(who.user.id), 'en');

    await put({ language: 'ar' }).expect(204);
    await put({ language: 'ar' }).expect(204);
    assert.equal(await storedLanguage(who.user.id), 'ar');
    const audit = await AuditEntryModel.find({ entity: 'user', entityId: who.user.id, action: 'update' }).lean();
    assert.equal(audit.length, 1, 'one entry: the second call changed nothing');
    assert.deepEqual(audit[0]!.changes, [{ field: 'language', before: '"en"', after: '"ar"' }]);
    assert.equal(audit[0]!.actorEmail, who.user.email);

    // A password reset asked in English goes out in the account's language.
    await request(t.app).post('/api/v1/auth/password-reset/request').set('Accept-Language', 'en').send({ email: who.user.email }).expect(202);
    const reset = await lastMailTo(who.user.email);
    assert.equal(reset.subject, 'إعادة تعيين كلمة المرور');
    assert.match(reset.text, /^مرحبًا \u2068Test caseworker\u2069،/);
    assert.match(reset.text, /بتوقيت بغداد/);
  });
});
