import { bundledGovernorates, type GovernorateRecord } from './governorate-data.js';

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] } | { type: 'Point'; coordinates: [number, number] };

/** Even-odd ray casting: whether (lng, lat) lies inside a closed ring of [lng, lat] points. */
function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside its holes, in any of the polygons. */
function inPolygons(lng: number, lat: number, polygons: Ring[][]): boolean {
  return polygons.some(([outer, ...holes]) => outer !== undefined && inRing(lng, lat, outer) && !holes.some((hole) => inRing(lng, lat, hole)));
}

let areas: Map<string, Ring[][]> | undefined;

/**
 * Each governorate's polygons. The bundled file draws Halabja (split from Sulaymaniyah in 2014) as
 * its capital only, so it takes the polygons that contain that capital.
 */
function governorateAreas(): Map<string, Ring[][]> {
  if (areas) return areas;
  const geometries = bundledGovernorates().map((g) => [g, JSON.parse(g.boundary) as Geometry] as const);
  const polygons = new Map<string, Ring[][]>();
  for (const [g, geometry] of geometries) {
    if (geometry.type === 'Polygon') polygons.set(g.code, [geometry.coordinates]);
    if (geometry.type === 'MultiPolygon') polygons.set(g.code, geometry.coordinates);
  }
  for (const [g, geometry] of geometries) {
    if (geometry.type !== 'Point') continue;
    const [lng, lat] = geometry.coordinates;
    polygons.set(g.code, [...polygons.values()].find((p) => inPolygons(lng, lat, p)) ?? []);
  }
  areas = polygons;
  return areas;
}

/** Whether a point lies in the named governorate; false for a code it does not know. */
export function pointInGovernorate(code: string, lat: number, lng: number): boolean {
  return inPolygons(lng, lat, governorateAreas().get(code) ?? []);
}

/** The governorate a point lies in (Iraq is their union), or undefined outside Iraq. */
export function governorateAt(lat: number, lng: number): GovernorateRecord | undefined {
  return bundledGovernorates().find((g) => pointInGovernorate(g.code, lat, lng));
}
