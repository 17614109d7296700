/**
 * The words of a query as typed, shared by the server and the web app: removing an understood
 * filter's words (Understood.words) from `q` drops that filter.
 */

/** Typed words keep their marks (diacritics, joiners) until normalised: they are inside words, not between them. */
const TYPED_WORD_SPLIT = /[^\p{L}\p{M}\p{N}\u200C\u200D]+/u;

export const typedWords = (q: string): string[] => q.split(TYPED_WORD_SPLIT).filter(Boolean);

/** `q` without the first run of `words` (as typed, space-separated); the other words keep their order. */
export function withoutWords(q: string, words: string): string {
  const all = typedWords(q);
  const drop = typedWords(words);
  for (let i = 0; drop.length && i + drop.length <= all.length; i++) {
    if (drop.every((w, j) => all[i + j] === w)) return [...all.slice(0, i), ...all.slice(i + drop.length)].join(' ');
  }
  return all.join(' ');
}
