import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { referralBody, referralNetwork, type Actor, type Network } from './referrals-fixtures.js';

const YEAR = new Date().getFullYear();

/** What each language must say: that a name is refused and why, and the numbering to use instead. */
const EXPLAINED = {
  en: [/must never contain a name/, /identifies the person/],
  ar: [/لا تكتب اسمًا في رمز الحالة/, /يكشف هوية الشخص/],
  ckb: [/هەرگیز ناو لە کۆدی کەیسدا مەنووسە/, /کەسەکە دەناسێنێت/],
} as const;

describe('case codes: a code that looks like a personal name is refused, with the reason and a pattern', () => {
  let t: TestApp;
  let n: Network;
  before(async () => {
    t = await startTestApp();
    n = await referralNetwork(t.app);
    await OrganizationModel.updateOne({ _id: n.senderOrg }, { $set: { governorates: ['IQ-BA'] } });
  });
  after(() => t.close());

  const create = (who: Actor, caseCode: string, lang = 'en') =>
    who.post('/api/v1/referrals', referralBody(n.receiverOrg, { caseCode })).set('Accept-Language', lang);

  const caseCodeMessage = (body: { errors: { field: string; message: string }[] }) => {
    const problem = body.errors.find((e) => e.field === 'body.caseCode');
    assert.ok(problem, JSON.stringify(body));
    return problem.message;
  };

  for (const lang of ['en', 'ar', 'ckb'] as const) {
    it(`refuses Fatima-1, علي-2 and "Ahmed Ali" with 400 explained in ${lang}, suggesting BA-${YEAR}-0001`, async () => {
      for (const code of ['Fatima-1', 'علي-2', 'Ahmed Ali', 'case-17']) {
        const res = await create(n.sender, code, lang).expect(400);
        assert.match(res.headers['content-type']!, /application\/problem\+json/);
        assert.equal(res.headers['content-language'], lang);
        const message = caseCodeMessage(res.body);
        for (const pattern of EXPLAINED[lang]) assert.match(message, pattern, `${code} in ${lang}: ${message}`);
        assert.ok(message.includes(`BA-${YEAR}-0001`), `the organisation's pattern in ${message}`);
      }
    });
  }

  it('suggests a generic pattern to an organisation without a governorate, and explains edits of drafts too', async () => {
    const res = await n.outsider.post('/api/v1/referrals', referralBody(n.receiverOrg, { caseCode: 'Amina-3' })).set('Accept-Language', 'ar;q=0.9, en;q=0.1').expect(400);
    assert.equal(res.headers['content-language'], 'ar');
    assert.ok(caseCodeMessage(res.body).includes(`CASE-${YEAR}-0001`));

    const draft = await create(n.sender, 'BSR-2026-0042').expect(201);
    const edit = await n.sender.patch(`/api/v1/referrals/${draft.body.id}`, { caseCode: 'Ahmed-7' }, 1).set('Accept-Language', 'ckb').expect(400);
    assert.match(caseCodeMessage(edit.body), EXPLAINED.ckb[0]);
  });

  it('accepts codes of short upper-case prefixes and digits', async () => {
    for (const code of ['BSR-2026-0042', 'CASE-17', 'K7QX-22', 'ERB-2026-014', `BA-${YEAR}-0001`]) {
      const res = await create(n.sender, code);
      assert.equal(res.status, 201, `${code}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.caseCode, code);
    }
  });
});
