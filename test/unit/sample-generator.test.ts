import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Model } from 'mongoose';
import { ContactModel } from '../../server/directory/contacts/contact.model.js';
import { LocationModel } from '../../server/directory/locations/location.model.js';
import { OrganizationModel } from '../../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import { generateDirectory, generateSampleDirectory, SAMPLE_SERVICE_COUNT } from '../../seed/sample/generator.js';

const now = new Date('2026-03-01T09:00:00Z');

describe('sample directory generator', () => {
  const sample = generateSampleDirectory({ now });

  it('is deterministic: the same seed and day give the same directory', () => {
    assert.deepStrictEqual(generateSampleDirectory({ now }), sample);
    const other = generateSampleDirectory({ now, seed: 7 });
    assert.notDeepStrictEqual(
      other.organizations.map((o) => o.name.en),
      sample.organizations.map((o) => o.name.en),
    );
  });

  it('makes the demo sample: enough organisations, services and contacts, unique organisation names', () => {
    assert.equal(sample.services.length, SAMPLE_SERVICE_COUNT);
    assert.ok(sample.organizations.length >= 120, `${sample.organizations.length} organisations`);
    assert.ok(sample.contacts.length >= 300, `${sample.contacts.length} contacts`);
    assert.equal(new Set(sample.organizations.map((o) => o.name.en)).size, sample.organizations.length);
  });

  it('scales: exactly N services with about one organisation per 3.5 and 0.75 contacts per service', () => {
    const counts = { organizations: 0, services: 0, contacts: 0 };
    for (const bundle of generateDirectory({ services: 7000, now })) {
      counts.organizations++;
      counts.services += bundle.services.length;
      counts.contacts += bundle.contacts.length;
    }
    assert.equal(counts.services, 7000);
    assert.equal(counts.organizations, 2000);
    assert.ok(Math.abs(counts.contacts / 7000 - 0.75) < 0.05, `${counts.contacts} contacts`);
  });

  it('produces complete records: what Mongoose would store, so they can be inserted without it', () => {
    const check = <T>(model: Model<T>, records: object[]) => {
      for (const record of records.slice(0, 60)) {
        const document = new model(record);
        assert.equal(document.validateSync(), undefined);
        assert.deepStrictEqual(document.toObject(), record, `${model.modelName} as Mongoose would store it`);
      }
    };
    check(OrganizationModel, sample.organizations);
    check(LocationModel, sample.locations);
    check(ServiceModel, sample.services);
    check(ContactModel, sample.contacts);
  });

  it('uses phone numbers on the unused 555 exchange and e-mail addresses at example.org only', () => {
    const records = [...sample.organizations, ...sample.services, ...sample.contacts];
    for (const record of records) {
      for (const phone of record.phones) assert.match(phone.number, /^\+964 7\d\d 555 01\d\d$/);
      if (record.email) assert.match(record.email, /^[a-z0-9.-]+@example\.org$/);
    }
  });

  it('references only its own records', () => {
    const organizationIds = new Set(sample.organizations.map((o) => String(o._id)));
    const locations = new Map(sample.locations.map((l) => [String(l._id), l]));
    const serviceIds = new Set(sample.services.map((s) => String(s._id)));
    for (const o of sample.organizations) assert.equal(locations.get(String(o.headOfficeLocationId))?.organizationId, o._id);
    for (const s of sample.services) {
      assert.ok(organizationIds.has(String(s.organizationId)));
      for (const id of s.locationIds) assert.equal(locations.get(String(id))?.organizationId, s.organizationId);
    }
    for (const c of sample.contacts) {
      assert.ok(organizationIds.has(String(c.organizationId)));
      if (c.serviceId) assert.ok(serviceIds.has(String(c.serviceId)));
    }
  });
});
