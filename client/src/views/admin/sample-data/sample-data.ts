import { html, LitElement, nothing } from 'lit';
import { clearSampleData, type SampleCounts } from '../../../api/admin.js';
import { getMeta } from '../../../api/client.js';
import { I18nController } from '../../../i18n/i18n.js';
import { ResourceController } from '../../../resource-controller.js';
import { sharedStyles } from '../../../styles/shared.styles.js';
import { adminStyles } from '../admin.styles.js';
import { failureMessage } from '../failure.js';
import { TableCellLabels } from '../../../styles/table-labels.js';

const COUNTED: (keyof SampleCounts)[] = ['organizations', 'services', 'locations', 'contacts', 'activities'];

/** Removing the fictional sample directory, confirmed by typing a word. */
export class AdminSampleData extends LitElement {
  static override styles = [sharedStyles, adminStyles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = { typed: { state: true }, removed: { state: true }, busy: { state: true }, failure: { state: true } };

  declare typed: string;
  declare removed: SampleCounts | null;
  declare busy: boolean;
  declare failure: string;

  readonly #i18n = new I18nController(this);
  readonly #meta = new ResourceController(this, () => 'meta', () => getMeta());

  constructor() {
    super();
    this.typed = '';
    this.removed = null;
    this.busy = false;
    this.failure = '';
  }

  async #clear(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.typed.trim() !== this.#i18n.t('admin.sample.word')) return;
    this.busy = true;
    this.failure = '';
    try {
      this.removed = await clearSampleData();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#removed')?.focus();
    } catch (error) {
      this.failure = failureMessage(this.#i18n, error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const i18n = this.#i18n;
    const word = i18n.t('admin.sample.word');
    const removed = this.removed;
    const present = this.#meta.value?.sampleData;
    return html`<h2>${i18n.t('admin.sample.title')}</h2>
      <p>${i18n.t('admin.sample.intro')}</p>
      ${removed
        ? html`<section id="removed" tabindex="-1" aria-labelledby="removed-title">
            <h3 id="removed-title">${i18n.t('admin.sample.done')}</h3>
            <table>
              <caption class="visually-hidden">${i18n.t('admin.sample.done')}</caption>
              <tbody>
                ${COUNTED.map((k) => html`<tr><th scope="row">${i18n.t(`admin.sample.kind.${k}`)}</th><td>${i18n.number(removed[k])}</td></tr>`)}
              </tbody>
            </table>
            <p>${i18n.t('admin.sample.reload')}</p>
          </section>`
        : present === false
          ? html`<p class="notice">${i18n.t('admin.sample.none')}</p>`
          : html`<form class="stacked" @submit=${this.#clear}>
              <div>
                <label for="sample-word">${i18n.t('admin.sample.typeWord', { word })}</label>
                <input id="sample-word" autocomplete="off" .value=${this.typed} @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)} />
              </div>
              <div>
                <button class="button" type="submit" ?disabled=${this.busy || this.typed.trim() !== word}>${i18n.t('admin.sample.clear')}</button>
              </div>
            </form>`}
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}`;
  }
}

customElements.define('ct-admin-sample-data', AdminSampleData);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-sample-data': AdminSampleData;
  }
}
