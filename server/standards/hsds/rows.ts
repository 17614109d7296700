import { z } from 'zod';
import { plainText } from '../../contract/text/plain-text.js';
import { GovernorateInput } from '../../directory/governorates/governorate-input.js';
import { governorateCode } from '../../directory/governorates/governorate-data.js';
import { PhoneSchema } from '../../directory/phone.js';
import { VERIFICATION_STATES } from '../../directory/organizations/organization.model.js';
import { nameUuid } from './ids.js';
import {
  CAPACITY_UNITS,
  type CapacityUnit,
  GENDER_RESTRICTIONS,
  REQUIRED_IDENTIFICATIONS,
  RESPONSE_COMMITMENTS,
  ORGANIZATION_TYPES,
  POPULATIONS,
  SERVICE_LANGUAGES,
  WEEKDAYS,
} from '../../contract/directory/vocabulary.js';
import { LANGUAGES } from '../../platform/text/translated.js';
import type { TableName } from './spec.js';

/**
 * What this directory reads from (and writes to) each HSDS table under the Iraq profile, as zod
 * schemas over decoded cell values (numbers, booleans, JSON arrays/objects already parsed; empty
 * cells absent). The forward mappers produce exactly these shapes; the import validates every row
 * with them. Columns of the HSDS table that are not listed here are not stored by the directory.
 */

const id = z.guid('not a UUID').transform((s) => s.toLowerCase());
const text = plainText(5000);
const shortText = plainText(300);
const email = z.email().max(254);
const url = z.url({ protocol: /^https?$/ }).max(2000);
const isoDate = z.iso.date();
const governorate = z.string().trim().pipe(GovernorateInput);
const unique = <T extends z.ZodType>(item: T) =>
  z.array(item).max(100).refine((a) => new Set(a).size === a.length, 'duplicate values');

/** A translation: any subset of en / ar / ckb. */
const translation = z.strictObject({ en: text.optional(), ar: text.optional(), ckb: text.optional() });
const translations = <K extends string>(fields: readonly [K, ...K[]]) => z.partialRecord(z.enum(fields), translation);

/** HSDS service status ↔ the directory's (HSDS writes "temporarily closed" with a space). */
export const HSDS_SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

export const TaxonomyRow = z.object({
  id,
  name: text,
  description: z.string(),
  uri: url.optional(),
  version: shortText.optional(),
});

export const TaxonomyTermRow = z.object({
  id,
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
  name: text,
  description: z.string(),
  parent_id: id.optional(),
  taxonomy: shortText.optional(),
  language: z.enum(LANGUAGES).optional(),
  taxonomy_id: id.optional(),
  translations: translations(['name', 'description']).optional(),
});

export const OrganizationRow = z.object({
  id,
  name: text,
  alternate_name: shortText.optional(),
  description: z.string(),
  email: email.optional(),
  website: url.optional(),
  year_incorporated: z.number().int().min(1800).max(2100).optional(),
  legal_status: shortText.optional(),
  organization_type: z.enum(ORGANIZATION_TYPES),
  accepts_referrals: z.boolean().default(false),
  governorates: unique(governorate).default([]),
  language_codes: unique(z.enum(SERVICE_LANGUAGES)).default([]),
  head_office_location_id: id.optional(),
  verification_status: z.enum(VERIFICATION_STATES).optional(),
  assured_date: isoDate.optional(),
  translations: translations(['name', 'description']).optional(),
});

export const LocationRow = z.object({
  id,
  location_type: z.literal('physical', 'only physical locations are stored'),
  organization_id: id,
  name: text,
  description: text.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  confidential: z.boolean().default(false),
  translations: translations(['name', 'description']).optional(),
});

export const AddressRow = z.object({
  id,
  location_id: id,
  address_1: z.string().trim().max(5000).default(''),
  city: z.string().trim().max(5000).default(''),
  region: shortText.optional(),
  state_province: governorate,
  postal_code: z.string().optional(),
  country: z.literal('IQ', 'the country must be IQ'),
  address_type: z.literal('physical', 'only physical addresses are stored'),
  pcode: z.string().optional(),
  translations: translations(['address_1', 'city']).optional(),
});

export const ServiceRow = z
  .object({
    id,
    organization_id: id,
    name: text,
    description: z.string().optional(),
    url: url.optional(),
    email: email.optional(),
    status: z.enum(HSDS_SERVICE_STATUSES),
    eligibility_description: text.optional(),
    application_process: text.optional(),
    fees_description: text.optional(),
    minimum_age: z.number().int().min(0).max(120).optional(),
    maximum_age: z.number().int().min(0).max(120).optional(),
    assured_date: isoDate.optional(),
    last_modified: z.iso.datetime().optional(),
    confidential: z.boolean().default(false),
    populations: unique(z.enum(POPULATIONS)).default([]),
    gender_restriction: z.enum(GENDER_RESTRICTIONS).default('any'),
    required_identification_status: z.enum(REQUIRED_IDENTIFICATIONS).default('none'),
    response_commitment: z.enum(RESPONSE_COMMITMENTS).optional(),
    free: z.boolean().default(true),
    translations: translations(['name', 'description', 'eligibility_description', 'application_process', 'fees_description']).optional(),
  })
  .refine((s) => s.minimum_age === undefined || s.maximum_age === undefined || s.minimum_age <= s.maximum_age, {
    message: 'minimum_age is above maximum_age',
    path: ['minimum_age'],
  });

