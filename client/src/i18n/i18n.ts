import type { ReactiveControllerHost } from 'lit';
import { SubscriptionController } from '../subscription-controller.js';
import { en, type Catalogue, type PluralKey, type TextKey } from './en.js';
import { CONTENT_FALLBACK } from '../../../server/contract/text/languages.js';
import { isLang, LANGUAGES, type Lang, type Plural, type Translated } from './types.js';

/**
 * English is built in (it is the fallback and the type of every catalogue); Arabic and Sorani are
 * fetched when first chosen, so a phone downloads one language's messages, not three.
 */
const CATALOGUES: Partial<Record<Lang, Catalogue<Plural>>> = { en };
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<Catalogue<Plural>>> = {
  ar: async () => (await import('./ar.js')).ar,
  ckb: async () => (await import('./ckb.js')).ckb,
};

/**
 * Loads a language's catalogue once; false when it could not be fetched (then English stands in).
 * Views that print a second language beside the interface's (the pathway) load it with this.
 */
export async function loadCatalogue(lang: Lang): Promise<boolean> {
  if (CATALOGUES[lang]) return true;
  try {
    CATALOGUES[lang] = await LOADERS[lang as Exclude<Lang, 'en'>]();
    return true;
  } catch {
    return false;
  }
}

const catalogue = (lang: Lang): Catalogue<Plural> => CATALOGUES[lang] ?? en;

/** Intl locales per language; Kurdish falls back to Iraqi Arabic formats where the runtime lacks Sorani data. */
const LOCALES: Record<Lang, string[]> = { en: ['en-GB'], ar: ['ar-IQ'], ckb: ['ckb-IQ', 'ar-IQ'] };
const DIRECTIONS: Record<Lang, 'ltr' | 'rtl'> = { en: 'ltr', ar: 'rtl', ckb: 'rtl' };

/** Each language named in itself, for the language switch. */
export const LANGUAGE_SELF_NAMES: Record<Lang, string> = { en: 'English', ar: 'العربية', ckb: 'کوردی' };

const STORAGE_KEY = 'ct-directory.language';

export type Params = Record<string, string | number>;

/** Vocabulary kinds whose labels live in the catalogues as `<kind>.<code>`. */
export type VocabularyKind = 'population' | 'orgType' | 'language' | 'status' | 'phone' | 'weekday';

export interface PickedText {
  text: string;
  lang: Lang;
  /** True when the text is not in the asked language. */
  fallback: boolean;
}

export function pickText(value: Translated | null | undefined, lang: Lang): PickedText | undefined {
  if (!value) return undefined;
  for (const candidate of CONTENT_FALLBACK[lang]) {
    const text = value[candidate];
    if (text) return { text, lang: candidate, fallback: candidate !== lang };
  }
  return undefined;
}

function interpolate(template: string, params: Params | undefined, lang: Lang): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function translate(lang: Lang, key: TextKey, params?: Params): string {
  return interpolate(catalogue(lang)[key], params, lang);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** Plural message: an explicit `zero` form wins for 0, otherwise the CLDR category of the locale. */
export function translatePlural(lang: Lang, key: PluralKey, count: number, params?: Params): string {
  const forms = catalogue(lang)[key];
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    pluralRules.set(lang, rules);
  }
  const form = (count === 0 ? forms.zero : undefined) ?? forms[rules.select(count)] ?? forms.other;
  return interpolate(form, { ...params, count }, lang);
}

export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALES[lang], options).format(value);
}

/** A calendar date (ISO string or Date) in the locale's medium style. */
export function formatDate(lang: Lang, value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium' }).format(date);
}

/** How long ago (or until) a moment is, in the largest whole unit: "2 hours ago", "أمس". */
export function formatRelative(lang: Lang, value: string | Date, now = Date.now()): string {
  const seconds = (new Date(value).getTime() - now) / 1000;
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3_600], ['minute', 60]];
  const [unit, size] = steps.find(([, s]) => Math.abs(seconds) >= s) ?? ['minute', 60];
  return new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

/** A wall-clock time given as "HH:MM" (opening hours), in the locale's style. */
export function formatTime(lang: Lang, hhmm: string): string {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(LOCALES[lang], { hour: 'numeric', minute: '2-digit' }).format(
    new Date(2000, 0, 1, hours, minutes),
  );
}

