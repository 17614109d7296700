/**
 * Starts a throw-away instance for `npm run fuzz`: an embedded database in a temporary folder with
 * the sample directory, the app on a free port, and a signed-in platform admin. Prints one JSON line
 * { url, cookie, csrf } and runs until SIGTERM/SIGINT, then removes everything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDatabase } from '../../seed/seed.js';
import { startEmbeddedDatabase } from '../../server/platform/db/embedded-ferretdb.js';
import { createTestUser } from './auth.js';
import { signInOverHttp } from './http-session.js';
import { startTestApp } from './test-app.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-fuzz-'));
const db = await startEmbeddedDatabase({ dataDir: dir });
const t = await startTestApp({ LOG_LEVEL: 'silent' }, { uri: db.uri });
await seedDatabase({ sample: true, log: () => {} });
const server = t.app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const { user, password } = await createTestUser({ role: 'platform-admin' });
const { cookie, csrf } = await signInOverHttp(url, user.email, password);
console.log(JSON.stringify({ url, cookie, csrf }));

const stop = async () => {
  server.close();
  server.closeAllConnections();
  await t.close();
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
