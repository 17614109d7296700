import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { actor, referralBody, referralNetwork, type Actor, type Network } from './referrals-fixtures.js';

const WRITES = new Set(['insert', 'update', 'findAndModify', 'delete']);

describe('referral creation: one write, and retries with an Idempotency-Key create it once', () => {
  let t: TestApp;
  let n: Network;
  const referralWrites: CommandStartedEvent[] = [];

  before(async () => {
    // Commands are watched on the real driver, to see how many writes one request makes.
    await mongoose.connect(process.env.MONGODB_URI!, { dbName: `test_${randomBytes(6).toString('hex')}`, monitorCommands: true });
    mongoose.connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      if (WRITES.has(event.commandName) && event.command[event.commandName] === 'referrals') referralWrites.push(event);
    });
    t = await startTestApp();
    n = await referralNetwork(t.app);
  });
  after(() => t.close());

  const create = (who: Actor, body: object, key?: string) => {
    const req = who.post('/api/v1/referrals', body);
    return key === undefined ? req : req.set('Idempotency-Key', `"${key}"`);
  };
  const outboxWithCode = async (who: Actor, caseCode: string) =>
    ((await who.get('/api/v1/referrals?box=outbox&pageSize=100').expect(200)).body.items as { id: string; caseCode: string }[]).filter(
      (r) => r.caseCode === caseCode,
    );

  it('stores a referral sent at once in one insert, already sent: a crash cannot leave a draft', async () => {
    referralWrites.length = 0;
    const body = referralBody(n.receiverOrg, { send: true });
    const sent = await create(n.sender, body).expect(201);
    assert.equal(sent.body.status, 'sent');
    assert.match(sent.headers.etag!, /^"1\./, 'the first version of the record is the sent one');
    assert.deepEqual(sent.body.history.map((h: { from: string | null; to: string }) => [h.from, h.to]), [[null, 'draft'], ['draft', 'sent']]);

    assert.equal(referralWrites.length, 1, `one write: ${referralWrites.map((w) => w.commandName).join(', ')}`);
    const inserted = referralWrites[0]!.command.documents[0] as { status: string; sentAt: Date | null; acknowledgeBy: Date | null };
    assert.equal(inserted.status, 'sent', 'the inserted document is already sent');
    assert.ok(inserted.sentAt && inserted.acknowledgeBy);

    // What the receiver gets: the referral in its inbox, as sent.
    const inbox = await n.receiver.get('/api/v1/referrals?box=inbox&pageSize=100').expect(200);
    assert.ok(inbox.body.items.some((r: { id: string; status: string }) => r.id === sent.body.id && r.status === 'sent'));
  });

  it('two simultaneous POSTs with the same key create one referral and both answer with it', async () => {
    const key = randomUUID();
    const body = referralBody(n.receiverOrg, { send: true });
    const [first, second] = await Promise.all([create(n.sender, body, key), create(n.sender, body, key)]);
    assert.deepEqual([first.status, second.status], [201, 201]);
    assert.equal(second.body.id, first.body.id);
    assert.deepEqual(second.body, first.body, 'the same answer');

    const retried = await create(n.sender, body, key).expect(201);
    assert.deepEqual(retried.body, first.body, 'a later retry gets the same answer too');
    assert.equal(retried.headers.etag, first.headers.etag);
    assert.deepEqual((await outboxWithCode(n.sender, body.caseCode)).map((r) => r.id), [first.body.id]);
  });

  it('answers 422 problem+json when the key was used for a different request, creating nothing', async () => {
    const key = randomUUID();
    const body = referralBody(n.receiverOrg);
    const draft = await create(n.sender, body, key).expect(201);
    const changed = await create(n.sender, { ...body, urgency: 'emergency' }, key).expect(422);
    assert.match(changed.headers['content-type']!, /application\/problem\+json/);
    assert.equal(changed.body.referralId, draft.body.id);
    assert.deepEqual((await outboxWithCode(n.sender, body.caseCode)).map((r) => r.id), [draft.body.id]);
  });

  it('keys belong to their user: a colleague with the same key writes a referral of their own', async () => {
    const colleague = await actor(t.app, 'caseworker', n.senderOrg);
    const key = randomUUID();
    const body = referralBody(n.receiverOrg);
    const mine = await create(n.sender, body, key).expect(201);
    const theirs = await create(colleague, body, key).expect(201);
    assert.notEqual(theirs.body.id, mine.body.id);
    assert.equal((await outboxWithCode(n.sender, body.caseCode)).length, 2);
  });

  it('refuses a malformed key with 400 naming the header, and documents the header', async () => {
    const bad = await create(n.sender, referralBody(n.receiverOrg), 'short').expect(400);
    assert.equal(bad.body.errors[0].field, 'headers.Idempotency-Key');
    const doc = await request(t.app).get('/api/v1/openapi.json').expect(200);
    const operation = doc.body.paths['/api/v1/referrals'].post;
    const header = operation.parameters.find((p: { in: string; name: string }) => p.in === 'header');
    assert.equal(header.name, 'Idempotency-Key');
    assert.equal(header.required, false);
    assert.ok(operation.responses['422']);
  });
});
