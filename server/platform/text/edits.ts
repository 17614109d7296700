/**
 * Typos as one edit: an insertion, a deletion, a substitution or two neighbours swapped. Words are
 * compared normalised (normalize.ts), so Arabic letter confusions such as ة/ه, ى/ي, أ/ا are no edit.
 */

/** A typo is looked for only in words this long: shorter ones have too many neighbours. */
export const TYPO_MIN_LENGTH = 5;

/** At most one edit between a and b. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [la, lb] = [a.length, b.length];
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Every word one edit from `word` whose letters come from `letters`: a few thousand lookups instead of a scan of every known word. */
export function* oneEditAway(word: string, letters: Iterable<string>): Generator<string> {
  const chars = [...word];
  const alphabet = [...letters];
  for (let i = 0; i <= chars.length; i++) {
    const [head, tail] = [chars.slice(0, i).join(''), chars.slice(i).join('')];
    for (const c of alphabet) yield head + c + tail;
    if (i < chars.length) {
      yield head + tail.slice(chars[i]!.length);
      for (const c of alphabet) if (c !== chars[i]) yield head + c + tail.slice(chars[i]!.length);
      if (i + 1 < chars.length) yield head + chars[i + 1] + chars[i] + chars.slice(i + 2).join('');
    }
  }
}
