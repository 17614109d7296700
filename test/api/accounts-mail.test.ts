import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import pino from 'pino';
import { deliverNext, logTransport, smtpTransport, type MailTransport } from '../../server/platform/mail/delivery.js';
import { enqueueMail } from '../../server/platform/mail/outbox.js';
import { OutboxMessageModel, type OutboxMessageDoc } from '../../server/platform/mail/outbox.model.js';
import { createLogger } from '../../server/platform/logging.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const silent = createLogger('silent');

function recordingTransport(fail = false): MailTransport & { sent: OutboxMessageDoc[] } {
  const sent: OutboxMessageDoc[] = [];
  return {
    sent,
    async send(message) {
      if (fail) throw new Error('SMTP said no');
      sent.push(message);
    },
  };
}

/** Just enough of an SMTP server to receive one message at a time. */
function fakeSmtpServer(): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket) => {
    let data: string | null = null;
    socket.write('220 fake ESMTP\r\n');
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === '.') {
            received.push(data);
            data = null;
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
        } else if (/^EHLO/i.test(line)) socket.write('250-fake\r\n250 8BITMIME\r\n');
        else if (/^DATA/i.test(line)) {
          data = '';
          socket.write('354 go on\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, received })));
}

describe('mail outbox delivery', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  beforeEach(() => OutboxMessageModel.deleteMany({}));
  after(() => t.close());

  it('sends each message exactly once even with several instances polling at the same time', async () => {
    for (let i = 0; i < 5; i++) await enqueueMail({ to: `r${i}@example.test`, subject: `S${i}`, text: `Body ${i} https://x.test/a#token=t${i}`, link: `https://x.test/a#token=t${i}` });
    const a = recordingTransport();
    const b = recordingTransport();
    const drain = async (transport: MailTransport, owner: string) => {
      while (await deliverNext(transport, owner, silent));
    };
    await Promise.all([drain(a, 'instance-a'), drain(b, 'instance-b')]);
    const recipients = [...a.sent, ...b.sent].map((m) => m.to).sort();
    assert.deepEqual(recipients, ['r0@example.test', 'r1@example.test', 'r2@example.test', 'r3@example.test', 'r4@example.test']);
    const stored = await OutboxMessageModel.find().lean();
    assert.ok(stored.every((m) => m.status === 'sent' && m.sentAt && m.text === '' && m.link === null), 'bodies with links are not kept after delivery');
  });

  it('a failed send is retried later, not at once, and the message keeps its body until sent', async () => {
    await enqueueMail({ to: 'r@example.test', subject: 'S', text: 'Body' });
    assert.equal(await deliverNext(recordingTransport(true), 'a', silent), true);
    const failed = await OutboxMessageModel.findOne().lean();
    assert.equal(failed!.status, 'pending');
    assert.equal(failed!.attempts, 1);
    assert.equal(failed!.lastError, 'SMTP said no');
    assert.ok(failed!.nextAttemptAt > new Date());
    assert.equal(failed!.text, 'Body');
    assert.equal(await deliverNext(recordingTransport(), 'a', silent), false, 'not due yet');
    const later = new Date(Date.now() + 61_000);
    const ok = recordingTransport();
    assert.equal(await deliverNext(ok, 'a', silent, later), true);
    assert.equal(ok.sent.length, 1);
  });

  it('a lease left by a crashed instance expires and another instance sends the message', async () => {
    await enqueueMail({ to: 'r@example.test', subject: 'S', text: 'Body' });
    await OutboxMessageModel.updateMany({}, { $set: { leaseUntil: new Date(Date.now() + 60_000), leaseOwner: 'crashed' } });
    assert.equal(await deliverNext(recordingTransport(), 'b', silent), false);
    const other = recordingTransport();
    assert.equal(await deliverNext(other, 'b', silent, new Date(Date.now() + 120_000)), true);
    assert.equal(other.sent.length, 1);
  });

  it('delivers by SMTP from MAIL_FROM when SMTP_URL is set', async () => {
    const smtp = await fakeSmtpServer();
    try {
      await enqueueMail({ to: 'someone@example.test', subject: 'Hello there', text: 'The body of the message.' });
      assert.equal(await deliverNext(smtpTransport(`smtp://127.0.0.1:${smtp.port}`, 'Directory <no-reply@example.org>'), 'a', silent), true);
      assert.equal(smtp.received.length, 1);
      assert.match(smtp.received[0]!, /^From: Directory <no-reply@example.org>$/m);
      assert.match(smtp.received[0]!, /^To: someone@example.test$/m);
      assert.match(smtp.received[0]!, /^Subject: Hello there$/m);
      assert.match(smtp.received[0]!, /The body of the message\./);
      assert.equal((await OutboxMessageModel.findOne().lean())!.status, 'sent');
    } finally {
      smtp.server.close();
    }
  });

  it('an attempt claimed by an instance that died is skipped after the lease period', async () => {
    await enqueueMail({ to: 'r@example.test', subject: 'S', text: 'Body' });
    const message = (await OutboxMessageModel.findOne().lean())!;
    // The dead instance claimed attempt 1 (see claims.ts) but never recorded its lease.
    await mongoose.connection.db!.collection('claims').insertOne({ _id: `mail:${message._id.toString()}:1` as never, at: new Date(Date.now() - 10 * 60_000) });
    const transport = recordingTransport();
    assert.equal(await deliverNext(transport, 'b', silent), false, 'the abandoned attempt is skipped');
    assert.equal(await deliverNext(transport, 'b', silent), true);
    assert.equal(transport.sent.length, 1);
    assert.equal((await OutboxMessageModel.findById(message._id).lean())!.attempts, 2);
  });

  it('without SMTP, development logs recipient, subject and link, never the body; production leaves the link out', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const message = { to: 'dev@example.test', subject: 'Reset your password', text: 'secret body', link: 'https://x.test/reset-password#token=abc' } as OutboxMessageDoc;
    await logTransport(logger, true).send(message);
    await logTransport(logger, false).send(message);
    const [dev, prod] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(dev!.to, 'dev@example.test');
    assert.equal(dev!.subject, 'Reset your password');
    assert.equal(dev!.link, 'https://x.test/reset-password#token=abc');
    assert.equal(prod!.link, undefined);
    assert.doesNotMatch(lines.join(''), /secret body/);
  });
});
