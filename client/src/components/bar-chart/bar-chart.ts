import { html, LitElement, nothing } from 'lit';
import { styles } from './bar-chart.styles.js';

export interface BarSeries {
  label: string;
  colour: string;
}

export interface Bar {
  label: string;
  /** One value per series, stacked in series order. */
  values: number[];
  /** The figure written beside the bar. */
  display: string;
}

/**
 * Horizontal bars drawn with CSS (logical sizes, so they grow from the reading start and mirror in
 * right-to-left languages). A picture only: it is hidden from assistive technology, so it must sit
 * beside a table with the same figures (see ct-coverage-figure).
 */
export class BarChart extends LitElement {
  static override styles = styles;
  static override properties = {
    series: { attribute: false },
    bars: { attribute: false },
    max: { type: Number },
  };

  declare series: BarSeries[];
  declare bars: Bar[];
  /** The value of a full bar; default: the largest stacked total. */
  declare max: number | undefined;

  constructor() {
    super();
    this.series = [];
    this.bars = [];
    this.max = undefined;
  }

  get #max(): number {
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    return this.max ?? Math.max(1, ...this.bars.map((bar) => sum(bar.values)));
  }

  override render() {
    return html`<div aria-hidden="true">
      ${this.series.length > 1
        ? html`<ul class="legend">
            ${this.series.map((s, i) => html`<li><span class="swatch" data-series=${i}></span>${s.label}</li>`)}
          </ul>`
        : nothing}
      <ul class="bars">
        ${this.bars.map(
          (bar, b) => html`<li>
            <span dir="auto">${bar.label}</span>
            <span class="track">
              ${bar.values.map((_, i) => html`<span class="segment" data-bar=${b} data-series=${i}></span>`)}
            </span>
            <span class="value">${bar.display}</span>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  /** Sizes and colours go through the CSSOM: the Content-Security-Policy forbids style attributes. */
  override updated(): void {
    const max = this.#max;
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('[data-series]')) {
      const series = Number(element.dataset.series);
      element.style.background = this.series[series]?.colour ?? 'currentColor';
      if (element.dataset.bar !== undefined) {
        const value = this.bars[Number(element.dataset.bar)]?.values[series] ?? 0;
        element.style.inlineSize = `${(value / max) * 100}%`;
      }
    }
  }
}

customElements.define('ct-bar-chart', BarChart);

declare global {
  interface HTMLElementTagNameMap {
    'ct-bar-chart': BarChart;
  }
}