export const ServiceAtLocationRow = z.object({ id, service_id: id, location_id: id, description: text.optional() });

/** A service area's governorate: its ISO code, else its P-code, else its name (Halabja has neither code). */
export function serviceAreaGovernorate(row: { iso_3166_2?: string; pcode?: string; name?: string; translations?: { name?: { en?: string } } }): string | undefined {
  return row.iso_3166_2 ?? governorateCode(row.pcode ?? '') ?? governorateCode(row.translations?.name?.en ?? '') ?? governorateCode(row.name ?? '');
}

export const ServiceAreaRow = z
  .object({
    id,
    service_id: id,
    name: text.optional(),
    iso_3166_2: governorate.optional(),
    pcode: z.string().optional(),
    translations: translations(['name']).optional(),
  })
  .superRefine((row, ctx) => {
    if (!serviceAreaGovernorate(row)) ctx.addIssue({ code: 'custom', path: ['iso_3166_2'], message: 'no governorate: give its ISO 3166-2 code, P-code or name' });
  });

export const LanguageRow = z.object({
  id,
  service_id: id,
  name: text.optional(),
  code: z.enum(SERVICE_LANGUAGES),
});

/** 09:00 or 09:00:00 (what the export writes); the directory keeps hours and minutes. */
const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'a time like 09:00')
  .transform((time) => time.slice(0, 5));
export const ScheduleRow = z.object({
  id,
  service_id: id,
  freq: z.literal('WEEKLY', 'only weekly schedules are stored').optional(),
  byday: z
    .string()
    .transform((s) => s.split(',').map((d) => d.trim().toUpperCase()).filter(Boolean))
    .pipe(unique(z.enum(WEEKDAYS)))
    .optional(),
  opens_at: clock.optional(),
  closes_at: clock.optional(),
  description: text.optional(),
  translations: translations(['description']).optional(),
});

/** The profile's units, by their well-known ids (nameUuid('unit', code)): no units.csv to carry. */
export const UNIT_IDS: ReadonlyMap<string, CapacityUnit> = new Map(CAPACITY_UNITS.map((code) => [nameUuid('unit', code), code]));

export const ServiceCapacityRow = z.object({
  id,
  service_id: id,
  unit_id: id.refine((u) => UNIT_IDS.has(u), 'not one of the profile’s units (beds, places, sessions)'),
  available: z.number().int().min(0).max(100_000),
  maximum: z.number().int().min(0).max(100_000).optional(),
  description: text.optional(),
  updated: z.iso.datetime({ offset: true }),
  translations: translations(['description']).optional(),
});

export const AttributeRow = z.object({
  id,
  link_id: id,
  taxonomy_term_id: id,
  link_type: shortText.optional(),
  link_entity: z.literal('service', 'only attributes of services are stored'),
  value: shortText.optional(),
});

export const ContactRow = z.object({
  id,
  organization_id: id.optional(),
  service_id: id.optional(),
  name: shortText,
  title: text.optional(),
  department: shortText.optional(),
  email: email.optional(),
  referral_focal_point: z.boolean().default(false),
  language_codes: unique(z.enum(SERVICE_LANGUAGES)).default([]),
  translations: translations(['title']).optional(),
});

/** HSDS 3.0 phone types: the RFC 6350 `TEL` types. */
export const HSDS_PHONE_TYPES = ['text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone'] as const;
/** Messaging apps a number is reachable on (the profile's `messaging_apps`). */
export const MESSAGING_APPS = ['whatsapp'] as const;

export const PhoneRow = z.object({
  id,
  organization_id: id.optional(),
  service_id: id.optional(),
  contact_id: id.optional(),
  // The API's own rule: an imported number is an Iraqi one, stored in E.164 like one typed in a form.
  number: PhoneSchema.shape.number,
  type: z.enum(HSDS_PHONE_TYPES).default('voice'),
  description: z.string().trim().min(1).max(200).optional(),
  messaging_apps: unique(z.enum(MESSAGING_APPS)).optional(),
  hotline: z.boolean().default(false),
});

export const ROW_SCHEMAS = {
  taxonomy: TaxonomyRow,
  taxonomy_term: TaxonomyTermRow,
  organization: OrganizationRow,
  location: LocationRow,
  address: AddressRow,
  service: ServiceRow,
  service_at_location: ServiceAtLocationRow,
  service_area: ServiceAreaRow,
  language: LanguageRow,
  schedule: ScheduleRow,
  service_capacity: ServiceCapacityRow,
  attribute: AttributeRow,
  contact: ContactRow,
  phone: PhoneRow,
} as const satisfies Record<TableName, z.ZodType>;

export type Rows = { [T in TableName]: z.output<(typeof ROW_SCHEMAS)[T]> };
/** What the forward mappers produce for a table (before defaults: optional values may be absent). */
export type RowInput<T extends TableName> = z.input<(typeof ROW_SCHEMAS)[T]>;

/** Columns of a table that the directory stores (the keys of its row schema). */
export function storedColumns(name: TableName): Set<string> {
  return new Set(Object.keys(ROW_SCHEMAS[name].shape));
}
