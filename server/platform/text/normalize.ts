/**
 * Search normalisation for Arabic, Kurdish (Sorani) and Latin text. The same function runs on stored
 * text (when a record is written) and on queries, so spelling variants meet in the middle.
 */

// Arabic diacritics (tashkeel), Quranic marks, superscript alef, and tatweel.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

// Invisible characters typed inside words — zero-width non-joiner/joiner (common in Kurdish and
// Persian typing), soft hyphen, bidi marks — which would otherwise split one word into two.
const INVISIBLE = /\u200C|\u200D|\u00AD|\u200E|\u200F|\u061C/g;

const LETTER_MAP: Record<string, string> = {
  // Alef forms → bare alef
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ٲ': 'ا',
  'ٳ': 'ا',
  // Ya and alef maqsura, Persian/Kurdish ya forms → Arabic ya
  'ى': 'ي',
  'ی': 'ي',
  'ې': 'ي',
  'ێ': 'ي',
  'ئ': 'ي',
  // Ta marbuta and Kurdish/Persian he forms → ha
  'ة': 'ه',
  'ە': 'ه',
  'ھ': 'ه',
  'ۀ': 'ه',
  'ہ': 'ه',
  // Waw with hamza, Kurdish waw forms → waw
  'ؤ': 'و',
  'ۆ': 'و',
  'ۇ': 'و',
  'ۉ': 'و',
  // Keheh and other kaf forms → Arabic kaf
  'ک': 'ك',
  'ڪ': 'ك',
  'گ': 'ك',
  // Kurdish/Persian letters with extra dots → their base letter
  'ڕ': 'ر',
  'ڵ': 'ل',
  'ڤ': 'ف',
  'پ': 'ب',
  'چ': 'ج',
  'ژ': 'ز',
  // Lone hamza carries no meaning for matching
  'ء': '',
};

const LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

/** Arabic-Indic (٠-٩) and Extended/Persian (۰-۹) digits → ASCII. */
const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const digitValue = (d: string) => String((d.codePointAt(0)! - (d >= '\u06F0' ? 0x06f0 : 0x0660)) % 10);

export function normalizeText(input: string): string {
  return input
    .normalize('NFKC')
    .replace(MARKS, '')
    .replace(INVISIBLE, '')
    .replace(LETTERS, (ch) => LETTER_MAP[ch] ?? ch)
    .replace(DIGITS, digitValue)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // Latin accents
    .toLowerCase();
}

const TOKEN_SPLIT = /[^\p{L}\p{N}]+/u;

/** Normalised words of a text, in order, without duplicates. */
export function tokenize(input: string): string[] {
  const out = new Set<string>();
  for (const word of normalizeText(input).split(TOKEN_SPLIT)) if (word) out.add(word);
  return [...out];
}

/** Arabic's definite article is written joined to the word; "الملجأ" should also match "ملجأ". */
function withoutArticle(token: string): string | undefined {
  return token.length > 3 && token.startsWith('ال') ? token.slice(2) : undefined;
}

export const MIN_PREFIX = 2;

/**
 * The words a record is found by: each of its words, and an Arabic word also without its article.
 * A query word finds the record when it starts one of them (the catalog's word index).
 */
export function searchWords(tokens: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const token of tokens) {
    out.add(token);
    const bare = withoutArticle(token);
    if (bare) out.add(bare);
  }
  return [...out];
}

/** Query words, normalised. A one-letter word is dropped unless it is the whole query, since it would match nearly everything. */
export function queryTerms(query: string): string[] {
  const tokens = tokenize(query);
  const meaningful = tokens.filter((t) => t.length >= MIN_PREFIX);
  return meaningful.length ? meaningful : tokens;
}

/**
 * How well `term` meets a record's words, for ranking: 2 when it is one of them (or one without its
 * article), 1 when it starts one, 0 otherwise. Runs per candidate of a search, so it allocates nothing.
 */
export function termMatch(tokens: readonly string[], term: string): 0 | 1 | 2 {
  let found: 0 | 1 | 2 = 0;
  for (const t of tokens) {
    const bare = t.length > 3 && t.startsWith('ال') ? 2 : 0;
    if (t.length === term.length ? t === term : bare && t.length - bare === term.length && t.startsWith(term, bare)) return 2;
    if (t.startsWith(term) || (bare && t.startsWith(term, bare))) found = 1;
  }
  return found;
}

/** Does any word of `tokens` start with `term`? */
export function matchesAllTerms(tokens: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) =>
    tokens.some((t) => t.startsWith(term) || (withoutArticle(t)?.startsWith(term) ?? false)),
  );
}
