/** The three interface and content languages: English, Arabic, Kurdish (Sorani). */
export const LANGUAGES = ['en', 'ar', 'ckb'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Translatable text: any subset of the three languages; readers fall back to what is present. */
export type Translated = Partial<Record<Language, string>>;

/**
 * The order a reader of translated text falls back in: the asked language, then Arabic and English
 * (the two every record should have), then Kurdish. Server views and the web app read text alike.
 */
export const CONTENT_FALLBACK: Readonly<Record<Language, readonly Language[]>> = {
  en: ['en', 'ar', 'ckb'],
  ar: ['ar', 'en', 'ckb'],
  ckb: ['ckb', 'ar', 'en'],
};
