import { z } from 'zod';
import { LANGUAGES } from './languages.js';
import { plainText } from './plain-text.js';

export const LanguageSchema = z.enum(LANGUAGES);

const translation = plainText(5000);

export const TranslatedSchema = z
  .strictObject({ en: translation.optional(), ar: translation.optional(), ckb: translation.optional() })
  .refine((t) => LANGUAGES.some((l) => t[l]), 'oneLanguage');

export const OptionalTranslatedSchema = z.strictObject({
  en: translation.optional(),
  ar: translation.optional(),
  ckb: translation.optional(),
});
