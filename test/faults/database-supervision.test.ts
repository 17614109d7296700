import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { childProcessIds, startAppProcess, type AppProcess } from '../support/app-process.js';

describe('supervision of the embedded database', () => {
  let app: AppProcess;
  before(async () => {
    app = await startAppProcess(undefined);
  });
  after(async () => {
    await app?.stop('SIGTERM');
  });

  it('kill -9 of the database process: the app stays alive and serves again within 10 s, without a restart', async (t) => {
    assert.equal((await fetch(`${app.url}/api/v1/governorates`)).status, 200);
    const [database] = childProcessIds(app.child.pid!);
    assert.ok(database, 'the app runs its embedded database as a child process');
    process.kill(database, 'SIGKILL');
    const killedAt = Date.now();

    const seen = new Set<string>();
    let recoveredMs: number | undefined;
    while (Date.now() - killedAt < 10_000) {
      const [health, ready, api] = await Promise.all(['/healthz', '/readyz', '/api/v1/governorates'].map((p) => fetch(`${app.url}${p}`)));
      assert.equal(health!.status, 200, '/healthz: the app is alive throughout');
      seen.add(`readyz ${ready!.status}`);
      if (ready!.status === 200 && api!.status === 200) {
        recoveredMs = Date.now() - killedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(seen.has('readyz 503'), `/readyz reported the outage (${[...seen].join(', ')})`);
    assert.ok(recoveredMs !== undefined, 'the API and /readyz answer 200 again within 10 s');
    t.diagnostic(`recovered ${recoveredMs} ms after kill -9`);
    assert.equal(app.child.exitCode, null, 'the app process was not restarted');
    const [relaunched] = childProcessIds(app.child.pid!);
    assert.ok(relaunched && relaunched !== database, 'a new database process serves');
  });
});
