import { z } from 'zod';
import { multiValue, queryBoolean } from '../../contract/query-params.js';
import { queryTerms } from '../../platform/text/normalize.js';
import { LanguageSchema } from '../../platform/text/translated.js';
import type { ArchivedChoice } from '../../contract/directory/records/archived.js';
import { ObjectIdSchema } from '../records/record.js';
import { GovernorateInput } from '../governorates/governorate-input.js';
import type { Taxonomy } from '../taxonomy/taxonomy.data.js';
import { TermCode } from '../../contract/directory/taxonomy/taxonomy.schemas.js';
import { ORGANIZATION_TYPES, POPULATIONS, SERVICE_LANGUAGES, SERVICE_STATUSES } from '../../contract/directory/vocabulary.js';
import { DISTRICT_CODES } from './districts.js';
import type { PlanField, ServicePlan } from './service-plan.js';
import type { Understood } from '../../contract/directory/search/understood.schemas.js';
import { lexiconOf, readQuery } from './understand-query.js';

const NearInput = z
  .string()
  .regex(/^\s*-?\d{1,2}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?\s*$/, 'nearFormat')
  .transform((v) => {
    const [lat, lng] = v.split(',').map(Number) as [number, number];
    return { lat, lng };
  })
  .refine((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180, 'nearFormat');

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
/** `radiusKm` (and the other rules given) only with an origin: one refusal for every search endpoint. */
export const needsNearFor =
  (...fields: Array<'radiusKm' | 'sort'>) =>
  (q: { near?: unknown; radiusKm?: number; sort?: string }, ctx: z.RefinementCtx): void => {
    if (q.near) return;
    if (fields.includes('radiusKm') && q.radiusKm !== undefined) ctx.addIssue({ code: 'custom', message: 'needsNear', path: ['radiusKm'] });
    if (fields.includes('sort') && q.sort === 'distance') ctx.addIssue({ code: 'custom', message: 'needsNear', path: ['sort'] });
  };

export const ServiceFilterParams = {
  ...DirectoryFilterParams,
  /** Default: active only. */
  status: multiValue(z.enum(SERVICE_STATUSES)).optional(),
  near: NearInput.optional(),
  /** Services with a public location in one of these districts (districts.ts). */
  district: multiValue(z.enum(DISTRICT_CODES)).optional(),
  /** With `near`: only services within this many km. */
  radiusKm: z.coerce.number().positive().max(2000).optional(),
  /**
   * `true`: services with a unit free now (a figure fresher than the stale age). Confidential ones
   * only where the answer goes to a signed-in referrer alone (the list, not the shared map).
   */
  hasCapacity: queryBoolean.optional(),
};

export const ServiceFilterQuery = z.strictObject(ServiceFilterParams);
export type ServiceFilters = z.infer<typeof ServiceFilterQuery>;

export const DAY_MS = 86_400_000;

/** Where an understood word lands in the plan. */
const PLAN_FIELD_OF: Record<Exclude<Understood['field'], 'district'>, PlanField> = { governorate: 'governorates', category: 'categories', population: 'populations' };
const chosen = (f: ServiceFilters, field: Understood['field']) => Boolean(f[field]?.length);

/**
 * `q` read as people type it (understand-query.ts): words naming a governorate, category or population
 * become that filter, unless the same filter was chosen explicitly (then they stay text); the rest is text.
 */
function readServiceQuery(f: ServiceFilters, taxonomy: Taxonomy): { understood: Understood[]; words: string[] } {
  if (!f.q) return { understood: [], words: [] };
  const reading = readQuery(f.q, lexiconOf(taxonomy), { correct: !f.asTyped });
  const understood = reading.understood.filter((u) => !chosen(f, u.field));
  const asText = reading.understood.filter((u) => chosen(f, u.field)).map((u) => u.words);
  return { understood, words: queryTerms([reading.text, ...asText].join(' ')) };
}

/**
 * Filters combine with AND; the values of one filter with OR. Archived services appear only when asked for.
 * Returns what was understood from `q` with the plan, so that a request reads its query once.
 */
export function servicePlan(
  f: ServiceFilters & { archived?: ArchivedChoice },
  taxonomy: Taxonomy,
  now = new Date(),
): { plan: ServicePlan; understood: Understood[] } {
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
  const districts = [...new Set([...(f.district ?? []), ...understood.filter((u) => u.field === 'district').map((u) => u.code)])];
  for (const u of understood) if (u.field !== 'district') add(PLAN_FIELD_OF[u.field], u.field === 'category' ? taxonomy.withChildren([u.code]) : [u.code]);
  const plan: ServicePlan = {
    anyOf,
    ...(f.acceptsReferrals !== undefined ? { acceptsReferrals: f.acceptsReferrals } : {}),
    ...(f.verifiedWithinDays ? { verifiedSince: new Date(now.getTime() - f.verifiedWithinDays * DAY_MS) } : {}),
    archived: f.archived ?? 'exclude',
    words: words.map((text) => ({ text, alternatives: [] })),
    ...(f.asTyped ? {} : { correctTypos: true }),
    ...(districts.length ? { districts } : {}),
    ...(f.near ? { near: { center: f.near, radiusKm: f.radiusKm } } : {}),
  };
  return { plan, understood };
}
