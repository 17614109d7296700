import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { I18nController } from '../../i18n/i18n.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './conflict-review.styles.js';

export interface ConflictRow {
  label: string;
  theirs: TemplateResult | string;
  mine: TemplateResult | string;
  /** Both people changed this field: the choice matters most here. */
  changedByBoth: boolean;
}

/**
 * Someone else saved the record while this user was editing it: their saved values next to this
 * user's, field by field. The user keeps theirs (`take-theirs`) or re-applies their own changes on
 * top of the saved version (`apply-mine`). Focus moves to the heading, which screen readers then read.
 */
export class ConflictReview extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = { rows: { attribute: false }, busy: { type: Boolean } };

  declare rows: ConflictRow[];
  declare busy: boolean;

  readonly #i18n = new I18nController(this);

  constructor() {
    super();
    this.rows = [];
    this.busy = false;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  #fire(name: 'take-theirs' | 'apply-mine'): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  override render() {
    const t = this.#i18n;
    return html`<section class="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title" tabindex="-1">${t.t('conflict.title')}</h2>
      <p>${t.t('conflict.intro')}</p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">${t.t('conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t.t('conflict.field')}</th>
              <th scope="col">${t.t('conflict.theirs')}</th>
              <th scope="col">${t.t('conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.rows.map(
              (row) => html`<tr class=${row.changedByBoth ? 'both' : ''}>
                <th scope="row">
                  ${row.label}
                  ${row.changedByBoth ? html`<span class="badge warning">${t.t('conflict.both')}</span>` : nothing}
                </th>
                <td>${row.theirs}</td>
                <td>${row.mine}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => this.#fire('take-theirs')}>
          ${t.t('conflict.takeTheirs')}
        </button>
        <button type="button" class="button" ?disabled=${this.busy} @click=${() => this.#fire('apply-mine')}>
          ${t.t('conflict.applyMine')}
        </button>
      </div>
    </section>`;
  }
}

customElements.define('ct-conflict-review', ConflictReview);

declare global {
  interface HTMLElementTagNameMap {
    'ct-conflict-review': ConflictReview;
  }
}
