import { html, LitElement } from 'lit';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { RouteController } from '../../router.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import './accept-invitation/accept-invitation.js';
import './profile/account-profile.js';
import './reset-password/reset-password.js';

/** Account pages: /account (who you are, change password), and the pages mail links open. */
export class AccountView extends LitElement {
  static override styles = sharedStyles;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);

  override render() {
    const i18n = this.#i18n;
    switch (this.#routes.route.params.section) {
      case undefined:
        setPageTitle(i18n, i18n.t('nav.accountSettings'));
        return html`<ct-account-profile></ct-account-profile>`;
      case 'accept-invitation':
        setPageTitle(i18n, i18n.t('account.accept.title'));
        return html`<ct-accept-invitation></ct-accept-invitation>`;
      case 'reset-password':
        setPageTitle(i18n, i18n.t('account.reset.title'));
        return html`<ct-reset-password></ct-reset-password>`;
      default:
        setPageTitle(i18n, i18n.t('notFound.title'));
        return html`<h1>${i18n.t('notFound.title')}</h1>
          <p>${i18n.t('error.notFound')}</p>`;
    }
  }
}

customElements.define('ct-account-view', AccountView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-account-view': AccountView;
  }
}
