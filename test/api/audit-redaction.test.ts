import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordAudit } from '../../server/audit/audit.js';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

interface AuditChange {
  field: string;
  before: string;
  after: string;
}

describe('audit log: secret fields are recognised by whole words', () => {
  let t: TestApp;
  let admin: SignedIn;
  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
  });
  after(() => t.close());

  const changesOf = async (query: string): Promise<AuditChange[]> => {
    const res = await admin.agent.get(`/api/v1/audit?${query}`).expect(200);
    assert.equal(res.body.items.length, 1, query);
    return res.body.items[0].changes as AuditChange[];
  };

  it('shows when a record was archived (archivedAt is no secret)', async () => {
    const org = await post<Created>(admin, '/organizations', { name: { en: 'Archive Test NGO' }, type: 'local-ngo' });
    const service = await post<Created>(admin, '/services', { organizationId: org.id, name: { en: 'Short course' }, governorates: ['IQ-NA'] });
    await post(admin, `/services/${service.id}/archive`, {}, 200);

    const archived = (await changesOf(`entity=service&entityId=${service.id}&action=service.archive`)).find((c) => c.field === 'archivedAt');
    assert.ok(archived, 'the archive entry lists archivedAt');
    assert.equal(archived.before, 'null');
    assert.match(archived.after, /^"\d{4}-\d\d-\d\dT/, 'the date is shown, not [redacted]');
  });

  it('redacts passwordHash, resetToken, apiKey and nested secrets, and keeps keyboard-like names', async () => {
    const entityId = 'redaction-probe';
    await recordAudit(null, {
      action: 'probe.update',
      entity: 'probe',
      entityId,
      before: { passwordHash: 'argon2-old', resetToken: 'tok-old', apiKey: 'k-old', keyboardLayout: 'qwerty', notes_ciphertext: 'c-old', archivedAt: null },
      after: {
        passwordHash: 'argon2-new',
        resetToken: 'tok-new',
        apiKey: 'k-new',
        keyboardLayout: 'azerty',
        notes_ciphertext: 'c-new',
        archivedAt: '2026-12-01T10:00:00.000Z',
        contact: { name: 'Desk', client_secret: 's3', tokenHash: 'h' },
      },
    });
    const byField = new Map((await changesOf(`entity=probe&entityId=${entityId}`)).map((c) => [c.field, c]));
    for (const secret of ['passwordHash', 'resetToken', 'apiKey', 'notes_ciphertext']) {
      assert.deepEqual(byField.get(secret), { field: secret, before: '[redacted]', after: '[redacted]' }, secret);
    }
    assert.deepEqual(byField.get('keyboardLayout'), { field: 'keyboardLayout', before: '"qwerty"', after: '"azerty"' });
    assert.equal(byField.get('archivedAt')!.after, '"2026-12-01T10:00:00.000Z"');
    assert.deepEqual(JSON.parse(byField.get('contact')!.after), { name: 'Desk', client_secret: '[redacted]', tokenHash: '[redacted]' });
    const everything = JSON.stringify([...byField.values()]);
    for (const value of ['argon2', 'tok-', 'k-new', 'c-new', 's3']) assert.ok(!everything.includes(value), value);
  });
});
