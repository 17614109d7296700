import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import type { Types } from 'mongoose';
import { z } from 'zod';
import { findLiveOrganization, findLiveService } from '../../directory/catalog/queries.js';
import { TAXONOMY } from '../../directory/taxonomy/taxonomy.model.js';
import type { Config } from '../../platform/config.js';
import { methodNotAllowed } from '../../platform/http/method-not-allowed.js';
import { sendHeavyBody } from '../../platform/http/heavy-work.js';
import { HttpProblem, notFound } from '../../platform/http/problem.js';
import { parseInput } from '../../platform/http/validate.js';
import { LANGUAGES, type Language } from '../../platform/text/translated.js';
import { ExportCache } from './export-cache.js';
import { parseServiceAtLocationUuid, recordObjectId, taxonomyUuid, termUuid } from './ids.js';
import { arraySource, recordSource, sendList } from './listing.js';
import {
  fullOrganization,
  organizationMapper,
  publicLocationsOf,
  serviceAtLocationMapper,
  serviceMapper,
  taxonomyMapper,
  taxonomyTermMapper,
  type ServiceSource,
} from './mappers.js';
import {
  contextFor,
  matchesSearch,
  organizationRelations,
  publicLocations,
  publicOrganizations,
  publicServices,
  publicServiceLocationPairs,
  publicTerms,
  searchTerms,
  servicesByIds,
  type ServiceQuery,
} from './public-directory.js';
import { HSDS_OBJECTS, HSDS_VERSION, PROFILE_DIR, PROFILE_FILES, compiledProfileSchema, dataPackageDescriptor, profilePatch, profileSchema, selfContainedOpenapi } from './spec.js';

/**
 * The Open Referral HSDS 3.0 read API (public, read-only) under /hsds, with the Iraq profile:
 * `/` (version, profile, openapi_url), services, organizations, service_at_locations, taxonomies,
 * taxonomy_terms (lists with the HSDS Page wrapper or ndjson, and single items), the tabular export,
 * and the profile itself (README, merge patches, compiled schemas, datapackage.json).
 */

const lang = z.enum(LANGUAGES).optional();
/**
 * An id filter (`taxonomy_term_id`, `taxonomy_id`, `organization_id`, `parent_id`): the official
 * OpenAPI types them as plain strings, so any value is an answer. One that is not a UUID of ours
 * matches nothing (an empty page, 200); an empty or blank one is no filter.
 */
const idFilter = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((s) => (s ? s.toLowerCase() : undefined));
/** An empty (or blank) `search=` is no search: a client may send the parameter whatever it holds. */
const search = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((s) => s || undefined);
/**
 * `page` and `per_page` are integers in the official OpenAPI, with no bounds: any integer is an
 * answer, brought into our range (page 0 or below is page 1; per_page below 1 is 1, above 100 is
 * 100; the Page wrapper's `page_number`, `per_page` and `total_pages` say what was served). What is
 * not an integer stays a 400, as the official schema does not allow it either.
 */
const integerIn = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^[+-]?\d+$/, 'not an integer')
    .optional()
    .transform((s) => (s === undefined ? fallback : Math.min(max, Math.max(min, Number(s)))));
const MAX_PER_PAGE = 100;
const pageParams = {
  search,
  page: integerIn(1, 1_000_000, 1),
  per_page: integerIn(1, MAX_PER_PAGE, 20),
  /** `ndjson` (any case) streams everything; any other value, as no value, is the default `json`. */
  format: z
    .string()
    .optional()
    .transform((s): 'json' | 'ndjson' => (s?.trim().toLowerCase() === 'ndjson' ? 'ndjson' : 'json')),
  lang,
};
const isoInstant = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()]);
/**
 * `modified_after` is an ISO 8601 date or date-time (without an offset: UTC; `+03` and `+0300` are `+03:00`). The official OpenAPI
 * gives it the format `datetime`, which JSON Schema does not define, so any string is valid there:
 * a value that is not a date is no lower bound (every result: a client syncing by it misses nothing).
 */
