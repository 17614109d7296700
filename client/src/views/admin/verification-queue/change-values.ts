import { html, type TemplateResult } from 'lit';
import type { I18nController } from '../../../i18n/i18n.js';
import { LANGUAGES, type Lang } from '../../../i18n/types.js';

const DIRECTION: Record<Lang, 'ltr' | 'rtl'> = { en: 'ltr', ar: 'rtl', ckb: 'rtl' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTranslated = (value: Record<string, unknown>) => Object.keys(value).length > 0 && Object.keys(value).every((k) => (LANGUAGES as readonly string[]).includes(k));

/** One item of a list: a phone by its number, opening hours by days and times, a code as it is. */
function item(value: unknown): string {
  if (!isRecord(value)) return String(value);
  if (typeof value.number === 'string') return value.number;
  if (Array.isArray(value.byDay)) return `${value.byDay.join(' ')} ${value.opensAt ?? ''}–${value.closesAt ?? ''}`.trim();
  return JSON.stringify(value);
}

/**
 * A field's value as verified or now, readable: texts in each language they have (the admin checks
 * every translation), lists joined, yes/no; "empty" and "not on record" in words.
 */
export function renderChange(i18n: I18nController, value: unknown): TemplateResult | string {
  if (value === undefined) return html`<em>${i18n.t('admin.verification.unrecorded')}</em>`;
  if (value === null || value === '' || (Array.isArray(value) && !value.length)) return html`<em>${i18n.t('admin.verification.empty-value')}</em>`;
  if (typeof value === 'boolean') return i18n.t(value ? 'admin.verification.yes' : 'admin.verification.no');
  if (Array.isArray(value)) return html`<bdi dir="auto">${value.map(item).join(i18n.t('app.comma'))}</bdi>`;
  if (isRecord(value) && isTranslated(value)) {
    return html`${LANGUAGES.filter((l) => value[l]).map(
      (l) => html`<span class="translation"><span class="muted">${l}</span> <bdi lang=${l} dir=${DIRECTION[l]}>${String(value[l])}</bdi></span> `,
    )}`;
  }
  return html`<bdi dir="auto">${isRecord(value) ? JSON.stringify(value) : String(value)}</bdi>`;
}
