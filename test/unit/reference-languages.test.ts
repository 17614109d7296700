/**
 * Reference data is equal in the three languages, as the catalogues are (catalogues.test.ts): every
 * governorate and capital, district, category of the taxonomy (name, description, search words) and
 * population has its English, Arabic and Sorani text. A gap fails the build instead of showing
 * Arabic to a Sorani reader.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { POPULATIONS } from '../../server/contract/directory/vocabulary.js';
import { TAXONOMY_TERMS } from '../../server/contract/directory/taxonomy/categories.js';
import { bundledGovernorates } from '../../server/directory/governorates/governorate-data.js';
import { DISTRICTS } from '../../server/directory/search/districts.js';
import { normalizeText } from '../../server/platform/text/normalize.js';
import { POPULATION_WORDS } from '../../server/directory/search/search-vocabulary.js';

const LANGUAGES = ['en', 'ar', 'ckb'] as const;
type Texts = Partial<Record<(typeof LANGUAGES)[number], string | readonly string[]>>;

/** The languages `texts` (one text or a list of words per language) lacks, as "<what> lacks <lang>". */
function gaps(what: string, texts: Texts | undefined): string[] {
  return LANGUAGES.filter((lang) => {
    const text = texts?.[lang];
    return typeof text === 'string' ? !text.trim() : !text?.length || text.some((w) => !w.trim());
  }).map((lang) => `${what} lacks ${lang}`);
}

describe('reference data in English, Arabic and Sorani', () => {
  it('names every governorate and its capital', () => {
    const governorates = bundledGovernorates();
    assert.equal(governorates.length, 19);
    assert.deepEqual(
      governorates.flatMap((g) => [...gaps(`${g.code} name`, g.name), ...gaps(`${g.code} capital`, g.capital)]),
      [],
    );
  });

  it('lists every district of every governorate, each under its own names and P-code', () => {
    const governorates = bundledGovernorates();
    const entries = Object.entries(DISTRICTS);
    assert.ok(entries.length >= 105 && entries.length <= 125, `${entries.length} districts: Iraq has about 110`);
    for (const g of governorates) assert.ok(entries.filter(([, d]) => d.governorate === g.code).length >= 3, `${g.code} has its districts`);
    const pcodeOf = new Map(governorates.map((g) => [g.code, g.pcode]));
    for (const [code, d] of entries) {
      assert.ok(code.startsWith(`${d.governorate}-`), code);
      if (d.pcode) assert.match(d.pcode, new RegExp(`^${pcodeOf.get(d.governorate)}Q\\d{2}$`), code);
      assert.ok(d.sorani === 'official' || d.sorani === 'transliterated', code);
    }
    // A name shared by two districts would make a typed word ambiguous and a location's district unclear.
    const owners = new Map<string, string>();
    for (const [code, d] of entries) {
      for (const name of new Set(Object.values(d.words).flat().map(normalizeText))) {
        assert.equal(owners.get(name) ?? code, code, `"${name}" names ${owners.get(name)} and ${code}`);
        owners.set(name, code);
      }
    }
  });

  it('names every district', () => {
    assert.deepEqual(
      Object.entries(DISTRICTS).flatMap(([code, d]) => gaps(`district ${code}`, d.words)),
      [],
    );
  });

  it('names, describes and gives search words for every category of the taxonomy', () => {
    assert.deepEqual(
      TAXONOMY_TERMS.flatMap((t) => [
        ...gaps(`category ${t.code} name`, t.name),
        ...(t.description ? gaps(`category ${t.code} description`, t.description) : []),
        ...(t.parent ? gaps(`category ${t.code} synonyms`, t.synonyms) : []),
      ]),
      [],
    );
  });

  it('gives search words for every population', () => {
    assert.deepEqual(
      POPULATIONS.flatMap((p) => gaps(`population ${p}`, POPULATION_WORDS[p])),
      [],
    );
  });
});
