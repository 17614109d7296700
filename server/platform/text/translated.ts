import { Schema } from 'mongoose';
import { CONTENT_FALLBACK, LANGUAGES, type Language, type Translated } from '../../contract/text/languages.js';

// The pure part (languages, input schemas) is shared with the web app's forms.
export { LANGUAGES, type Language, type Translated } from '../../contract/text/languages.js';
export { LanguageSchema, OptionalTranslatedSchema, TranslatedSchema } from '../../contract/text/translated-input.js';

export const translatedMongoose = (required = false) =>
  new Schema<Translated>(
    { en: { type: String }, ar: { type: String }, ckb: { type: String } },
    { _id: false, ...(required ? {} : {}) },
  );

export interface PickedText {
  text: string;
  lang: Language;
  /** True when the text is not in the asked language. */
  fallback: boolean;
}

export function pickText(value: Translated | undefined | null, lang: Language): PickedText | undefined {
  if (!value) return undefined;
  for (const candidate of CONTENT_FALLBACK[lang]) {
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
