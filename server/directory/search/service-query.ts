import { z } from 'zod';
import { multiValue, queryBoolean } from '../../platform/http/validate.js';
import { queryTerms } from '../../platform/text/normalize.js';
import { LanguageSchema } from '../../platform/text/translated.js';
import type { ArchivedChoice } from '../records/archived.js';
import { ObjectIdSchema } from '../records/record.js';
import { GovernorateInput } from '../services/service.schemas.js';
import type { Taxonomy } from '../taxonomy/taxonomy.data.js';
import { TermCode } from '../taxonomy/taxonomy.schemas.js';
import { ORGANIZATION_TYPES, POPULATIONS, SERVICE_LANGUAGES, SERVICE_STATUSES } from '../vocabulary.js';
import type { PlanField, ServicePlan } from './service-plan.js';
import { lexiconOf, readQuery, type Understood } from './understand-query.js';

const NearInput = z
  .string()
  .regex(/^\s*-?\d{1,2}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?\s*$/, 'lat,lng in decimal degrees, e.g. 33.31,44.36')
  .transform((v) => {
    const [lat, lng] = v.split(',').map(Number) as [number, number];
    return { lat, lng };
  })
  .refine((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180, 'outside the globe');

/** Search and filters that services and organisations share (for organisations, `category` and `population` look at their live services). */
export const DirectoryFilterParams = {
  /** Free text: every word must match the start of a word in a name, description, organisation or category. */
  q: z.string().max(200).optional(),
  /** Read `q` as typed: no spelling correction (the "search instead for …" of a corrected query). */
  asTyped: queryBoolean.optional(),
  governorate: multiValue(GovernorateInput).optional(),
  /** A group code includes its categories. */
  category: multiValue(TermCode).optional(),
  population: multiValue(z.enum(POPULATIONS)).optional(),
  language: multiValue(z.enum(SERVICE_LANGUAGES)).optional(),
  organizationType: multiValue(z.enum(ORGANIZATION_TYPES)).optional(),
  organization: multiValue(ObjectIdSchema).optional(),
  acceptsReferrals: queryBoolean.optional(),
  verifiedWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
  /** Language of names on the map; other endpoints return every language. */
  lang: LanguageSchema.optional(),
};

/** The search and filter parameters of the service list, its facets and the map. */
export const ServiceFilterParams = {
  ...DirectoryFilterParams,
  /** Default: active only. */
  status: multiValue(z.enum(SERVICE_STATUSES)).optional(),
  near: NearInput.optional(),
  /** With `near`: only services within this many km. */
  radiusKm: z.coerce.number().positive().max(2000).optional(),
};

export const ServiceFilterQuery = z.strictObject(ServiceFilterParams);
export type ServiceFilters = z.infer<typeof ServiceFilterQuery>;

export const DAY_MS = 86_400_000;

/** Where an understood word lands in the plan. */
const PLAN_FIELD_OF: Record<Understood['field'], PlanField> = { governorate: 'governorates', category: 'categories', population: 'populations' };
const chosen = (f: ServiceFilters, field: Understood['field']) => Boolean(f[field]?.length);

/**
 * `q` read as people type it (understand-query.ts): words naming a governorate, category or population
 * become that filter, unless the same filter was chosen explicitly (then they stay text); the rest is text.
 */
export function readServiceQuery(f: ServiceFilters, taxonomy: Taxonomy): { understood: Understood[]; words: string[] } {
  if (!f.q) return { understood: [], words: [] };
  const reading = readQuery(f.q, lexiconOf(taxonomy), { correct: !f.asTyped });
  const understood = reading.understood.filter((u) => !chosen(f, u.field));
  const asText = reading.understood.filter((u) => chosen(f, u.field)).map((u) => u.words);
  return { understood, words: queryTerms([reading.text, ...asText].join(' ')) };
}

/** Filters combine with AND; the values of one filter with OR. Archived services appear only when asked for. */
export function servicePlan(f: ServiceFilters & { archived?: ArchivedChoice }, taxonomy: Taxonomy, now = new Date()): ServicePlan {
  const anyOf: ServicePlan['anyOf'] = { status: f.status?.length ? f.status : ['active'] };
  const add = (field: PlanField, values: readonly string[] | undefined) => {
    if (values?.length) anyOf[field] = [...new Set([...(anyOf[field] ?? []), ...values])];
  };
  add('governorates', f.governorate);
  add('categories', f.category && taxonomy.withChildren(f.category));
  add('populations', f.population);
  add('languages', f.language);
  add('organizationType', f.organizationType);
  add('organizationId', f.organization?.map((id) => id.toLowerCase()));
  const { understood, words } = readServiceQuery(f, taxonomy);
  for (const u of understood) add(PLAN_FIELD_OF[u.field], u.field === 'category' ? taxonomy.withChildren([u.code]) : [u.code]);
  return {
    anyOf,
    ...(f.acceptsReferrals !== undefined ? { acceptsReferrals: f.acceptsReferrals } : {}),
    ...(f.verifiedWithinDays ? { verifiedSince: new Date(now.getTime() - f.verifiedWithinDays * DAY_MS) } : {}),
    archived: f.archived ?? 'exclude',
    words: words.map((text) => ({ text, alternatives: [] })),
    ...(f.near ? { near: { center: f.near, radiusKm: f.radiusKm } } : {}),
  };
}
