import { html, LitElement } from 'lit';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { sharedStyles } from '../../styles/shared.styles.js';

/** Account pages: change password, accept an invitation, reset a password. */
export class AccountView extends LitElement {
  static override styles = sharedStyles;

  readonly #i18n = new I18nController(this);

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('nav.accountSettings'));
    return html`<h1>${i18n.t('nav.accountSettings')}</h1>`;
  }
}

customElements.define('ct-account-view', AccountView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-account-view': AccountView;
  }
}
