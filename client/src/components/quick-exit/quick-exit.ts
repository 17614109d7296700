import { html, LitElement } from 'lit';
import { DEFAULT_QUICK_EXIT_URL } from '../../../../server/contract/site/quick-exit.js';
import { getMeta } from '../../api/client.js';
import { I18nController } from '../../i18n/i18n.js';
import { styles } from './quick-exit.styles.js';

/** Escape this many times within the window leaves the page, as GOV.UK's "Exit this page" does. */
const ESCAPE_PRESSES = 3;
const ESCAPE_WINDOW_MS = 2_000;

/**
 * Replaces the page with the neutral one. `location.replace` takes the directory's entry out of the
 * tab's history, so Back does not bring it up again; the page is hidden first so that nothing of it
 * stays readable while the neutral page loads.
 */
export function leavePage(url: string): void {
  document.documentElement.style.visibility = 'hidden';
  location.replace(url);
}

/**
 * "Exit this page" for someone who may be watched: a button and Escape pressed three times. A link to
 * the neutral page underneath, so that it still leaves when the script has not run.
 */
export class QuickExit extends LitElement {
  static override styles = styles;
  static override properties = { url: { state: true } };

  declare url: string;

  readonly #i18n = new I18nController(this);
  #escapes: number[] = [];

  constructor() {
    super();
    this.url = DEFAULT_QUICK_EXIT_URL;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Until the settings arrive (or when offline) the default neutral page is the way out.
    getMeta().then(
      (meta) => (this.url = meta.quickExitUrl),
      () => undefined,
    );
    document.addEventListener('keydown', this.#onKeyDown);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKeyDown);
    super.disconnectedCallback();
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    this.#escapes = [...this.#escapes.filter((at) => event.timeStamp - at < ESCAPE_WINDOW_MS), event.timeStamp];
    if (this.#escapes.length >= ESCAPE_PRESSES) leavePage(this.url);
  };

  readonly #onClick = (event: MouseEvent): void => {
    event.preventDefault();
    leavePage(this.url);
  };

  override render() {
    const i18n = this.#i18n;
    return html`<div class="bar">
        <a href=${this.url} rel="nofollow noreferrer" aria-describedby="quick-exit-explain" @click=${this.#onClick}>${i18n.t('quickExit.button')}</a>
      </div>
      <p id="quick-exit-explain">${i18n.t('quickExit.explain')}</p>`;
  }
}

customElements.define('ct-quick-exit', QuickExit);

declare global {
  interface HTMLElementTagNameMap {
    'ct-quick-exit': QuickExit;
  }
}
