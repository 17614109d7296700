import { html, LitElement } from 'lit';
import { I18nController } from '../../i18n/i18n.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './coverage-figure.styles.js';

/**
 * A chart with its table: the chart (slot "chart") for the eye, the table (slot "table") with the
 * same figures for screen readers, and a button that shows the table instead of the chart.
 */
export class CoverageFigure extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    caption: {},
    showTable: { type: Boolean, attribute: 'show-table', reflect: true },
  };

  declare caption: string;
  declare showTable: boolean;

  readonly #i18n = new I18nController(this);

  constructor() {
    super();
    this.caption = '';
    this.showTable = false;
  }

  override render() {
    const i18n = this.#i18n;
    return html`<figure>
      <div class="head">
        <figcaption>${this.caption}</figcaption>
        <button type="button" class="button secondary" aria-pressed=${String(this.showTable)} @click=${() => (this.showTable = !this.showTable)}>
          ${i18n.t('coverage.showTable')}
        </button>
      </div>
      <div class="chart" ?hidden=${this.showTable}><slot name="chart"></slot></div>
      <div class="table ${this.showTable ? '' : 'offscreen'}"><slot name="table"></slot></div>
    </figure>`;
  }
}

customElements.define('ct-coverage-figure', CoverageFigure);

declare global {
  interface HTMLElementTagNameMap {
    'ct-coverage-figure': CoverageFigure;
  }
}
