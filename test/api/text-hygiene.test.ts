import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

const RLO = '\u202E';
const RLI = '\u2067';
const PDI = '\u2069';

describe('names typed with bidi controls', () => {
  let t: TestApp;
  let admin: SignedIn;
  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
  });
  after(() => t.close());

  it('an override cannot make a name display as something else: embeddings and overrides are removed', async () => {
    const org = await post<Created & { name: Record<string, string> }>(admin, '/organizations', {
      name: { en: `XSSVC ${RLO}gnp.exe`, ar: `منظمة ${'\u202B'}النور${'\u202C'}` },
      type: 'local-ngo',
      governorates: ['IQ-BG'],
    });
    const read = await admin.agent.get(`/api/v1/organizations/${org.id}`).expect(200);
    assert.equal(read.body.name.en, 'XSSVC gnp.exe');
    assert.equal(read.body.name.ar, 'منظمة النور');
  });

  it('keeps the marks Arabic and Kurdish need and balanced isolates, drops an unbalanced isolate', async () => {
    const name = { en: `Office ${RLI}unclosed`, ar: `مركز\u200F 2 ${RLI}حي${PDI}`, ckb: `ناوەندی\u061C هەولێر\u200E` };
    const org = await post<Created>(admin, '/organizations', { name, type: 'local-ngo', governorates: ['IQ-AR'] });
    const read = await admin.agent.get(`/api/v1/organizations/${org.id}`).expect(200);
    assert.deepEqual(read.body.name, { en: 'Office unclosed', ar: name.ar, ckb: name.ckb });
  });

  it('a name made only of controls is empty, and refused with a 400 problem naming the field', async () => {
    const res = await admin.agent
      .post('/api/v1/organizations')
      .set('X-CSRF-Token', admin.csrf)
      .send({ name: { en: `${RLO}\u202D ` }, type: 'local-ngo', governorates: ['IQ-BG'] });
    assert.equal(res.status, 400);
    assert.equal(res.body.status, 400);
    assert.match(res.headers['content-type']!, /application\/problem\+json/);
    assert.ok(res.body.errors.some((e: { field: string }) => e.field.startsWith('body.name')), JSON.stringify(res.body.errors));
  });
});
