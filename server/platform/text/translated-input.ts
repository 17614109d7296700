import { z } from 'zod';
import { plainText } from './plain-text.js';

/** The three interface and content languages: English, Arabic, Kurdish (Sorani). */
export const LANGUAGES = ['en', 'ar', 'ckb'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = z.enum(LANGUAGES);

/** Translatable text: any subset of the three languages; readers fall back to what is present. */
export type Translated = Partial<Record<Language, string>>;

const translation = plainText(5000);

export const TranslatedSchema = z
  .strictObject({ en: translation.optional(), ar: translation.optional(), ckb: translation.optional() })
  .refine((t) => LANGUAGES.some((l) => t[l]), { message: 'at least one of en, ar, ckb is required' });

export const OptionalTranslatedSchema = z.strictObject({
  en: translation.optional(),
  ar: translation.optional(),
  ckb: translation.optional(),
});
