import { Schema } from 'mongoose';
import { LANGUAGES, type Language, type Translated } from './translated-input.js';

// The pure part (languages, input schemas) is shared with the web app's forms.
export { LANGUAGES, LanguageSchema, OptionalTranslatedSchema, TranslatedSchema, type Language, type Translated } from './translated-input.js';

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
