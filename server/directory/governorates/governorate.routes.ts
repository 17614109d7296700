import { Router } from 'express';
import { z } from 'zod';
import { apiRoute } from '../../platform/http/api-route.js';
import { sameForEveryone } from '../../platform/http/http-cache.js';
import { notFound } from '../../platform/http/problem.js';
import { listServices } from '../catalog/queries.js';
import { GovernorateModel } from './governorate.model.js';
import { governorateCode } from './governorate-data.js';
import { GovernorateCollection, GovernorateList, GovernorateView, type GovernorateFeature } from '../../contract/directory/governorates/governorate.schemas.js';

/** Public services (active, not archived) per governorate of their service area. */
export async function activeServiceCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const service of await listServices({ anyOf: { status: ['active'] }, archived: 'exclude' })) {
    for (const code of service.governorates) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

async function listGovernorates(): Promise<GovernorateView[]> {
  const [governorates, counts] = await Promise.all([
    GovernorateModel.find({}, { boundary: 0 }).sort({ code: 1 }).lean(),
    activeServiceCounts(),
  ]);
  return governorates.map((g) => ({
    code: g.code,
    pcode: g.pcode ?? null,
    iso: g.code,
    name: g.name,
    capital: g.capital,
    lat: g.lat,
    lng: g.lng,
    kurdistanRegion: g.kurdistanRegion,
    serviceCount: counts.get(g.code) ?? 0,
  }));
}

export function governorateRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/governorates',
      summary: 'The 19 governorates with names, capitals and the number of active services',
      tags: ['governorates'],
      query: z.strictObject({}),
      response: GovernorateList,
    },
    async () => ({ items: await listGovernorates() }),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/governorates.geojson',
      summary: 'Governorate boundaries as GeoJSON (Natural Earth; Halabja as a point)',
      tags: ['governorates'],
      response: GovernorateCollection,
      produces: 'application/geo+json',
    },
    async ({ res }) => {
      const governorates = await GovernorateModel.find().sort({ code: 1 }).lean();
      sameForEveryone(res, 'public, max-age=3600');
    // Geometries are stored as JSON text; splice them in rather than parse and re-serialise.
    const features = governorates.map((g) => {
      const { boundary, ...rest } = g;
      const properties: GovernorateFeature['properties'] = { code: rest.code, pcode: rest.pcode ?? null, name: rest.name, capital: rest.capital, lat: rest.lat, lng: rest.lng };
      return `{"type":"Feature","id":${JSON.stringify(g.code)},"properties":${JSON.stringify(properties)},"geometry":${boundary}}`;
    });
    res.type('application/geo+json').send(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
    },
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/governorates/:code',
      summary: 'One governorate, by ISO 3166-2 code or OCHA P-code',
      tags: ['governorates'],
      params: z.object({ code: z.string().max(10) }),
      response: GovernorateView,
      errors: { 404: 'No such governorate.' },
    },
    async ({ params }) => {
      const code = governorateCode(params.code);
      const item = code && (await listGovernorates()).find((g) => g.code === code);
      if (!item) throw notFound('governorate');
      return item;
    },
  );

  return router;
}
