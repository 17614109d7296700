import { html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ApiError } from '../../api/client.js';
import type { Reference } from '../../api/reference.js';
import {
  listAgreements,
  moveAgreement,
  proposeAgreement,
  type Agreement,
  type AgreementStatus,
  type OrganizationName,
} from '../../api/workspace.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { FieldProblems } from '../../forms/field-problems.js';
import { I18nController } from '../../i18n/i18n.js';
import { ResourceController } from '../../resource-controller.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import './organization-search.js';
import { styles } from './workspace.styles.js';
import { TableCellLabels } from '../../styles/table-labels.js';

/** The moves a party can make, worded as buttons. */
const MOVES: Partial<Record<AgreementStatus, 'accept' | 'decline' | 'withdraw' | 'end'>> = {
  active: 'accept',
  declined: 'decline',
  withdrawn: 'withdraw',
  ended: 'end',
};

/** Referral agreements with other organisations: list, propose, accept or decline, end. */
export class WorkspaceAgreements extends LitElement {
  static override styles = [sharedStyles, styles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = {
    organizationId: {},
    reference: { attribute: false },
    mayManage: { type: Boolean },
    partner: { state: true },
    categories: { state: true },
    startsOn: { state: true },
    endsOn: { state: true },
    problems: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  declare organizationId: string;
  declare reference: Reference | null;
  declare mayManage: boolean;
  declare partner: OrganizationName | null;
  declare categories: string[];
  declare startsOn: string;
  declare endsOn: string;
  declare problems: FieldProblems;
  declare message: string;
  declare busy: boolean;

  readonly #i18n = new I18nController(this);
  readonly #agreements = new ResourceController<Agreement[]>(
    this,
    () => this.organizationId || undefined,
    async (id, signal) => (await listAgreements(id, signal)).items,
  );

  constructor() {
    super();
    this.organizationId = '';
    this.reference = null;
    this.mayManage = false;
    this.partner = null;
    this.categories = [];
    this.startsOn = new Date().toISOString().slice(0, 10);
    this.endsOn = '';
    this.problems = new FieldProblems();
    this.message = '';
    this.busy = false;
  }

  #errorText(error: unknown): string {
    return error instanceof ApiError && !error.isNetwork ? (error.problem.detail ?? error.problem.title) : this.#i18n.t('error.network');
  }

  async #propose(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.partner) {
      this.problems = new FieldProblems([{ field: 'partnerOrganizationId', message: this.#i18n.t('workspace.agreements.choosePartner') }]);
      return;
    }
    this.busy = true;
    try {
      await proposeAgreement({
        partnerOrganizationId: this.partner.id,
        categories: this.categories,
        startsOn: this.startsOn,
        endsOn: this.endsOn || null,
      });
      this.message = this.#i18n.t('workspace.agreements.proposed', { name: this.#i18n.text(this.partner.name) });
      this.problems = new FieldProblems();
      this.partner = null;
      this.categories = [];
      this.#agreements.retry();
    } catch (error) {
      this.problems = FieldProblems.fromApi(error) ?? new FieldProblems();
      if (this.problems.empty) this.message = this.#errorText(error);
    } finally {
      this.busy = false;
    }
  }

  async #move(agreement: Agreement, to: AgreementStatus): Promise<void> {
    this.busy = true;
    try {
      await moveAgreement(agreement.id, to);
      this.message = this.#i18n.t(`workspace.agreements.moved.${MOVES[to] ?? 'end'}`);
      this.#agreements.retry();
    } catch (error) {
      this.message = this.#errorText(error);
    } finally {
      this.busy = false;
    }
  }

