import { html, LitElement } from 'lit';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { sharedStyles } from '../../styles/shared.styles.js';

/** Any URL the app does not know. */
export class NotFoundView extends LitElement {
  static override styles = sharedStyles;

  readonly #i18n = new I18nController(this);

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('notFound.title'));
    return html`<h1>${i18n.t('notFound.title')}</h1>
      <p>${i18n.t('error.notFound')}</p>
      <p><a class="button" href="/">${i18n.t('notFound.home')}</a></p>`;
  }
}

customElements.define('ct-not-found-view', NotFoundView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-not-found-view': NotFoundView;
  }
}
