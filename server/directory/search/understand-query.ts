import { z } from 'zod';
import { normalizeText } from '../../platform/text/normalize.js';
import { allTexts } from '../../platform/text/translated.js';
import { bundledGovernorates } from '../governorates/governorate-data.js';
import type { Taxonomy } from '../taxonomy/taxonomy.data.js';
import { typedWords } from './query-words.js';
import { GOVERNORATE_WORDS, POPULATION_WORDS, type Words } from './search-vocabulary.js';

/** The filters a typed word can stand for, by their query parameter. */
export const UNDERSTOOD_FIELDS = ['governorate', 'category', 'population'] as const;
export type UnderstoodField = (typeof UNDERSTOOD_FIELDS)[number];

export const Understood = z.object({
  field: z.enum(UNDERSTOOD_FIELDS),
  code: z.string(),
  /** The words of the query it was read from, as typed: remove them from `q` to drop the filter. */
  words: z.string(),
});
export type Understood = z.infer<typeof Understood>;

export interface QueryReading {
  understood: Understood[];
  /** The rest of the query, searched as text. */
  text: string;
}

interface Meaning {
  field: UnderstoodField;
  code: string;
}

/** Normalised phrases (words joined by one space) and what they name. */
interface Lexicon {
  phrases: Map<string, Meaning[]>;
  longest: number;
}

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
/** Arabic writes its article joined to the word: "البصرة" is also "بصرة". */
const bare = (word: string) => (word.length > 3 && word.startsWith('ال') ? word.slice(2) : word);
const phraseKey = (words: readonly string[]) => words.map(bare).join(' ');
const wordsOf = (text: string) => normalizeText(text).split(WORD_SPLIT).filter(Boolean);

/** Words that join a need to a place ("legal aid in Baghdad"): left out of the text once something was understood. */
const LINKING_WORDS = new Set(
  ['in', 'at', 'for', 'of', 'the', 'near', 'and', 'to', 'في', 'فى', 'الى', 'إلى', 'من', 'قرب', 'عند', 'و', 'لە', 'بۆ', 'و', 'نزیک', 'لای'].map(normalizeText),
);

const lexicons = new WeakMap<Taxonomy, Lexicon>();

/** Every name and synonym of the categories, populations and governorates, in the three languages. */
export function lexiconOf(taxonomy: Taxonomy): Lexicon {
  const known = lexicons.get(taxonomy);
  if (known) return known;
  const phrases = new Map<string, Meaning[]>();
  let longest = 1;
  const add = (text: string, meaning: Meaning) => {
    const words = wordsOf(text);
    if (!words.length) return;
    const key = phraseKey(words);
    const meanings = phrases.get(key) ?? [];
    if (!meanings.some((m) => m.field === meaning.field && m.code === meaning.code)) meanings.push(meaning);
    phrases.set(key, meanings);
    longest = Math.max(longest, words.length);
  };
  const addWords = (words: Words, meaning: Meaning) => [...words.en, ...words.ar, ...words.ckb].forEach((w) => add(w, meaning));

  for (const term of taxonomy.terms) {
    const meaning = { field: 'category', code: term.code } as const;
    allTexts(term.name).forEach((name) => add(name, meaning));
    addWords(term.synonyms, meaning);
  }
  for (const [code, words] of Object.entries(POPULATION_WORDS)) addWords(words, { field: 'population', code });
  for (const g of bundledGovernorates()) {
    const meaning = { field: 'governorate', code: g.code } as const;
    [...allTexts(g.name), ...allTexts(g.capital)].forEach((name) => add(name, meaning));
    const words = GOVERNORATE_WORDS[g.code];
    if (words) addWords(words, meaning);
  }
  const lexicon = { phrases, longest };
  lexicons.set(taxonomy, lexicon);
  return lexicon;
}

/**
 * Reads a query as people type it: the longest run of words that names a category, population or
 * governorate (in any of the three languages, any order) becomes that filter; the other words are
 * searched as text. "legal aid Baghdad", "Baghdad legal aid" and "محامي بغداد" read alike.
 */
export function readQuery(query: string, lexicon: Lexicon): QueryReading {
  const typed = typedWords(query).filter((w) => normalizeText(w));
  const normal = typed.map(normalizeText);
  const understood: Understood[] = [];
  const rest: string[] = [];
  for (let i = 0; i < typed.length; ) {
    let matched = 0;
    for (let n = Math.min(lexicon.longest, typed.length - i); n >= 1 && !matched; n--) {
      const meanings = lexicon.phrases.get(phraseKey(normal.slice(i, i + n)));
      if (!meanings) continue;
      const words = typed.slice(i, i + n).join(' ');
      for (const m of meanings) if (!understood.some((u) => u.field === m.field && u.code === m.code)) understood.push({ ...m, words });
      matched = n;
    }
    if (matched) i += matched;
    else rest.push(typed[i++]!);
  }
  const text = understood.length ? rest.filter((w) => !LINKING_WORDS.has(normalizeText(w))) : rest;
  return { understood, text: text.join(' ') };
}
