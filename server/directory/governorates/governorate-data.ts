import { readFileSync } from 'node:fs';
import { fromRepoRoot } from '../../platform/paths.js';
import type { Translated } from '../../platform/text/translated.js';

/** The bundled governorates file (seed/data, with its attribution), read once. */
export const GOVERNORATES_GEOJSON_PATH = fromRepoRoot('seed', 'data', 'iraq-governorates.geojson');

interface FeatureProperties {
  pcode: string | null;
  iso_3166_2: string;
  name_en: string;
  name_ar: string;
  name_ckb: string | null;
  capital_en: string;
  capital_ar: string;
  capital_lat: number;
  capital_lng: number;
}

export interface GovernorateRecord {
  code: string;
  pcode: string | null;
  name: Translated;
  capital: Translated;
  lat: number;
  lng: number;
  /** GeoJSON geometry, serialised (see the model). */
  boundary: string;
  kurdistanRegion: boolean;
}

const KURDISTAN_REGION = new Set(['IQ-AR', 'IQ-DA', 'IQ-SU', 'IQ-HA']);

/** Kurdish names of capitals that the source file lacks, for the Kurdistan Region and Kirkuk. */
const CAPITAL_CKB: Record<string, string> = {
  'IQ-AR': 'هەولێر',
  'IQ-DA': 'دهۆک',
  'IQ-SU': 'سلێمانی',
  'IQ-HA': 'هەڵەبجە',
  'IQ-KI': 'کەرکووک',
};

let cache: GovernorateRecord[] | undefined;

export function bundledGovernorates(): GovernorateRecord[] {
  if (cache) return cache;
  const file = JSON.parse(readFileSync(GOVERNORATES_GEOJSON_PATH, 'utf8')) as {
    features: { properties: FeatureProperties; geometry: unknown }[];
  };
  cache = file.features.map(({ properties: p, geometry }) => ({
    code: p.iso_3166_2,
    pcode: p.pcode,
    name: { en: p.name_en, ar: p.name_ar, ...(p.name_ckb ? { ckb: p.name_ckb } : {}) },
    capital: { en: p.capital_en, ar: p.capital_ar, ...(CAPITAL_CKB[p.iso_3166_2] ? { ckb: CAPITAL_CKB[p.iso_3166_2] } : {}) },
    lat: p.capital_lat,
    lng: p.capital_lng,
    boundary: JSON.stringify(geometry),
    kurdistanRegion: KURDISTAN_REGION.has(p.iso_3166_2),
  }));
  return cache;
}

/** Accepts an ISO 3166-2 code or an OCHA P-code (any case); returns the ISO code or undefined. */
export function governorateCode(input: string): string | undefined {
  const key = input.trim().toUpperCase();
  return bundledGovernorates().find((g) => g.code === key || g.pcode === key)?.code;
}
