import { z } from 'zod';
import { plainText } from '../../text/plain-text.js';
import { OptionalTranslatedSchema, TranslatedSchema } from '../../text/translated-input.js';
import { Timestamp, TranslatedView } from '../records/view-schemas.js';

export const TermCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'termCode');

// No zod defaults on input: an update must not reset what it does not mention. The model has the defaults.
// A word listed twice is kept once: the same word can only mean the category once.
const synonymList = z
  .array(plainText(80))
  .max(50)
  .transform((list) => [...new Set(list)]);
export const TermSynonymsInput = z.strictObject({ en: synonymList.optional(), ar: synonymList.optional(), ckb: synonymList.optional() });

const termFields = {
  parent: TermCode.nullable().optional(),
  name: TranslatedSchema,
  description: OptionalTranslatedSchema.optional(),
  /** Words people type for the category in each language; search takes them as this category. */
  synonyms: TermSynonymsInput.optional(),
  order: z.number().int().min(0).max(10_000).optional(),
};

export const TermCreate = z.strictObject({ code: TermCode, ...termFields });
export type TermCreate = z.infer<typeof TermCreate>;

export const TermUpdate = z.strictObject(termFields).partial();
export type TermUpdate = z.infer<typeof TermUpdate>;

export const TermView = z.object({
  code: z.string(),
  parent: z.string().nullable(),
  name: TranslatedView,
  description: TranslatedView,
  synonyms: z.object({ en: z.array(z.string()), ar: z.array(z.string()), ckb: z.array(z.string()) }),
  /** Set on archived terms, which only those who may restore them list. */
  archivedAt: Timestamp.nullable(),
});
export type TermView = z.infer<typeof TermView>;

export const TermList = z.object({ items: z.array(TermView) });
export type TermList = z.infer<typeof TermList>;

/** One category as read for editing: with the version its ETag names. */
export const TermDetail = TermView.extend({ version: z.number().int() });
export type TermDetail = z.infer<typeof TermDetail>;
