import { Router } from 'express';
import { notFound } from '../../platform/http/problem.js';
import { ServiceModel } from '../services/service.model.js';
import { GovernorateModel } from './governorate.model.js';
import { governorateCode } from './governorate-data.js';

/** Public services (active, not archived) per governorate of their service area. */
export async function activeServiceCounts(): Promise<Map<string, number>> {
  const rows = await ServiceModel.aggregate<{ _id: string; count: number }>([
    { $match: { archivedAt: null, status: 'active' } },
    { $unwind: '$governorates' },
    { $group: { _id: '$governorates', count: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [r._id, r.count]));
}

async function listGovernorates() {
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

  router.get('/governorates', async (_req, res) => {
    res.json({ items: await listGovernorates() });
  });

  router.get('/governorates.geojson', async (_req, res) => {
    const governorates = await GovernorateModel.find().sort({ code: 1 }).lean();
    res.set('Cache-Control', 'public, max-age=3600');
    // Geometries are stored as JSON text; splice them in rather than parse and re-serialise.
    const features = governorates.map((g) => {
      const { boundary, ...rest } = g;
      const properties = { code: rest.code, pcode: rest.pcode ?? null, name: rest.name, capital: rest.capital, lat: rest.lat, lng: rest.lng };
      return `{"type":"Feature","id":${JSON.stringify(g.code)},"properties":${JSON.stringify(properties)},"geometry":${boundary}}`;
    });
    res.type('application/geo+json').send(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
  });

  router.get('/governorates/:code', async (req, res) => {
    const code = governorateCode(req.params.code);
    const item = code && (await listGovernorates()).find((g) => g.code === code);
    if (!item) throw notFound('governorate');
    res.json(item);
  });

  return router;
}
