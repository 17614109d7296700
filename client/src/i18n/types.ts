import { LANGUAGES, type Language, type Translated } from '../../../server/contract/text/languages.js';

// The languages and translated text are the contract's: the web app offers what the server stores.
export { LANGUAGES, type Translated };
export type Lang = Language;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** CLDR plural categories, as returned by Intl.PluralRules#select. */
export type PluralCategory = Intl.LDMLPluralRule;

/** A plural message for languages that only distinguish a few forms (English, Sorani). */
export type Plural = { one: string; other: string } & Partial<Record<PluralCategory, string>>;

/** A plural message for Arabic, which uses all six forms. */
export type FullPlural = Record<PluralCategory, string>;

export type Message = string | Plural;

/** Another language's messages for an English catalogue: same keys, plural forms of that language. */
export type CatalogueOf<E, P> = { readonly [K in keyof E]: E[K] extends string ? string : P };
