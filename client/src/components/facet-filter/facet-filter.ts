import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { I18nController } from '../../i18n/i18n.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { colourDot } from '../colour-dot/colour-dot.js';
import { colourDotStyles } from '../colour-dot/colour-dot.styles.js';
import { styles } from './facet-filter.styles.js';

export interface FacetOption {
  value: string;
  label: TemplateResult | string;
  /** Matching services with this value added; undefined while counts are unknown. */
  count?: number | undefined;
  /** Category group, shown as a colour dot. */
  group?: string | null | undefined;
}

export interface FilterChangeDetail {
  name: string;
  values: string[];
}

/**
 * One filter: a collapsible group of toggle chips with the number of matching services on each.
 * Values that would match nothing are left out, unless selected.
 */
export class FacetFilter extends LitElement {
  static override styles = [sharedStyles, ...colourDotStyles, styles];
  static override properties = {
    name: {},
    label: {},
    options: { attribute: false },
    selected: { attribute: false },
    open: { type: Boolean },
  };

  declare name: string;
  declare label: string;
  declare options: FacetOption[];
  declare selected: string[];
  declare open: boolean;

  readonly #i18n = new I18nController(this);

  constructor() {
    super();
    this.name = '';
    this.label = '';
    this.options = [];
    this.selected = [];
    this.open = false;
  }

  #toggle(value: string): void {
    const values = this.selected.includes(value) ? this.selected.filter((v) => v !== value) : [...this.selected, value];
    this.dispatchEvent(
      new CustomEvent<FilterChangeDetail>('ct-filter-change', { detail: { name: this.name, values }, bubbles: true, composed: true }),
    );
  }

  override render() {
    const i18n = this.#i18n;
    const visible = this.options.filter((o) => o.count === undefined || o.count > 0 || this.selected.includes(o.value));
    const selectedCount = this.selected.length;
    return html`<details ?open=${this.open || selectedCount > 0}>
      <summary>
        <span class="label">${this.label}</span>
        ${selectedCount ? html`<span class="badge positive">${i18n.plural('filters.selected', selectedCount)}</span>` : nothing}
      </summary>
      <div class="chips" role="group" aria-label=${this.label}>
        ${visible.map((option) => {
          const pressed = this.selected.includes(option.value);
          return html`<button type="button" class="chip" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this.#toggle(option.value)}>
            ${option.group === undefined ? nothing : colourDot(option.group)}
            <span>${option.label}</span>
            ${option.count === undefined ? nothing : html`<span class="count">${i18n.number(option.count)}</span>`}
          </button>`;
        })}
      </div>
    </details>`;
  }
}

customElements.define('ct-facet-filter', FacetFilter);

declare global {
  interface HTMLElementTagNameMap {
    'ct-facet-filter': FacetFilter;
  }
}
