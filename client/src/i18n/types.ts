/** The three interface and content languages: English, Arabic, Kurdish (Sorani). */
export const LANGUAGES = ['en', 'ar', 'ckb'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Translatable content as the API sends it: any subset of the three languages. */
export type Translated = Partial<Record<Lang, string>>;

/** CLDR plural categories, as returned by Intl.PluralRules#select. */
export type PluralCategory = Intl.LDMLPluralRule;

/** A plural message for languages that only distinguish a few forms (English, Sorani). */
export type Plural = { one: string; other: string } & Partial<Record<PluralCategory, string>>;

/** A plural message for Arabic, which uses all six forms. */
export type FullPlural = Record<PluralCategory, string>;

export type Message = string | Plural;

/** Another language's messages for an English catalogue: same keys, plural forms of that language. */
export type CatalogueOf<E, P> = { readonly [K in keyof E]: E[K] extends string ? string : P };