const modifiedAfter = z
  .string()
  .optional()
  .transform((s) => {
    // ISO 8601's short offsets (+03, +0300) are spelt as RFC 3339's (+03:00).
    const text = s?.trim().replace(/(T[\d:.]+[+-]\d\d):?(\d\d)?$/i, (_m, head: string, mm?: string) => `${head}:${mm ?? '00'}`);
    if (!text || !isoInstant.safeParse(text).success) return undefined;
    const date = new Date(/(Z|[+-]\d\d:\d\d)$/i.test(text) || !text.includes('T') ? text : `${text}Z`);
    return Number.isNaN(date.getTime()) ? undefined : date;
  });
const serviceFilters = {
  taxonomy_term_id: idFilter,
  taxonomy_id: idFilter,
  organization_id: idFilter,
  modified_after: modifiedAfter,
};
const boolean = z.enum(['true', 'false']).transform((v) => v === 'true');
/**
 * Every parameter the official HSDS 3.0 OpenAPI defines for an endpoint is accepted. What each does
 * here (the profile's openapi.json documents it): `full` nests /services items fully; `minimal` is
 * ignored (items are always the list view, which has `id` and `last_modified`); /service_at_locations
 * items are always fully nested; `full` and `full_service` on /organizations are ignored (list view);
 * `full_service` nests the services of /organizations/{id} fully; `postcode` and `proximity` are
 * ignored (Iraq has no postal codes in common use).
 */
const official = {
  full: boolean.optional(),
  minimal: boolean.optional(),
  full_service: boolean.optional(),
  postcode: z.string().max(200).optional(),
  proximity: z.string().max(200).optional(),
};

const ServiceListQuery = z.strictObject({ ...pageParams, ...serviceFilters, full: official.full, minimal: official.minimal });
const ServiceAtLocationListQuery = z.strictObject({
  ...pageParams,
  ...serviceFilters,
  full: official.full,
  postcode: official.postcode,
  proximity: official.proximity,
});
const OrganizationListQuery = z.strictObject({ ...pageParams, full: official.full, full_service: official.full_service });
const PlainListQuery = z.strictObject(pageParams);
const TermListQuery = z.strictObject({ ...pageParams, taxonomy_id: idFilter, top_only: boolean.optional(), parent_id: idFilter });
const ItemQuery = z.strictObject({ lang });
const OrganizationQuery = z.strictObject({ lang, full_service: official.full_service });
const ExportQuery = z.strictObject({ lang });
const IdParams = z.strictObject({ id: z.string().max(100) });
const FileParams = z.strictObject({ file: z.string().regex(/^[a-z_]+\.json$/, 'not a schema file name') });

/** The language of the text fields: `lang`, else Accept-Language, else English. */
function languageOf(req: Request, res: Response, asked: Language | undefined): Language {
  const chosen = asked ?? ((req.acceptsLanguages(...LANGUAGES) || 'en') as Language);
  res.setHeader('Content-Language', chosen);
  res.vary('Accept-Language');
  return chosen;
}

const toServiceQuery = (q: z.infer<typeof ServiceListQuery> | z.infer<typeof ServiceAtLocationListQuery>): ServiceQuery => ({
  search: q.search,
  taxonomyTermId: q.taxonomy_term_id,
  taxonomyId: q.taxonomy_id,
  organizationId: q.organization_id,
  modifiedAfter: q.modified_after,
});

/**
 * A public service (404 for unknown, archived, or of an archived organisation), from the catalog as the
 * lists are: the embedded database would answer `{ _id, archivedAt: null }` by decoding every record.
 */
async function findPublicService(oid: Types.ObjectId | undefined, what = 'service'): Promise<ServiceSource> {
  const service = oid && (await findLiveService(oid));
  const org = service && (await findLiveOrganization(service.organizationId));
  if (!service || !org) throw notFound(what);
  return service;
}

