import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import request from 'supertest';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

describe('one freshness check per request', () => {
  let t: TestApp;
  let admin: SignedIn;
  let service: Created;
  /** Reads of the directory's change feed since the last reset: each is a database round-trip. */
  let feedReads = 0;

  before(async () => {
    t = await startTestApp();
    admin = await signedInAgent(t.app, { role: 'platform-admin' });
    const org = await post<Created>(admin, '/organizations', { name: { en: 'Tigris Legal Aid' }, type: 'local-ngo', governorates: ['IQ-BG'] });
    const place = await post<Created>(admin, '/locations', {
      organizationId: org.id,
      name: { en: 'Office' },
      address: { street: { en: '9 River Street' }, governorate: 'IQ-BG' },
      lat: 33.31,
      lng: 44.36,
    });
    service = await post<Created>(admin, '/services', { organizationId: org.id, name: { en: 'Legal counselling' }, categories: ['legal-aid'], locationIds: [place.id] });
    mongoose.set('debug', (collection: string) => {
      if (collection === 'directory_changes') feedReads++;
    });
  });
  after(async () => {
    mongoose.set('debug', false);
    await t.close();
  });

  /** Warms up once (the first read after writes catches up), then counts one more request of the same kind. */
  async function feedReadsOf(path: string): Promise<number> {
    await request(t.app).get(`/api/v1${path}`).expect(200);
    feedReads = 0;
    await request(t.app).get(`/api/v1${path}`).expect(200);
    return feedReads;
  }

  it('a search reads the change feed once', async () => {
    assert.equal(await feedReadsOf(`/services?q=${encodeURIComponent('counselling')}`), 1);
  });

  it('a service page reads the change feed once', async () => {
    assert.equal(await feedReadsOf(`/services/${service.id}`), 1);
  });

  it('a request sees a write made by an earlier request on another instance', async () => {
    // Written straight to the database, as another instance would: only the feed tells this one.
    await mongoose.connection.collection('services').updateOne({ _id: new mongoose.Types.ObjectId(service.id) }, { $set: { 'name.en': 'Legal advice' } });
    const { directoryFeed } = await import('../../server/directory/catalog/change-feed.js');
    await directoryFeed.publish('services', [service.id]);
    const page = await request(t.app).get(`/api/v1/services/${service.id}`).expect(200);
    assert.equal(page.body.name.en, 'Legal advice');
  });
});
