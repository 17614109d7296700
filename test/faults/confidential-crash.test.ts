import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Express } from 'express';
import request from 'supertest';
import { LocationModel } from '../../server/directory/locations/location.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { createTestUser, signIn, type SignedIn } from '../support/auth.js';
import { useFreshDatabase } from '../support/database.js';
import { concretePaths, documentedGetRoutes, exportedFiles, hsdsPaths, pointTexts } from '../support/public-walk.js';
import { post, type Created } from '../api/directory-fixtures.js';

const TRIALS = 10;
const MAX_DELAY_MS = 700;
const API = '/api/v1';

/** A point of its own per trial, with digits no other figure of the directory has. */
const pointOf = (trial: number) => ({ lat: Number((34.10313 + trial * 0.07131).toFixed(5)), lng: Number((43.20417 + trial * 0.06173).toFixed(5)) });

interface Trial {
  place: Created;
  /** Ordinary services at the place: they must follow it into hiding. */
  services: Created[];
  point: { lat: number; lng: number };
}

describe('making a place confidential survives kill -9 at any moment', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let app: AppProcess;
  let admin: SignedIn;
  let organizationId: string;

  // Each instance holds a tenth of a client's rate budget per window, and a killed one takes its share
  // with it: ten restarts in one 60 s window would spend the whole budget. A 1 s window frees it again.
  const start = () => startAppProcess(db.uri, { RATE_LIMIT_WINDOW_SECONDS: '1' });

  const signInAdmin = async () => {
    const { agent, csrf } = await signIn(app.url as unknown as Express, admin.user.email, admin.password);
    admin = { ...admin, agent, csrf };
  };

  before(async () => {
    db = await useFreshDatabase();
    app = await start();
    const { user, password } = await createTestUser({ role: 'platform-admin' });
    admin = { user, password } as SignedIn;
    await signInAdmin();
    organizationId = (await post<Created>(admin, '/organizations', { name: { en: 'Crash trial organisation' }, type: 'local-ngo' })).id;
  });
  after(async () => {
    await app?.stop('SIGKILL');
    await db.drop();
  });

  /** A place with an ordinary service; every other trial a second ordinary service there that the write makes confidential. */
  async function prepare(trial: number): Promise<{ trial: Trial; write: () => request.Test }> {
    const point = pointOf(trial);
    const place = await post<Created>(admin, '/locations', { organizationId, name: { en: `Trial house ${trial}` }, address: { governorate: 'IQ-SD' }, ...point });
    const service = (name: string) => post<Created>(admin, '/services', { organizationId, name: { en: name }, categories: ['shelter'], locationIds: [place.id] });
    const ordinary = await service(`Trial counselling ${trial}`);
    if (trial % 2 === 0) {
      const write = () => admin.agent.patch(`${API}/locations/${place.id}`).set('X-CSRF-Token', admin.csrf).set('If-Match', `"${place.version}"`).send({ confidential: true });
      return { trial: { place, services: [ordinary], point }, write };
    }
    const shelter = await service(`Trial shelter ${trial}`);
    const write = () => admin.agent.patch(`${API}/services/${shelter.id}`).set('X-CSRF-Token', admin.csrf).set('If-Match', `"${shelter.version}"`).send({ confidential: true });
    return { trial: { place, services: [ordinary, shelter], point }, write };
  }

  it(`after ${TRIALS} writes each cut by kill -9 within ${MAX_DELAY_MS} ms, no public route shows a hidden place's point`, async () => {
    const trials: Trial[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const { trial, write } = await prepare(i);
      trials.push(trial);
      const sent = write().then(
        () => undefined,
        () => undefined, // the connection dies with the app
      );
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * MAX_DELAY_MS)));
      app.child.kill('SIGKILL');
      await app.exited;
      await sent;
      app = await start();
      await signInAdmin();
    }

    // Which places are hidden now is what the database says (a write cut before it was saved hid nothing).
    const ids = trials.map((t) => t.place.id);
    const flagged = await LocationModel.find({ _id: { $in: ids }, confidential: true }, { _id: 1 }).lean();
    const shelters = await ServiceModel.find({ confidential: true, locationIds: { $in: ids } }, { locationIds: 1 }).lean();
    const hiddenIds = new Set([...flagged.map((l) => String(l._id)), ...shelters.flatMap((s) => s.locationIds.map(String))]);
    const hidden = trials.filter((t) => hiddenIds.has(t.place.id));
    assert.ok(hidden.length > 0, 'at least one write was saved before its crash');
    const forbidden = hidden.flatMap((t) => pointTexts(t.point));

    const near = hidden.slice(0, 3).flatMap((t) => [`?near=${t.point.lat},${t.point.lng}&radiusKm=5`, `?near=${t.point.lat},${t.point.lng}&sort=distance`]);
    const values = [organizationId, ...hidden.flatMap((t) => [t.place.id, ...t.services.map((s) => s.id)]), 'shelter', 'IQ-SD'];
    const paths = [
      ...concretePaths(await documentedGetRoutes(app.url, API), API, () => values, ['', '?perPage=100', ...near]),
      ...(await hsdsPaths(app.url, values)),
    ];
    const failures: string[] = [];
    const answered = new Set<string>();
    const visit = async (path: string) => {
      const res = await request(app.url).get(path);
      assert.ok(res.status < 500, `${path} answered ${res.status}`);
      if (res.status === 200) answered.add(path);
      const found = forbidden.filter((f) => res.text.includes(f));
      if (found.length) failures.push(`GET ${path} (${res.status}) shows ${found.join(', ')}`);
    };
    for (let i = 0; i < paths.length; i += 8) await Promise.all(paths.slice(i, i + 8).map(visit));
    for (const [name, text] of Object.entries(await exportedFiles(app.url))) {
      const found = forbidden.filter((f) => text.includes(f));
      if (found.length) failures.push(`export.zip ${name} shows ${found.join(', ')}`);
    }
    assert.deepEqual(failures, []);
    // The walk must have reached the surfaces that drew the trial services, not just collected errors.
    const [first] = hidden;
    const reached = [
      `${API}/services/${first!.services[0]!.id}`,
      `${API}/organizations/${organizationId}`,
      `${API}/services?near=${first!.point.lat},${first!.point.lng}&radiusKm=5`,
      `${API}/map/services?near=${first!.point.lat},${first!.point.lng}&radiusKm=5`,
      `${API}/services/facets`,
      '/hsds/services',
    ];
    for (const path of reached) assert.ok(answered.has(path), `walk reached ${path}`);
  });
});