export function hsdsRoutes(deps: { config: Pick<Config, 'publicUrl' | 'dataDir'> }): Router {
  const base = `${deps.config.publicUrl}/hsds`;
  const profileUri = `${base}/profile/`;
  const exports = new ExportCache(path.join(deps.config.dataDir, 'exports'), profileUri);
  const router = Router();
  const query = <S extends z.ZodType>(schema: S, req: Request) => parseInput(schema, req.query, 'query');

  router.get('/', (req, res) => {
    query(z.strictObject({}), req);
    res.json({ version: HSDS_VERSION, profile: profileUri, openapi_url: `${base}/openapi.json` });
  });

  const openapi = selfContainedOpenapi();
  router.get('/openapi.json', (_req, res) => {
    res.json({ ...openapi, servers: [{ url: base }] });
  });

  // The profile: README (the canonical description), merge patches, compiled schemas, datapackage.json.
  const readme = readFileSync(path.join(PROFILE_DIR, 'README.md'), 'utf8');
  router.get('/profile/', (_req, res) => {
    res.type('text/markdown; charset=utf-8').send(readme);
  });
  router.get('/profile/datapackage.json', (_req, res) => {
    res.json(dataPackageDescriptor(profileUri, new Date()));
  });
  router.get('/profile/schema/:file', (req, res) => {
    const { file } = parseInput(FileParams, req.params, 'params');
    const name = file.slice(0, -'.json'.length);
    const schema = name === 'openapi' ? profileSchema(name) : HSDS_OBJECTS.includes(name) ? compiledProfileSchema(name) : undefined;
    if (!schema) throw notFound('schema');
    res.json(schema);
  });
  router.get('/profile/:file', (req, res) => {
    const { file } = parseInput(FileParams, req.params, 'params');
    const name = file.slice(0, -'.json'.length);
    if (!PROFILE_FILES.includes(name)) throw notFound('profile file');
    res.json(profilePatch(name));
  });

  router.get('/services', async (req, res) => {
    const q = query(ServiceListQuery, req);
    const language = languageOf(req, res, q.lang);
    const source = recordSource(await publicServices(toServiceQuery(q)));
    await sendList(res, q, source, async (items) => {
      if (!q.full) return items.map((s) => serviceMapper.toHsds(s, { lang: language }));
      const ctx = await contextFor(language, items, { contacts: true });
      return items.map((s) => serviceMapper.toHsdsFull(s, ctx));
    });
  });

  router.get('/services/:id', async (req, res) => {
    const q = query(ItemQuery, req);
    const { id } = parseInput(IdParams, req.params, 'params');
    const service = await findPublicService(recordObjectId(id));
    const ctx = await contextFor(languageOf(req, res, q.lang), [service], { contacts: true });
    res.json(serviceMapper.toHsdsFull(service, ctx));
  });

  router.get('/organizations', async (req, res) => {
    const q = query(OrganizationListQuery, req);
    const language = languageOf(req, res, q.lang);
    const source = recordSource(await publicOrganizations(q.search));
    await sendList(res, q, source, async (orgs) => {
      const locations = await publicLocations(orgs.flatMap((o) => (o.headOfficeLocationId ? [o.headOfficeLocationId] : [])));
      return orgs.map((o) => organizationMapper.toHsds(o, { lang: language, locations }));
    });
  });

  router.get('/organizations/:id', async (req, res) => {
    const q = query(OrganizationQuery, req);
    const { id } = parseInput(IdParams, req.params, 'params');
    const oid = recordObjectId(id);
    const org = oid && (await findLiveOrganization(oid));
    if (!org) throw notFound('organization');
    const related = await organizationRelations(org);
    const ctx = await contextFor(languageOf(req, res, q.lang), related.services, { contacts: Boolean(q.full_service), organizations: [org] });
    res.json(fullOrganization(org, related, ctx, { fullServices: Boolean(q.full_service) }));
  });

  router.get('/service_at_locations', async (req, res) => {
    const q = query(ServiceAtLocationListQuery, req);
    const language = languageOf(req, res, q.lang);
    const pairs = await publicServiceLocationPairs(toServiceQuery(q));
    await sendList(res, q, arraySource(pairs, async (slice) => {
      const services = await servicesByIds(slice.map((p) => p.serviceId));
      const ctx = await contextFor(language, services);
      const byId = new Map(services.map((s) => [s._id.toHexString(), s]));
      return slice.flatMap(({ serviceId, locationId }) => {
        const service = byId.get(serviceId.toHexString());
        const location = ctx.locations.get(locationId.toHexString());
        return service && location ? [serviceAtLocationMapper.toHsds(service, location, ctx, true)] : [];
      });
    }), (items) => items);
  });

  router.get('/service_at_locations/:id', async (req, res) => {
    const q = query(ItemQuery, req);
    const { id } = parseInput(IdParams, req.params, 'params');
    const ref = parseServiceAtLocationUuid(id);
    const service = await findPublicService(ref?.serviceId, 'service at location');
    const ctx = await contextFor(languageOf(req, res, q.lang), [service]);
    const location = publicLocationsOf(service, ctx).find((l) => ref!.matches(l._id));
    if (!location) throw notFound('service at location');
    res.json(serviceAtLocationMapper.toHsds(service, location, ctx, true));
  });

  router.get('/taxonomies', (req, res) => {
    // The taxonomy's own record is in English only; `lang` is accepted like everywhere else.
    const q = query(PlainListQuery, req);
    const taxonomies = [taxonomyMapper.toHsds()].filter((t) => matchesSearch([t.name, t.description], q.search));
    return sendList(res, q, arraySource(taxonomies, (slice) => slice), (items) => items);
  });

  router.get('/taxonomies/:id', (req, res) => {
    query(ItemQuery, req);
    const { id } = parseInput(IdParams, req.params, 'params');
    if (id.toLowerCase() !== taxonomyUuid(TAXONOMY.id)) throw notFound('taxonomy');
    res.json(taxonomyMapper.toHsds());
  });

  router.get('/taxonomy_terms', async (req, res) => {
    const q = query(TermListQuery, req);
    const language = languageOf(req, res, q.lang);
    const terms = [...(await publicTerms()).values()].filter(
      (t) =>
        (q.taxonomy_id === undefined || q.taxonomy_id === taxonomyUuid(TAXONOMY.id)) &&
        (!q.top_only || !t.parent) &&
        (q.parent_id === undefined || (t.parent != null && termUuid(t.parent) === q.parent_id)),
    );
    await sendList(res, q, arraySource(searchTerms(terms, q.search), (slice) => slice), (items) =>
      items.map((t) => taxonomyTermMapper.toHsds(t, language)),
    );
  });

  router.get('/taxonomy_terms/:id', async (req, res) => {
    const q = query(ItemQuery, req);
    const { id } = parseInput(IdParams, req.params, 'params');
    const term = [...(await publicTerms()).values()].find((t) => termUuid(t.code) === id.toLowerCase());
    if (!term) throw notFound('taxonomy term');
    res.json(taxonomyTermMapper.toHsds(term, languageOf(req, res, q.lang)));
  });

  router.get('/export.zip', async (req, res) => {
    const q = query(ExportQuery, req);
    const file = await exports.file(languageOf(req, res, q.lang));
    // The same for everyone: caches may keep it, and revalidate it by its version.
    res.setHeader('ETag', file.etag);
    res.setHeader('Last-Modified', file.builtAt.toUTCString());
    res.setHeader('Cache-Control', 'public, no-cache');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res
      .type('application/zip')
      .setHeader('Content-Disposition', `attachment; filename="hsds-export-${file.builtAt.toISOString().slice(0, 10)}.zip"`)
      .setHeader('Content-Length', String(file.size));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // Its export turn lasts until the file is sent; light requests go between its chunks.
    await sendHeavyBody(res, createReadStream(file.path));
  });

  router.use(methodNotAllowed(router));
  router.use((req) => {
    throw new HttpProblem(404, { key: 'noSuchRoute', params: { method: req.method, path: `${req.baseUrl}${req.path}` } });
  });
  return router;
}
