import { Schema } from 'mongoose';
import { z } from 'zod';

/** The three interface and content languages: English, Arabic, Kurdish (Sorani). */
export const LANGUAGES = ['en', 'ar', 'ckb'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = z.enum(LANGUAGES);

/** Translatable text: any subset of the three languages; readers fall back to what is present. */
export type Translated = Partial<Record<Language, string>>;

const translation = z.string().trim().min(1).max(5000);

export const TranslatedSchema = z
  .strictObject({ en: translation.optional(), ar: translation.optional(), ckb: translation.optional() })
  .refine((t) => LANGUAGES.some((l) => t[l]), { message: 'at least one of en, ar, ckb is required' });

export const OptionalTranslatedSchema = z.strictObject({
  en: translation.optional(),
  ar: translation.optional(),
  ckb: translation.optional(),
});

export const translatedMongoose = (required = false) =>
  new Schema<Translated>(
    { en: { type: String }, ar: { type: String }, ckb: { type: String } },
    { _id: false, ...(required ? {} : {}) },
  );

/** Fallback order: the asked language, then Arabic and English (the two every record should have), then Kurdish. */
const FALLBACK: Record<Language, Language[]> = {
  en: ['en', 'ar', 'ckb'],
  ar: ['ar', 'en', 'ckb'],
  ckb: ['ckb', 'ar', 'en'],
};

export interface PickedText {
  text: string;
  lang: Language;
  /** True when the text is not in the asked language. */
  fallback: boolean;
}

export function pickText(value: Translated | undefined | null, lang: Language): PickedText | undefined {
  if (!value) return undefined;
  for (const candidate of FALLBACK[lang]) {
    const text = value[candidate];
    if (text) return { text, lang: candidate, fallback: candidate !== lang };
  }
  return undefined;
}

export const textIn = (value: Translated | undefined | null, lang: Language): string => pickText(value, lang)?.text ?? '';

export function allTexts(value: Translated | undefined | null): string[] {
  if (!value) return [];
  return LANGUAGES.map((l) => value[l]).filter((t): t is string => Boolean(t));
}