export function vocabulary(lang: Lang, kind: VocabularyKind, code: string): string {
  const key = `${kind}.${code}`;
  const label = (catalogue(lang) as Readonly<Record<string, unknown>>)[key];
  return typeof label === 'string' ? label : code;
}

export function directionOf(lang: Lang): 'ltr' | 'rtl' {
  return DIRECTIONS[lang];
}

/** The language asked for in the address (`?lang=ar`, as the printed pathway's QR code links), else the stored choice, else the browser's. */
function initialLanguage(): Lang {
  // Applies to this visit only: scanning an Arabic printout leaves the phone's stored choice alone.
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLang(asked)) return asked;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall through to the browser's languages.
  }
  for (const tag of navigator.languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
    if (primary === 'ku') return 'ckb';
  }
  return 'en';
}

/** The one current language of the document; components follow it through I18nController. */
class LanguageState {
  #lang: Lang = initialLanguage();
  readonly #listeners = new Set<() => void>();
  /** Settles once the first language's catalogue is in: the app renders after it, never in a language it lacks. */
  readonly ready: Promise<void>;

  constructor() {
    // Direction and Accept-Language are right from the start; the first paint waits for `ready`.
    this.#apply();
    this.ready = loadCatalogue(this.#lang).then((loaded) => {
      // Offline on a first visit in Arabic or Sorani: English for now, the stored choice kept for next time.
      if (!loaded) this.#switch('en', false);
    });
  }

  get lang(): Lang {
    return this.#lang;
  }

  /** Switches once the catalogue is loaded; a language that cannot be fetched (offline) leaves the current one. */
  async set(lang: Lang): Promise<void> {
    if (lang === this.#lang || !(await loadCatalogue(lang))) return;
    this.#switch(lang);
  }

  #switch(lang: Lang, remember = true): void {
    this.#lang = lang;
    try {
      if (remember) localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Not persisted when storage is unavailable; the choice still holds for this visit.
    }
    this.#apply();
    for (const listener of this.#listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #apply(): void {
    document.documentElement.lang = this.#lang;
    document.documentElement.dir = DIRECTIONS[this.#lang];
    // Installing the app names it in the language in use (vite.config.ts writes one manifest per language).
    document.querySelector('link[rel="manifest"]')?.setAttribute('href', `/manifest.${this.#lang}.webmanifest`);
  }
}

export const languageState = new LanguageState();

export function setLanguage(lang: Lang): Promise<void> {
  return languageState.set(lang);
}

/**
 * Gives a Lit component the current language: messages, plurals, Intl formatting, content
 * fallback; re-renders the host when the language changes.
 */
export class I18nController extends SubscriptionController {
  constructor(host: ReactiveControllerHost) {
    super(host, (listener) => languageState.subscribe(listener));
  }

  get lang(): Lang {
    return languageState.lang;
  }

  get dir(): 'ltr' | 'rtl' {
    return DIRECTIONS[this.lang];
  }

  t(key: TextKey, params?: Params): string {
    return translate(this.lang, key, params);
  }

  plural(key: PluralKey, count: number, params?: Params): string {
    return translatePlural(this.lang, key, count, params);
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.lang, value, options);
  }

  date(value: string | Date): string {
    return formatDate(this.lang, value);
  }

  time(hhmm: string): string {
    return formatTime(this.lang, hhmm);
  }

  relative(value: string | Date, now = Date.now()): string {
    return formatRelative(this.lang, value, now);
  }

  list(items: string[]): string {
    return new Intl.ListFormat(LOCALES[this.lang], { type: 'conjunction' }).format(items);
  }

  vocab(kind: VocabularyKind, code: string): string {
    return vocabulary(this.lang, kind, code);
  }

  pick(value: Translated | null | undefined): PickedText | undefined {
    return pickText(value, this.lang);
  }

  /** Content text in the current language or its fallback, as plain text (attributes, titles, sorting). */
  text(value: Translated | null | undefined): string {
    return pickText(value, this.lang)?.text ?? '';
  }
}

export { LANGUAGES };
export type { Lang, Translated };
