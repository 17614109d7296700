import { z } from 'zod';
import { plainText } from '../../platform/text/plain-text.js';
import { governorateCode } from '../../directory/governorates/governorate-data.js';
import { PHONE_TYPES } from '../../directory/phone.js';
import { VERIFICATION_STATES } from '../../directory/organizations/organization.model.js';
import {
  GENDER_RESTRICTIONS,
  ORGANIZATION_TYPES,
  POPULATIONS,
  SERVICE_LANGUAGES,
  WEEKDAYS,
} from '../../directory/vocabulary.js';
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
const governorate = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const code = governorateCode(value);
    if (!code) ctx.addIssue({ code: 'custom', message: `"${value}" is not a governorate of Iraq (ISO 3166-2 or P-code)` });
    return code ?? value;
  });
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
    free: z.boolean().default(true),
    translations: translations(['name', 'description', 'eligibility_description', 'application_process', 'fees_description']).optional(),
  })
  .refine((s) => s.minimum_age === undefined || s.maximum_age === undefined || s.minimum_age <= s.maximum_age, {
    message: 'minimum_age is above maximum_age',
    path: ['minimum_age'],
  });

export const ServiceAtLocationRow = z.object({ id, service_id: id, location_id: id, description: text.optional() });

export const ServiceAreaRow = z.object({
  id,
  service_id: id,
  name: text.optional(),
  iso_3166_2: governorate,
  pcode: z.string().optional(),
  translations: translations(['name']).optional(),
});

export const LanguageRow = z.object({
  id,
  service_id: id,
  name: text.optional(),
  code: z.enum(SERVICE_LANGUAGES),
});

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'a time like 09:00');
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

export const PhoneRow = z.object({
  id,
  organization_id: id.optional(),
  service_id: id.optional(),
  contact_id: id.optional(),
  number: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{3,24}$/, 'digits, spaces, brackets and dashes only, optionally starting with +'),
  type: z.enum(PHONE_TYPES).default('voice'),
  description: z.string().trim().min(1).max(200).optional(),
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
