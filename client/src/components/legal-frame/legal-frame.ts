import { html, nothing, type TemplateResult } from 'lit';
import type { LegalFrameView } from '../../../../server/contract/directory/legal-frames/legal-frame.schemas.js';
import { pickText, translate } from '../../i18n/i18n.js';
import type { Lang, Translated } from '../../i18n/types.js';

/** A text in `lang`, marked with the language it fell back to when it has no translation yet. */
function text(value: Translated, lang: Lang): TemplateResult | typeof nothing {
  const picked = pickText(value, lang);
  return picked ? html`<span lang=${picked.lang}>${picked.text}</span>` : nothing;
}

/**
 * The law in force and the bodies competent under it, in one language (the printed pathway shows it in
 * two side by side, so the language is given rather than taken from the interface). Nothing when no
 * frame applies.
 */
export function renderLegalFrames(lang: Lang, frames: readonly LegalFrameView[]): TemplateResult | typeof nothing {
  if (!frames.length) return nothing;
  return html`<section class="legal-frame" lang=${lang} dir=${lang === 'en' ? 'ltr' : 'rtl'}>
    <h2>${translate(lang, 'legalFrame.title')}</h2>
    ${frames.map(
      (frame) => html`<p class="law"><strong>${text(frame.name, lang)}</strong>: ${text(frame.citation, lang)}</p>
        ${frame.competentBodies.length
          ? html`<p class="bodies">
              ${translate(lang, 'legalFrame.bodies')}:
              ${frame.competentBodies.map((body, i) => html`${i ? '; ' : ''}${text(body, lang)}`)}
            </p>`
          : nothing}`,
    )}
  </section>`;
}
