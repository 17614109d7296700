import { createReadStream, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import type { Types } from 'mongoose';
import { z } from 'zod';
import { OrganizationModel } from '../../directory/organizations/organization.model.js';
import { ServiceModel } from '../../directory/services/service.model.js';
import { TAXONOMY } from '../../directory/taxonomy/taxonomy.model.js';
import type { Config } from '../../platform/config.js';
import { HttpProblem, notFound } from '../../platform/http/problem.js';
import { parseInput } from '../../platform/http/validate.js';
import { LANGUAGES, type Language } from '../../platform/text/translated.js';
import { ExportCache } from './export-cache.js';
import { parseServiceAtLocationUuid, recordObjectId, taxonomyUuid, termUuid } from './ids.js';
import { arraySource, querySource, sendList } from './listing.js';
import {
  fullOrganization,
  organizationMapper,
  publicLocationsOf,
  serviceAtLocationMapper,
  serviceMapper,
  taxonomyMapper,
  taxonomyTermMapper,
  type OrganizationSource,
  type ServiceSource,
} from './mappers.js';
import {
  ORGANIZATION_SORT,
  SERVICE_SORT,
  contextFor,
  matchesSearch,
  organizationRelations,
  publicLocations,
  publicOrganizationFilter,
  publicServiceFilter,
  publicServiceLocationPairs,
  publicTerms,
  searchTerms,
  servicesByIds,
  type ServiceQuery,
} from './public-directory.js';
import { HSDS_OBJECTS, HSDS_VERSION, PROFILE_DIR, PROFILE_FILES, compiledProfileSchema, dataPackageDescriptor, profilePatch, profileSchema } from './spec.js';

/**
 * The Open Referral HSDS 3.0 read API (public, read-only) under /hsds, with the Iraq profile:
 * `/` (version, profile, openapi_url), services, organizations, service_at_locations, taxonomies,
 * taxonomy_terms (lists with the HSDS Page wrapper or ndjson, and single items), the tabular export,
 * and the profile itself (README, merge patches, compiled schemas, datapackage.json).
 */

const lang = z.enum(LANGUAGES).optional();
const uuid = z.guid('not a UUID').transform((s) => s.toLowerCase());
const search = z.string().trim().min(1).max(200).optional();
const pageParams = {
  search,
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
  format: z.enum(['json', 'ndjson']).default('json'),
  lang,
};
const serviceFilters = {
  taxonomy_term_id: uuid.optional(),
  taxonomy_id: uuid.optional(),
  organization_id: uuid.optional(),
  modified_after: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .transform((s) => new Date(s))
    .optional(),
};
const boolean = z.enum(['true', 'false']).transform((v) => v === 'true');

const ServiceListQuery = z.strictObject({ ...pageParams, ...serviceFilters });
const PlainListQuery = z.strictObject(pageParams);
const TermListQuery = z.strictObject({ ...pageParams, taxonomy_id: uuid.optional(), top_only: boolean.optional(), parent_id: uuid.optional() });
const ItemQuery = z.strictObject({ lang });
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

const toServiceQuery = (q: z.infer<typeof ServiceListQuery>): ServiceQuery => ({
  search: q.search,
  taxonomyTermId: q.taxonomy_term_id,
  taxonomyId: q.taxonomy_id,
  organizationId: q.organization_id,
  modifiedAfter: q.modified_after,
});

/** A public service (404 for unknown, archived, or of an archived organisation). */
async function findPublicService(oid: Types.ObjectId | undefined, what = 'service'): Promise<ServiceSource> {
  const service = oid && (await ServiceModel.findOne({ _id: oid, archivedAt: null }).lean<ServiceSource>());
  const org = service && (await OrganizationModel.exists({ _id: service.organizationId, archivedAt: null }));
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

  router.get('/openapi.json', (_req, res) => {
    res.json({ ...profileSchema('openapi'), servers: [{ url: base }] });
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
    const source = querySource(ServiceModel, await publicServiceFilter(toServiceQuery(q)), SERVICE_SORT);
    await sendList(res, q, source, (items) => items.map((s) => serviceMapper.toHsds(s, { lang: language })));
  });

  router.get('/services/:id', async (req, res) => {
    const q = query(ItemQuery, req);
    const { id } = parseInput(IdParams, req.params, 'params');
    const service = await findPublicService(recordObjectId(id));
    const ctx = await contextFor(languageOf(req, res, q.lang), [service], { contacts: true });
    res.json(serviceMapper.toHsdsFull(service, ctx));
  });

  router.get('/organizations', async (req, res) => {
    const q = query(PlainListQuery, req);
    const language = languageOf(req, res, q.lang);
    const source = querySource(OrganizationModel, await publicOrganizationFilter(q.search), ORGANIZATION_SORT);
    await sendList(res, q, source, async (orgs) => {
      const locations = await publicLocations(orgs.flatMap((o) => (o.headOfficeLocationId ? [o.headOfficeLocationId] : [])));
      return orgs.map((o) => organizationMapper.toHsds(o, { lang: language, locations }));
    });
  });

  router.get('/organizations/:id', async (req, res) => {
    const q = query(ItemQuery, req);
    const { id } = parseInput(IdParams, req.params, 'params');
    const oid = recordObjectId(id);
    const org = oid && (await OrganizationModel.findOne({ _id: oid, archivedAt: null }).lean<OrganizationSource>());
    if (!org) throw notFound('organization');
    const related = await organizationRelations(org);
    const ctx = await contextFor(languageOf(req, res, q.lang), related.services, { contacts: false, organizations: [org] });
    res.json(fullOrganization(org, related, ctx));
  });

  router.get('/service_at_locations', async (req, res) => {
    const q = query(ServiceListQuery, req);
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
    // A client that goes away mid-file ends only its own stream.
    await pipeline(createReadStream(file.path), res).catch((err: unknown) => {
      if (!res.headersSent) throw err;
      res.destroy();
    });
  });

  router.use((req) => {
    throw new HttpProblem(404, `There is no ${req.method} ${req.baseUrl}${req.path} in the HSDS API.`);
  });
  return router;
}
