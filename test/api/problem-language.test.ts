import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** What every problem carries whatever the language: the RFC 9457 shape and the language headers. */
function assertProblem(res: request.Response, status: number, lang: string): void {
  assert.equal(res.status, status);
  assert.match(res.headers['content-type']!, /^application\/problem\+json/);
  assert.equal(res.headers['content-language'], lang);
  assert.match(res.headers.vary ?? '', /Accept-Language/i);
  assert.equal(res.body.status, status);
}

const messagesOf = (res: request.Response) =>
  Object.fromEntries((res.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]));

describe('problems in the language of the requester (Accept-Language)', () => {
  let t: TestApp;
  let admin: SignedIn;
  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
  });
  after(() => t.close());

  // No name in any language, no type, a malformed email and a year out of range.
  const badOrganization = (lang?: string) => {
    const req = admin.agent.post('/api/v1/organizations').set('X-CSRF-Token', admin.csrf);
    if (lang) req.set('Accept-Language', lang);
    return req.send({ name: {}, email: 'not-an-email', yearIncorporated: 1800 });
  };

  it('writes the title, the detail and every field message of a bad body in Arabic, Sorani or English', async () => {
    const [en, ar, ckb, none] = await Promise.all([badOrganization('en'), badOrganization('ar-IQ,ar;q=0.9'), badOrganization('ckb'), badOrganization()]);
    for (const [res, lang] of [[en, 'en'], [ar, 'ar'], [ckb, 'ckb'], [none, 'en']] as const) assertProblem(res, 400, lang);

    assert.equal(ar.body.title, 'طلب غير صالح');
    assert.equal(ar.body.detail, 'الطلب غير صالح: راجع الحقول المذكورة.');
    assert.deepEqual(messagesOf(ar), {
      'body.name': 'املأ لغة واحدة على الأقل.',
      'body.type': 'هذا الحقل مطلوب.',
      'body.email': 'أدخل بريدًا إلكترونيًا صحيحًا.',
      'body.yearIncorporated': 'يجب ألا تقل القيمة عن 1900.',
    });

    assert.equal(ckb.body.title, 'داواکاریی نادروست');
    assert.equal(ckb.body.detail, 'داواکارییەکە دروست نییە: خانە ئاماژەپێکراوەکان بپشکنە.');
    assert.deepEqual(messagesOf(ckb), {
      'body.name': 'لانیکەم یەک زمان پڕ بکەرەوە.',
      'body.type': 'ئەم خانەیە پێویستە.',
      'body.email': 'ئیمەیڵێکی دروست بنووسە.',
      'body.yearIncorporated': 'دەبێت لانیکەم 1900 بێت.',
    });

    assert.equal(en.body.title, 'Invalid request');
    assert.equal(en.body.detail, 'The request body is not valid.');
    assert.equal(messagesOf(en)['body.type'], 'Required.');
    assert.deepEqual(none.body, en.body, 'without Accept-Language the problem is in English');
    // The language changes the words only: same type, same fields, same members.
    for (const res of [ar, ckb]) {
      assert.equal(res.body.type, en.body.type);
      assert.deepEqual(Object.keys(res.body).sort(), Object.keys(en.body).sort());
      assert.deepEqual(Object.keys(messagesOf(res)), Object.keys(messagesOf(en)));
    }
  });

  it('explains a body that is not JSON in Arabic', async () => {
    const res = await admin.agent
      .post('/api/v1/organizations')
      .set('X-CSRF-Token', admin.csrf)
      .set('Accept-Language', 'ar')
      .set('Content-Type', 'application/json')
      .send('{"name":');
    assertProblem(res, 400, 'ar');
    assert.equal(res.body.detail, 'محتوى الطلب ليس JSON صالحًا.');
  });

  it('answers an unknown record and an unknown route with a Sorani 404', async () => {
    const record = await request(t.app).get('/api/v1/organizations/0123456789abcdef01234567').set('Accept-Language', 'ckb');
    assertProblem(record, 404, 'ckb');
    assert.equal(record.body.title, 'نەدۆزرایەوە');
    assert.equal(record.body.detail, 'ئەوەی داوات کرد نەدۆزرایەوە.');

    const route = await request(t.app).get('/api/v1/no-such-thing').set('Accept-Language', 'ckb');
    assertProblem(route, 404, 'ckb');
    assert.equal(route.body.title, 'نەدۆزرایەوە');
    assert.equal(route.body.detail, 'GET /no-such-thing لەم API-یەدا نییە.');
  });

  it('refuses a wrong password, a missing CSRF token and a bad search in Arabic and Sorani, never in English', async () => {
    const visitor = request.agent(t.app);
    const { token } = (await visitor.get('/api/v1/auth/csrf').expect(200)).body as { token: string };
    const wrong = await visitor.post('/api/v1/auth/login').set('X-CSRF-Token', token).set('Accept-Language', 'ar').send({ email: 'nobody@example.org', password: 'not the password at all' });
    assertProblem(wrong, 401, 'ar');
    assert.equal(wrong.body.detail, 'البريد الإلكتروني أو كلمة المرور غير صحيحة.');

    const noToken = await admin.agent.post('/api/v1/organizations').set('Accept-Language', 'ckb').send({});
    assertProblem(noToken, 403, 'ckb');
    assert.equal(noToken.body.title, 'نیشانەی پاراستنی CSRF نییە یان دروست نییە');
    assert.match(noToken.body.detail, /^سەرپەڕەی X-CSRF-Token نییە/);

    const search = await request(t.app).get('/api/v1/services?governorate=Atlantis&radiusKm=5&near=1000,1').set('Accept-Language', 'ar');
    assertProblem(search, 400, 'ar');
    assert.deepEqual(messagesOf(search), {
      'query.governorate.0': 'محافظة غير معروفة «Atlantis»: استخدم رمز ISO 3166-2 ‏(IQ-BG) أو رمز P ‏(IQ21).',
      'query.near': 'خط العرض وخط الطول بالدرجات العشرية، مثل 33.31,44.36.',
    });
    const radius = await request(t.app).get('/api/v1/services?radiusKm=5').set('Accept-Language', 'ckb');
    assertProblem(radius, 400, 'ckb');
    assert.deepEqual(messagesOf(radius), { 'query.radiusKm': 'پێویستی بە near=lat,lng هەیە.' });
    // No refusal of these carries a word of English but the names of headers and parameters.
    for (const res of [wrong, noToken, search, radius]) {
      const text = [res.body.title, res.body.detail, ...Object.values(res.body.errors ? messagesOf(res) : {})].join(' ');
      assert.doesNotMatch(text.replace(/CSRF|X-CSRF-Token|GET \/api\/v1\/auth\/csrf|near=lat,lng|ISO|IQ-BG|IQ21|Atlantis/g, ''), /[A-Za-z]{3,}/);
    }
  });
});

/** The budget's window is fixed (aligned to the clock): a day long, so that none rolls over mid-test and refills. */
const DAY_SECONDS = 86_400;

describe('a rate-limited client is told to wait in its language', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', RATE_LIMIT_READS: '1', RATE_LIMIT_WINDOW_SECONDS: String(DAY_SECONDS) });
  });
  after(() => t.close());

  it('answers 429 in Sorani with the limit and the wait', async () => {
    const from = () => request(t.app).get('/api/v1/governorates').set('X-Forwarded-For', '203.0.113.77').set('Accept-Language', 'ckb');
    await from().expect(200);
    const refused = await from();
    assertProblem(refused, 429, 'ckb');
    assert.equal(refused.body.type, '/problems/rate-limited');
    assert.equal(refused.body.title, 'داواکاری زۆرە');
    const wait = refused.headers['retry-after'];
    assert.equal(refused.body.detail, `داواکاری زۆر لەم ئامێرەوە: سنوورەکە 1 دانەیە بۆ هەر ${DAY_SECONDS} چرکە. دوای ${wait} چرکە دووبارە هەوڵ بدەرەوە.`);
  });
});
