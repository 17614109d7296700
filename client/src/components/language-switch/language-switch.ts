import { html, LitElement } from 'lit';
import { I18nController, LANGUAGE_SELF_NAMES, LANGUAGES } from '../../i18n/i18n.js';
import { session } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './language-switch.styles.js';

/** Switches the interface language (and, signed in, the account's); each language is named in itself, so anyone can find theirs. */
export class LanguageSwitch extends LitElement {
  static override styles = [sharedStyles, styles];

  readonly #i18n = new I18nController(this);

  override render() {
    return html`<div role="group" aria-label=${this.#i18n.t('nav.language')}>
      ${LANGUAGES.map(
        (lang) =>
          html`<button
            type="button"
            lang=${lang}
            aria-pressed=${lang === this.#i18n.lang ? 'true' : 'false'}
            @click=${() => session.chooseLanguage(lang)}
          >
            ${LANGUAGE_SELF_NAMES[lang]}
          </button>`,
      )}
    </div>`;
  }
}

customElements.define('ct-language-switch', LanguageSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'ct-language-switch': LanguageSwitch;
  }
}
