import { readFileSync } from 'node:fs';
import { fromRepoRoot } from '../../platform/paths.js';
import { normalizeText } from '../../platform/text/normalize.js';
import type { Translated } from '../../platform/text/translated.js';
import { DISTRICTS } from '../search/districts.js';
import { GOVERNORATE_WORDS } from '../search/search-vocabulary.js';

/** The bundled governorates file (seed/data, with its attribution), read once. */
export const GOVERNORATES_GEOJSON_PATH = fromRepoRoot('seed', 'data', 'iraq-governorates.geojson');

interface FeatureProperties {
  pcode: string | null;
  iso_3166_2: string;
  name_en: string;
  name_ar: string;
  capital_en: string;
  capital_ar: string;
  capital_lat: number;
  capital_lng: number;
}

export interface GovernorateRecord {
  /** The directory's key: the ISO 3166-2 code, or for a governorate without one its own (IQ-HA). */
  code: string;
  /** The ISO 3166-2 code; null for a governorate ISO 3166-2 does not list yet. */
  iso: string | null;
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
/**
 * Halabja became Iraq's 19th governorate in 2025: ISO 3166-2:IQ has no code for it yet (nor OCHA a
 * P-code). `IQ-HA` is the directory's own key and is never published as an ISO code.
 */
const NOT_IN_ISO_3166_2 = new Set(['IQ-HA']);

/**
 * Sorani names come from the search vocabulary (the first Sorani word of each governorate), the one
 * list of them; the bundled file has only five. A capital is a district of districts.ts (Ramadi,
 * Mosul) or else named like its governorate (Baghdad, Erbil) and takes the governorate's name.
 */
function soraniNames(code: string, capitalEn: string): { name: string; capital: string } {
  const words = GOVERNORATE_WORDS[code];
  if (!words) throw new Error(`${code} has no Sorani name in search-vocabulary.ts`);
  const district = Object.values(DISTRICTS).find((d) => d.governorate === code && d.words.en.includes(capitalEn));
  const capital = district ? district.words.ckb[0] : words.en.includes(capitalEn.toLowerCase()) ? words.ckb[0] : undefined;
  if (!capital) throw new Error(`The capital of ${code}, ${capitalEn}, has no Sorani name in districts.ts`);
  return { name: words.ckb[0]!, capital };
}

let cache: GovernorateRecord[] | undefined;

export function bundledGovernorates(): GovernorateRecord[] {
  if (cache) return cache;
  const file = JSON.parse(readFileSync(GOVERNORATES_GEOJSON_PATH, 'utf8')) as {
    features: { properties: FeatureProperties; geometry: unknown }[];
  };
  cache = file.features.map(({ properties: p, geometry }) => {
    const ckb = soraniNames(p.iso_3166_2, p.capital_en);
    return {
      code: p.iso_3166_2,
      iso: NOT_IN_ISO_3166_2.has(p.iso_3166_2) ? null : p.iso_3166_2,
      pcode: p.pcode,
      name: { en: p.name_en, ar: p.name_ar, ckb: ckb.name },
      capital: { en: p.capital_en, ar: p.capital_ar, ckb: ckb.capital },
      lat: p.capital_lat,
      lng: p.capital_lng,
      boundary: JSON.stringify(geometry),
      kurdistanRegion: KURDISTAN_REGION.has(p.iso_3166_2),
    };
  });
  return cache;
}

/**
 * Accepts an ISO 3166-2 code, an OCHA P-code (any case) or a governorate's name in English, Arabic or
 * Sorani (how a governorate without a code, Halabja, is published); returns the directory's key.
 */
export function governorateCode(input: string): string | undefined {
  const key = input.trim().toUpperCase();
  const name = normalizeText(input);
  return bundledGovernorates().find(
    (g) => g.code === key || g.pcode === key || Object.values(g.name).some((n) => n && normalizeText(n) === name),
  )?.code;
}

/** How HSDS and exports name a governorate: its ISO 3166-2 code, else its English name. */
export function publishedGovernorate(code: string): string {
  const governorate = bundledGovernorates().find((g) => g.code === code);
  return governorate ? (governorate.iso ?? governorate.name.en ?? code) : code;
}
