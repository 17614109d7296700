import { z } from 'zod';
import { OptionalTranslatedSchema, TranslatedSchema } from '../../platform/text/translated-input.js';
import { Timestamp, TranslatedView } from '../records/view-schemas.js';

export const TermCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lower-case letters, digits and dashes');

// No zod defaults on input: an update must not reset what it does not mention. The model has the defaults.
const termFields = {
  parent: TermCode.nullable().optional(),
  name: TranslatedSchema,
  description: OptionalTranslatedSchema.optional(),
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
  /** Set on archived terms, which only those who may restore them list. */
  archivedAt: Timestamp.nullable(),
});
export type TermView = z.infer<typeof TermView>;
