import { TYPO_MIN_LENGTH, withinOneEdit } from '../../platform/text/edits.js';
import { normalizeText } from '../../platform/text/normalize.js';
import { allTexts } from '../../platform/text/translated.js';
import { bundledGovernorates } from '../governorates/governorate-data.js';
import type { Taxonomy } from '../taxonomy/taxonomy.data.js';
import { typedWords } from '../../contract/directory/search/query-words.js';
import type { Understood, UnderstoodField } from '../../contract/directory/search/understood.schemas.js';
import { districtName, DISTRICTS } from './districts.js';
import { GOVERNORATE_WORDS, POPULATION_WORDS, type Words } from './search-vocabulary.js';

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
  /** Every word of every phrase, for recognising a word with a proclitic or a typo. */
  words: Set<string>;
  longest: number;
}

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
/** Arabic writes its article joined to the word: "البصرة" is also "بصرة". */
const bare = (word: string) => (word.length > 3 && word.startsWith('ال') ? word.slice(2) : word);
const phraseKey = (words: readonly string[]) => words.map(bare).join(' ');
const wordsOf = (text: string) => normalizeText(text).split(WORD_SPLIT).filter(Boolean);

/**
 * Words that join a need to a place ("legal aid in Baghdad", "services for men"): left out of the text
 * once something was understood, since no record needs to contain them.
 */
const FILLER_WORDS = new Set(
  [
    ...['in', 'at', 'for', 'of', 'the', 'near', 'and', 'to', 'services', 'service', 'help'],
    ...['في', 'فى', 'الى', 'إلى', 'من', 'قرب', 'عند', 'و', 'خدمات', 'خدمة', 'مساعدة'],
    ...['لە', 'بۆ', 'و', 'نزیک', 'لای', 'خزمەتگوزاری', 'خزمەتگوزارییەکان'],
  ].map(normalizeText),
);

/** Arabic prepositions and conjunctions written joined to the next word: "للنساء" is "النساء". */
const PROCLITICS = ['وال', 'بال', 'فال', 'كال', 'لل', 'و', 'ب', 'ل', 'ف'];

const lexicons = new WeakMap<Taxonomy, Lexicon>();

/** Every name and synonym of the categories, populations, governorates and districts, in the three languages. */
export function lexiconOf(taxonomy: Taxonomy): Lexicon {
  const cached = lexicons.get(taxonomy);
  if (cached) return cached;
  const phrases = new Map<string, Meaning[]>();
  const known = new Set<string>();
  let longest = 1;
  const add = (text: string, meaning: Meaning) => {
    const words = wordsOf(text);
    if (!words.length) return;
    const key = phraseKey(words);
    for (const word of key.split(' ')) known.add(word);
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
  for (const [code, district] of Object.entries(DISTRICTS)) {
    const untyped = new Set(district.untyped);
    // A district named like its governorate's capital ("Mosul", "الرمادي") is read as the governorate, as people mean it.
    const governorate = (w: string) => phrases.get(phraseKey(wordsOf(w)))?.some((m) => m.field === 'governorate');
    for (const w of [...district.words.en, ...district.words.ar, ...district.words.ckb]) if (!untyped.has(w) && !governorate(w)) add(w, { field: 'district', code });
  }
  const lexicon = { phrases, words: known, longest };
  lexicons.set(taxonomy, lexicon);
  return lexicon;
}

/**
 * Reads a query as people type it: the longest run of words that names a category, population,
 * governorate or district (in any of the three languages, any order) becomes that filter; the other words are
 * searched as text. "legal aid Baghdad", "Baghdad legal aid" and "محامي بغداد" read alike.
 */
export function readQuery(query: string, lexicon: Lexicon, options: { correct?: boolean } = {}): QueryReading {
  const typed = typedWords(query).filter((w) => normalizeText(w));
  const corrected = new Map<number, string>();
  const normal = typed.map((word, i) => {
    const plain = normalizeText(word);
    const form = vocabularyForm(plain, lexicon, options.correct ?? true);
    if (form.corrected) corrected.set(i, form.word);
    return form.word;
  });
  const understood: Understood[] = [];
  const rest: string[] = [];
  for (let i = 0; i < typed.length; ) {
    let matched = 0;
    for (let n = Math.min(lexicon.longest, typed.length - i); n >= 1 && !matched; n--) {
      const meanings = lexicon.phrases.get(phraseKey(normal.slice(i, i + n)));
      if (!meanings) continue;
      const words = typed.slice(i, i + n).join(' ');
      const fixed = Array.from({ length: n }, (_, k) => corrected.has(i + k));
      const correctedTo = fixed.some(Boolean) ? normal.slice(i, i + n).join(' ') : undefined;
      for (const m of meanings) {
        if (understood.some((u) => u.field === m.field && u.code === m.code)) continue;
        const district = m.field === 'district' ? { name: districtName(m.code)!, governorate: DISTRICTS[m.code]!.governorate } : {};
        understood.push({ ...m, words, ...district, ...(correctedTo ? { correctedTo } : {}) });
      }
      matched = n;
    }
    if (matched) i += matched;
    else rest.push(typed[i++]!);
  }
  const text = understood.length ? rest.filter((w) => !FILLER_WORDS.has(normalizeText(w))) : rest;
  return { understood, text: text.join(' ') };
}

/**
 * The form of a typed word that the vocabulary knows: itself; without a joined Arabic proclitic
 * ("للنساء" → "النساء"); or, for a word of five letters or more that the vocabulary does not know,
 * the one vocabulary word a single edit away (the normaliser has already made ة/ه, ى/ي, أ/ا alike).
 */
function vocabularyForm(word: string, lexicon: Lexicon, correct: boolean): { word: string; corrected: boolean } {
  if (lexicon.words.has(bare(word))) return { word, corrected: false };
  for (const prefix of PROCLITICS) {
    if (word.length - prefix.length < 3 || !word.startsWith(prefix)) continue;
    const rest = prefix.endsWith('ال') || prefix === 'لل' ? `ال${word.slice(prefix.length)}` : word.slice(prefix.length);
    if (lexicon.words.has(bare(rest))) return { word: rest, corrected: false };
  }
  if (!correct || word.length < TYPO_MIN_LENGTH) return { word, corrected: false };
  const near = [...lexicon.words].filter((known) => known.length >= TYPO_MIN_LENGTH - 1 && withinOneEdit(bare(word), known));
  // Several neighbours are fine when they name the same thing ("محاميي": "محامي" and "محامين").
  const meaning = (known: string) => JSON.stringify(lexicon.phrases.get(known) ?? null);
  const unambiguous = near.length > 0 && near.every((known) => meaning(known) === meaning(near[0]!)) && meaning(near[0]!) !== 'null';
  return unambiguous ? { word: near[0]!, corrected: true } : { word, corrected: false };
}
