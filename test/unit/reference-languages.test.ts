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

  it('names every district', () => {
    assert.ok(Object.keys(DISTRICTS).length > 50, 'the districts were read');
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
