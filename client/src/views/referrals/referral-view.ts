import { html, LitElement } from 'lit';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { sharedStyles } from '../../styles/shared.styles.js';

/** One referral: timeline, next actions, comments. */
export class ReferralView extends LitElement {
  static override styles = sharedStyles;

  readonly #i18n = new I18nController(this);

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('nav.referrals'));
    return html`<h1>${i18n.t('nav.referrals')}</h1>`;
  }
}

customElements.define('ct-referral-view', ReferralView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-referral-view': ReferralView;
  }
}
