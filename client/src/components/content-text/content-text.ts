import { html, nothing, type TemplateResult } from 'lit';
import type { I18nController } from '../../i18n/i18n.js';
import type { Translated } from '../../i18n/types.js';

/**
 * Directory content (names, descriptions…) in the reader's language or its fallback. Text in
 * another language carries its own `lang`/`dir` and a small badge naming the language, so screen
 * readers pronounce it correctly and sighted readers know why it is not in their language.
 */
export function contentText(i18n: I18nController, value: Translated | null | undefined): TemplateResult | typeof nothing {
  const picked = i18n.pick(value);
  if (!picked) return nothing;
  if (!picked.fallback) return html`${picked.text}`;
  return html`<span lang=${picked.lang} dir="auto">${picked.text}</span>
    <span class="content-fallback">${i18n.t(`content.in.${picked.lang}`)}</span>`;
}
