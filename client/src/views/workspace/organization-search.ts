import { html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { searchOrganizations, type OrganizationName } from '../../api/workspace.js';
import { I18nController } from '../../i18n/i18n.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './workspace.styles.js';

/**
 * Finds another organisation by name (two letters or more) and offers the matches as buttons;
 * choosing one fires `organization-chosen`. Used for agreement partners and activity partners.
 */
export class OrganizationSearch extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    label: {},
    excluded: { attribute: false },
    error: {},
    disabled: { type: Boolean },
    query: { state: true },
    found: { state: true },
  };

  declare label: string;
  /** Organisations not to offer (the user's own, those already chosen). */
  declare excluded: readonly string[];
  /** A message about the choice, linked to the search box. */
  declare error: string;
  declare disabled: boolean;
  declare query: string;
  declare found: OrganizationName[];

  readonly #i18n = new I18nController(this);
  #search: AbortController | undefined;

  constructor() {
    super();
    this.label = '';
    this.excluded = [];
    this.error = '';
    this.disabled = false;
    this.query = '';
    this.found = [];
  }

  async #find(q: string): Promise<void> {
    this.query = q;
    this.#search?.abort();
    if (q.trim().length < 2) {
      this.found = [];
      return;
    }
    const search = (this.#search = new AbortController());
    try {
      this.found = await searchOrganizations(q.trim(), search.signal);
    } catch {
      // An aborted or failed search leaves the previous matches; typing again searches again.
    }
  }

  #choose(organization: OrganizationName): void {
    this.found = [];
    this.query = '';
    this.dispatchEvent(new CustomEvent<OrganizationName>('organization-chosen', { detail: organization, bubbles: true, composed: true }));
  }

  override render() {
    const t = this.#i18n;
    const matches = this.found.filter((o) => !this.excluded.includes(o.id));
    return html`<div class="field">
      <label for="organization-search">${this.label}</label>
      <input
        id="organization-search"
        type="search"
        autocomplete="off"
        .value=${this.query}
        ?disabled=${this.disabled}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.error ? 'organization-search-error' : undefined)}
        @input=${(e: Event) => void this.#find((e.target as HTMLInputElement).value)}
      />
      ${this.error ? html`<p class="field-error" id="organization-search-error">${this.error}</p>` : nothing}
      ${matches.length
        ? html`<ul class="matches" aria-label=${t.t('workspace.agreements.matches')}>
            ${matches.map(
              (o) => html`<li>
                <button type="button" class="button secondary" @click=${() => this.#choose(o)}>${t.text(o.name)}</button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }
}

customElements.define('ct-organization-search', OrganizationSearch);

declare global {
  interface HTMLElementTagNameMap {
    'ct-organization-search': OrganizationSearch;
  }
}
