import { html, LitElement } from 'lit';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { sharedStyles } from '../../styles/shared.styles.js';

/** Platform administration. */
export class AdminView extends LitElement {
  static override styles = sharedStyles;

  readonly #i18n = new I18nController(this);

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('nav.admin'));
    return html`<h1>${i18n.t('nav.admin')}</h1>`;
  }
}

customElements.define('ct-admin-view', AdminView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-view': AdminView;
  }
}
