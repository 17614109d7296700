import { html, LitElement } from 'lit';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { sharedStyles } from '../../styles/shared.styles.js';

/** The signed-in user's organisation workspace. */
export class WorkspaceView extends LitElement {
  static override styles = sharedStyles;

  readonly #i18n = new I18nController(this);

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('nav.workspace'));
    return html`<h1>${i18n.t('nav.workspace')}</h1>`;
  }
}

customElements.define('ct-workspace-view', WorkspaceView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-workspace-view': WorkspaceView;
  }
}
