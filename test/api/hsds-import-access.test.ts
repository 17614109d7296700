import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTestUser } from '../support/auth.js';
import { signInOverHttp } from '../support/http-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ANNOUNCED_BYTES = 20 * 1024 * 1024;
const PROMPTLY_MS = 3000;

/**
 * Sends the headers of a 20 MB upload and only a few bytes of it, then holds the connection open.
 * Resolves with the status line and whether the server closed the connection, or the status "none"
 * when no answer came within PROMPTLY_MS (a server that waits for the body it was promised).
 */
function announceLargeUpload(port: number, headers: Record<string, string>): Promise<{ status: string; closed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 'none', closed, ms: Date.now() - started });
    };
    const timer = setTimeout(finish, PROMPTLY_MS);
    socket.on('error', reject);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('end', () => {
      closed = true;
      finish();
    });
    socket.on('connect', () => {
      const lines = [
        'POST /api/v1/admin/import HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Content-Type: application/zip',
        `Content-Length: ${ANNOUNCED_BYTES}`,
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\nPK\u0003\u0004`);
    });
  });
}

describe('POST /admin/import: who calls is checked before the body is read', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  before(async () => {
    t = await startTestApp();
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('answers an anonymous caller 401 at once, with 20 MB announced and a few bytes sent', async () => {
    const answer = await announceLargeUpload(port, {});
    assert.equal(answer.status, '401');
    assert.ok(answer.closed, 'the connection is closed instead of draining the announced body');
    assert.ok(answer.ms < PROMPTLY_MS, `answered in ${answer.ms} ms`);
  });

  it('answers a signed-in organisation admin 403 at once, before the body arrives', async () => {
    const { user, password } = await createTestUser({ role: 'org-admin' });
    const session = await signInOverHttp(`http://127.0.0.1:${port}`, user.email, password);
    const answer = await announceLargeUpload(port, { Cookie: session.cookie, 'X-CSRF-Token': session.csrf });
    assert.equal(answer.status, '403');
    assert.ok(answer.closed, 'the connection is closed instead of draining the announced body');
  });
});
