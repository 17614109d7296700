/** Great-circle distances on a spherical Earth (haversine), good to ~0.5% — plenty for "nearest service". */

export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (deg: number) => (deg * Math.PI) / 180;

/** Km from `center` to (lat, lng): the centre's cosine computed once for a search's many points, the arithmetic as haversineKm's. */
export function kmFrom(center: LatLng): (lat: number, lng: number) => number {
  const cosCenter = Math.cos(toRadians(center.lat));
  return (lat, lng) => {
    const dLat = toRadians(lat - center.lat);
    const dLng = toRadians(lng - center.lng);
    const h = Math.sin(dLat / 2) ** 2 + cosCenter * Math.cos(toRadians(lat)) * Math.sin(dLng / 2) ** 2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  };
}

export const haversineKm = (a: LatLng, b: LatLng): number => kmFrom(a)(b.lat, b.lng);

/**
 * The latitudes a radius can reach, in degrees either side of the centre, with a margin for rounding:
 * no great circle is shorter than its difference in latitude, so a point beyond is out of range.
 */
export const latitudeReach = (radiusKm: number) => (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI) * (1 + 1e-6);

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/**
 * The latitude/longitude box that contains every point within `radiusKm` of `center`: an indexable
 * pre-filter; the exact distance is checked afterwards. Iraq is far from the poles and the antimeridian,
 * but the box is still clamped so that it stays valid everywhere.
 */
export function boundingBox(center: LatLng, radiusKm: number): BoundingBox {
  const dLat = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  const cosLat = Math.cos(toRadians(center.lat));
  const dLng = cosLat < 1e-6 ? 180 : Math.min(180, dLat / cosLat);
  return {
    minLat: Math.max(-90, center.lat - dLat),
    maxLat: Math.min(90, center.lat + dLat),
    minLng: Math.max(-180, center.lng - dLng),
    maxLng: Math.min(180, center.lng + dLng),
  };
}

/** Distances are shown to 100 m: more digits would suggest a precision that a governorate point lacks. */
export const roundKm = (km: number) => Math.round(km * 10) / 10;
