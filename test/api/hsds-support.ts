import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import request from 'supertest';
import { fromRepoRoot } from '../../server/platform/paths.js';
import { post, type Created, type Directory } from './directory-fixtures.js';

/**
 * Validators for HSDS 3.0 responses: the upstream compiled schemas (test/fixtures/hsds-3.0, copies
 * of openreferral/specification schema/compiled) and this installation's Iraq profile schemas
 * (served at /hsds/profile/schema/). Plus a few records beyond the shared directory fixture.
 */

const addFormats = addFormatsImport as unknown as (ajv: Ajv2020) => Ajv2020;
const FIXTURES = fromRepoRoot('test', 'fixtures', 'hsds-3.0');
const UPSTREAM = fromRepoRoot('server', 'standards', 'hsds', 'schema', 'hsds-3.0');
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Keywords of the HSDS schema files that are not JSON Schema (Frictionless metadata and docs). */
const HSDS_KEYWORDS = ['name', 'constraints', 'example', 'core', 'datapackage_type', 'datapackage_metadata', 'tabular_required', 'path'];

export function hsdsAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
  addFormats(ajv);
  ajv.addVocabulary(HSDS_KEYWORDS);
  return ajv;
}

export type HsdsObject = 'service' | 'organization' | 'service_at_location' | 'location' | 'taxonomy' | 'taxonomy_term';

export class UpstreamValidators {
  private readonly ajv = hsdsAjv();
  readonly page: ValidateFunction;
  constructor() {
    this.ajv.addSchema(json(path.join(FIXTURES, 'service_with_definitions.json')), 'service_with_definitions.json');
    const openapi = json(path.join(UPSTREAM, 'openapi.json')) as { components: { schemas: { Page: object } } };
    this.page = this.ajv.compile(openapi.components.schemas.Page);
  }
  /** A full object: the compiled service schema for services, its definitions for the others. */
  full(name: HsdsObject): ValidateFunction {
    const ref = name === 'service' ? 'service_with_definitions.json' : `service_with_definitions.json#/definitions/${name}`;
    return this.ajv.getSchema(ref)!;
  }
  /** A list item: the compiled *_list schemas where HSDS has them. */
  listItem(name: HsdsObject): ValidateFunction {
    if (name === 'service' || name === 'organization' || name === 'service_at_location') {
      const id = `${name}_list.json`;
      if (!this.ajv.getSchema(id)) this.ajv.addSchema(json(path.join(FIXTURES, id)), id);
      return this.ajv.getSchema(id)!;
    }
    return this.full(name);
  }
}

/** The profile's compiled schemas, as this app serves them. */
export async function profileValidators(app: Express): Promise<(name: HsdsObject) => ValidateFunction> {
  const ajv = hsdsAjv();
  const cache = new Map<string, ValidateFunction>();
  const schemas = new Map<string, object>();
  for (const name of ['service', 'organization', 'service_at_location', 'location', 'taxonomy', 'taxonomy_term']) {
    schemas.set(name, (await request(app).get(`/hsds/profile/schema/${name}.json`).expect(200)).body as object);
  }
  return (name) => {
    if (!cache.has(name)) cache.set(name, ajv.compile(schemas.get(name)!));
    return cache.get(name)!;
  };
}

export function assertValid(validate: ValidateFunction, value: unknown, what: string): void {
  if (!validate(value)) {
    throw new Error(`${what} does not validate: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
  }
}

/** Contacts, schedules, phones and an archived organisation on top of the shared directory fixture. */
export async function addHsdsExtras(dir: Directory) {
  const { admin, orgs, services } = dir;
  const patch = async (path: string, version: number, body: object) => {
    const res = await admin.agent.patch(`/api/v1${path}`).set('X-CSRF-Token', admin.csrf).set('If-Match', `"${version}"`).send(body);
    if (res.status !== 200) throw new Error(`PATCH ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Created;
  };
  await patch(`/services/${services.s2.id}`, services.s2.version, {
    url: 'https://legal-aid.example.org/clinic',
    email: 'clinic@legal-aid.example.org',
    // One number of every kind the directory knows, so the export and the round trip cover each mapping.
    phones: [
      { number: '+964 780 000 1111', type: 'whatsapp', description: 'Sunday to Thursday' },
      { number: '533', type: 'hotline' },
      { number: '+964 1 555 1234', type: 'voice' },
      { number: '+964 771 000 2222', type: 'mobile' },
      { number: '+964 1 555 1235', type: 'fax' },
      { number: '+964 772 000 3333', type: 'text' },
    ],
    schedules: [{ byDay: ['SU', 'MO', 'TU', 'WE', 'TH'], opensAt: '09:00', closesAt: '15:00', description: { en: 'Walk-in', ar: 'بدون موعد' } }],
    ageMin: 18,
    eligibility: { en: 'Adults', ar: 'البالغون' },
    status: 'temporarily-closed',
  });
  // Free beds at a public service and at a confidential one (whose figures stay out of the public feed).
  const s2 = await admin.agent.get(`/api/v1/services/${services.s2.id}`);
  await post(admin, `/services/${services.s2.id}/capacity`, { capacity: [{ unit: 'beds', available: 4, maximum: 10, description: { en: 'Beds for women', ar: 'أسرّة للنساء' } }] }, 200, s2.body.version);
  await post(admin, `/services/${services.s3.id}/capacity`, { capacity: [{ unit: 'beds', available: 2, maximum: 8 }] }, 200, services.s3.version);
  const focal = await post<Created>(admin, '/contacts', {
    organizationId: orgs.B.id,
    name: 'Zainab Ali',
    title: { en: 'Referral focal point', ar: 'نقطة اتصال الإحالة' },
    email: 'zainab@legal-aid.example.org',
    phones: [{ number: '+964 770 123 4567', type: 'mobile' }],
    languages: ['ar', 'en'],
    referralFocalPoint: true,
  });
  const desk = await post<Created>(admin, '/contacts', {
    organizationId: orgs.B.id,
    serviceId: services.s2.id,
    name: 'Clinic desk',
    department: 'Legal clinic',
    phones: [{ number: '+964 780 000 2222', type: 'voice' }],
  });
  const gone = await post<Created>(admin, '/organizations', { name: { en: 'Closed Down Org' }, type: 'local-ngo' });
  const goneService = await post<Created>(admin, '/services', { organizationId: gone.id, name: { en: 'Orphaned service' }, governorates: ['IQ-NA'] });
  const archive = await admin.agent
    .post(`/api/v1/organizations/${gone.id}/archive`)
    .set('X-CSRF-Token', admin.csrf)
    .set('If-Match', `"${gone.version}"`);
  if (archive.status >= 300) throw new Error(`archive: ${archive.status} ${JSON.stringify(archive.body)}`);
  return { contacts: { focal, desk }, archived: { org: gone, service: goneService } };
}