  #renderList(agreements: Agreement[]) {
    const t = this.#i18n;
    if (!agreements.length) return html`<p class="muted">${t.t('workspace.none')}</p>`;
    return html`<div class="table-wrap"><table>
      <caption class="visually-hidden">${t.t('workspace.section.agreements')}</caption>
      <thead>
        <tr>
          <th scope="col">${t.t('workspace.agreements.with')}</th>
          <th scope="col">${t.t('workspace.agreements.categories')}</th>
          <th scope="col">${t.t('workspace.agreements.period')}</th>
          <th scope="col">${t.t('workspace.agreements.status')}</th>
          ${this.mayManage ? html`<th scope="col">${t.t('workspace.members.actions')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${agreements.map((a) => {
          const other = a.proposer.id === this.organizationId ? a.partner : a.proposer;
          return html`<tr>
            <th scope="row" dir="auto">${t.text(other.name ?? {})}</th>
            <td>${t.list(a.categories.map((c) => (this.reference ? t.text(this.reference.categoryName(c)) : c)))}</td>
            <td>${t.date(a.startsOn)}${a.endsOn ? html` – ${t.date(a.endsOn)}` : nothing}</td>
            <td>${t.t(`workspace.agreements.status.${a.status}`)}</td>
            ${this.mayManage
              ? html`<td class="actions">
                  ${a.allowedMoves.map(
                    (to) => html`<button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => void this.#move(a, to)}>
                      ${t.t(`workspace.agreements.move.${MOVES[to] ?? 'end'}`)}
                    </button>`,
                  )}
                </td>`
              : nothing}
          </tr>`;
        })}
      </tbody>
    </table></div>`;
  }

  #renderPropose() {
    const t = this.#i18n;
    const p = this.problems;
    return html`<form class="propose" novalidate @submit=${(e: Event) => void this.#propose(e)}>
      <h3>${t.t('workspace.agreements.propose')}</h3>
      <ct-organization-search
        .label=${t.t('workspace.agreements.partner')}
        .excluded=${[this.organizationId]}
        .error=${p.message('partnerOrganizationId') ?? ''}
        @organization-chosen=${(e: CustomEvent<OrganizationName>) => (this.partner = e.detail)}
      ></ct-organization-search>
      ${this.partner ? html`<p>${t.t('workspace.agreements.chosen', { name: t.text(this.partner.name) })}</p>` : nothing}
      <fieldset class="choices" aria-describedby=${ifDefined(p.describedBy('categories'))}>
        <legend>${t.t('workspace.agreements.categories')}</legend>
        <div class="choice-grid">
          ${(this.reference?.categories ?? []).map(
            (c) => html`<label class="choice">
              <input
                type="checkbox"
                .checked=${this.categories.includes(c.code)}
                @change=${(e: Event) =>
                  (this.categories = (e.target as HTMLInputElement).checked
                    ? [...this.categories, c.code]
                    : this.categories.filter((x) => x !== c.code))}
              />
              <span>${t.text(c.name)}</span>
            </label>`,
          )}
        </div>
        ${p.render('categories')}
      </fieldset>
      <div class="field-row">
        <div class="field">
          <label for="starts-on">${t.t('workspace.agreements.startsOn')}</label>
          <input id="starts-on" type="date" .value=${this.startsOn} @input=${(e: Event) => (this.startsOn = (e.target as HTMLInputElement).value)} />
          ${p.render('startsOn')}
        </div>
        <div class="field">
          <label for="ends-on">${t.t('workspace.agreements.endsOn')}</label>
          <input
            id="ends-on"
            type="date"
            .value=${this.endsOn}
            aria-invalid=${p.invalid('endsOn')}
            aria-describedby=${ifDefined(p.describedBy('endsOn'))}
            @input=${(e: Event) => (this.endsOn = (e.target as HTMLInputElement).value)}
          />
          ${p.render('endsOn')}
        </div>
      </div>
      <button type="submit" class="button" ?disabled=${this.busy}>${t.t('workspace.agreements.send')}</button>
    </form>`;
  }

  override render() {
    const t = this.#i18n;
    const state = this.#agreements.state;
    return html`<h2>${t.t('workspace.section.agreements')}</h2>
      <p role="status" class="status">${this.message}</p>
      ${state.state === 'ready' ? this.#renderList(state.value) : renderLoadStatus(t, state, () => this.#agreements.retry())}
      ${this.mayManage ? this.#renderPropose() : nothing}`;
  }
}

customElements.define('ct-workspace-agreements', WorkspaceAgreements);

declare global {
  interface HTMLElementTagNameMap {
    'ct-workspace-agreements': WorkspaceAgreements;
  }
}
