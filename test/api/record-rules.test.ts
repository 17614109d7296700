/**
 * The API refuses records that would mislead the people who use them: a place pinned outside Iraq or
 * outside the governorate of its address, a phone number that is not Iraqi, opening hours that close
 * before they open. Each refusal is a 400 problem naming the field, in the requester's language; the
 * local form of a number is stored in E.164.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedInAgent, type SignedIn } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { post, type Created } from './directory-fixtures.js';

describe('record rules: points, phones and opening hours', () => {
  let t: TestApp;
  let orgAdmin: SignedIn;
  let org: Created;
  let office: Created;

  before(async () => {
    t = await startTestApp();
    const admin = await signedInAgent(t.app, { role: 'platform-admin' });
    org = await post<Created>(admin, '/organizations', { name: { en: 'Zagros Aid' }, type: 'local-ngo' });
    orgAdmin = await signedInAgent(t.app, { role: 'org-admin', organizationId: org.id });
    office = await post<Created>(orgAdmin, '/locations', {
      organizationId: org.id,
      name: { en: 'Erbil office' },
      address: { governorate: 'IQ-AR' },
      lat: 36.19,
      lng: 44.01,
    });
  });
  after(() => t.close());

  const patch = (path: string, body: object, version: number, lang = 'en') =>
    orgAdmin.agent.patch(`/api/v1${path}`).set('X-CSRF-Token', orgAdmin.csrf).set('If-Match', `"${version}"`).set('Accept-Language', lang).send(body);

  it('refuses a headquarters moved into Iran, next to the point, in Arabic', async () => {
    const res = await patch(`/locations/${office.id}`, { lat: 35.69, lng: 51.39 }, office.version, 'ar').expect(400);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.headers['content-language'], 'ar');
    assert.deepEqual(res.body.errors, [{ field: 'body.lat', message: 'هذه النقطة خارج العراق: ضعها في مكان الموقع الفعلي.' }]);
    const unchanged = await orgAdmin.agent.get(`/api/v1/locations/${office.id}`).expect(200);
    assert.deepEqual([unchanged.body.lat, unchanged.body.lng], [36.19, 44.01]);
  });

  it('refuses a point outside the governorate of the address, naming it', async () => {
    // Baghdad's centre, for a place whose address says Erbil.
    const en = await patch(`/locations/${office.id}`, { lat: 33.3152, lng: 44.3661 }, office.version).expect(400);
    assert.deepEqual(en.body.errors, [
      { field: 'body.lat', message: 'This point is outside Erbil, the governorate of the address: move the point or change the governorate.' },
    ]);
    const ar = await patch(`/locations/${office.id}`, { lat: 33.3152, lng: 44.3661 }, office.version, 'ar').expect(400);
    assert.match(ar.body.errors[0].message, /^هذه النقطة خارج محافظة اربيل /);
    // Moving the point and the governorate together is a move, and is taken.
    const moved = await patch(`/locations/${office.id}`, { lat: 33.3152, lng: 44.3661, address: { governorate: 'IQ-BG' } }, office.version).expect(200);
    assert.equal(moved.body.address.governorate, 'IQ-BG');
    // The point is checked against the stored governorate when only the governorate changes.
    await patch(`/locations/${office.id}`, { address: { governorate: 'IQ-BA' } }, moved.body.version as number).expect(400);
  });

  it('stores a local mobile number in E.164 and refuses one that is not Iraqi, in Arabic', async () => {
    const s = await post<Created & { phones: unknown }>(orgAdmin, '/services', {
      organizationId: org.id,
      name: { en: 'Legal clinic' },
      governorates: ['IQ-AR'],
      phones: [
        { number: '0770 123 4567', type: 'mobile' },
        { number: '066 222 1234', type: 'voice' },
      ],
    });
    assert.deepEqual(s.phones, [
      { number: '+9647701234567', type: 'mobile' },
      { number: '+964662221234', type: 'voice' },
    ]);
    const res = await patch(`/services/${s.id}`, { phones: [{ number: '+98 21 1234 5678', type: 'voice' }] }, s.version, 'ar').expect(400);
    assert.equal(res.body.errors[0].field, 'body.phones.0.number');
    assert.match(res.body.errors[0].message, /^أدخل رقم هاتف عراقيًا/);
  });

  it('refuses opening hours without a day or closing before they open', async () => {
    const s = await post<Created>(orgAdmin, '/services', { organizationId: org.id, name: { en: 'Counselling' }, governorates: ['IQ-AR'] });
    const res = await patch(
      `/services/${s.id}`,
      {
        schedules: [
          { byDay: [], opensAt: '09:00', closesAt: '13:00' },
          { byDay: ['SU'], opensAt: '16:00', closesAt: '08:00' },
        ],
      },
      s.version,
      'ckb',
    ).expect(400);
    assert.deepEqual(res.body.errors, [
      { field: 'body.schedules.0.byDay', message: 'لانیکەم یەک ڕۆژ هەڵبژێرە.' },
      { field: 'body.schedules.1.closesAt', message: 'کاتی داخستن دەبێت دوای کاتی کردنەوە بێت.' },
    ]);
  });
});
