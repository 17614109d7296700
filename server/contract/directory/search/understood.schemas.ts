import { z } from 'zod';

/** The filters a typed word can stand for, by their query parameter. */
export const UNDERSTOOD_FIELDS = ['governorate', 'district', 'category', 'population'] as const;
export type UnderstoodField = (typeof UNDERSTOOD_FIELDS)[number];

export const Understood = z.object({
  field: z.enum(UNDERSTOOD_FIELDS),
  code: z.string(),
  /** The words of the query it was read from, as typed: remove them from `q` to drop the filter. */
  words: z.string(),
  /** A district's names, for its chip: the web app's reference data has governorates and categories only. */
  name: z.object({ en: z.string(), ar: z.string(), ckb: z.string() }).optional(),
  /** A district's governorate: the facets then count services per district of it. */
  governorate: z.string().optional(),
  /** Set when a typed word was a misspelling: what it was read as ("Showing results for …"). */
  correctedTo: z.string().optional(),
});
export type Understood = z.infer<typeof Understood>;

/** A text word that matched nothing, read as the catalog's word one edit away ("Showing results for …"). */
export const CorrectedWord = z.object({
  /** As typed, normalised. */
  word: z.string(),
  correctedTo: z.string(),
});
export type CorrectedWord = z.infer<typeof CorrectedWord>;
