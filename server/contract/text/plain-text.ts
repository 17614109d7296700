import { z } from 'zod';

/** Embeddings and overrides (U+202A–U+202E): they can make "gnp.exe" display as "exe.png". */
const EMBEDDINGS_AND_OVERRIDES = /[\u202A-\u202E]/g;
const ISOLATE_OPENERS = /[\u2066-\u2068]/;
const POP_ISOLATE = '\u2069';

/**
 * Text without bidi controls that could reorder what the rest of a page shows: embeddings and
 * overrides go, isolates stay only in balanced pairs. The marks Arabic and Kurdish text needs
 * (U+200E, U+200F, U+061C) are kept.
 */
export function withoutBidiControls(text: string): string {
  const chars = [...text.replace(EMBEDDINGS_AND_OVERRIDES, '')];
  const open: number[] = [];
  const drop = new Set<number>();
  chars.forEach((ch, i) => {
    if (ISOLATE_OPENERS.test(ch)) open.push(i);
    else if (ch === POP_ISOLATE && open.pop() === undefined) drop.add(i);
  });
  for (const i of open) drop.add(i);
  return drop.size ? chars.filter((_, i) => !drop.has(i)).join('') : chars.join('');
}

/** A line of text people type (names, titles, descriptions): bidi controls removed, trimmed, 1–`max` long. */
export const plainText = (max: number) => z.string().overwrite(withoutBidiControls).trim().min(1).max(max);
