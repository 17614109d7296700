import { allTexts, type Translated } from '../platform/text/translated.js';
import { normalizeText, searchWords, tokenize } from '../platform/text/normalize.js';

export interface SearchFields {
  nameTokens: string[];
  /** What a query word must start (see searchWords). */
  words: string[];
  sortName: string;
}

/**
 * The stored search fields of a record: names rank above the rest; `extra` carries text that should
 * find the record without being its own (organisation name, category names).
 */
export function searchFields(input: {
  name: Translated;
  alternateName?: string | null;
  description?: Translated | null;
  extra?: string[];
}): SearchFields {
  const names = [...allTexts(input.name), ...(input.alternateName ? [input.alternateName] : [])];
  const nameTokens = tokenize(names.join(' '));
  const otherTokens = tokenize([...allTexts(input.description), ...(input.extra ?? [])].join(' '));
  return {
    nameTokens,
    words: searchWords([...nameTokens, ...otherTokens]),
    sortName: normalizeText(input.name.en ?? input.name.ar ?? input.name.ckb ?? ''),
  };
}
