import { html, LitElement, nothing } from 'lit';
import { z } from 'zod';
import { organizationInputWith } from '../../../../../server/contract/directory/organizations/organization.input.js';
import { ARCHIVED_CHOICES, type ArchivedChoice } from '../../../../../server/contract/directory/records/archived.js';
import { ORGANIZATION_TYPES, VERIFICATION_STATES } from '../../../../../server/contract/directory/vocabulary.js';
import {
  createOrganization,
  inviteToClaim,
  listOrganizations,
  setOrganizationArchived,
  type OrganizationFilter,
  type OrganizationSummary,
} from '../../../api/admin.js';
import { loadReference, type Reference } from '../../../api/reference.js';
import { renderLoadStatus } from '../../../components/load-status/load-status.js';
import { check, FieldProblems, focusFirstInvalid, localised } from '../../../forms/field-problems.js';
import { I18nController } from '../../../i18n/i18n.js';
import { ResourceController } from '../../../resource-controller.js';
import { sharedStyles } from '../../../styles/shared.styles.js';
import { profileForm } from '../../workspace/definitions.js';
import { RecordEditor } from '../../workspace/record-editor.js';
import { styles as formStyles } from '../../workspace/workspace.styles.js';
import { adminStyles } from '../admin.styles.js';
import { failureMessage } from '../failure.js';
import { renderPager } from '../pager.js';
import { TableCellLabels } from '../../../styles/table-labels.js';

/** The web app offers governorates by their ISO code, so the server's file lookup is not needed here. */
const { OrganizationCreate } = organizationInputWith(z.string());

const NEW_ORGANIZATION = { type: 'local-ngo', acceptsReferrals: true, governorates: [], languages: [], phones: [] };

/** Every organisation (archived too): filter, open its public page, archive and restore, create one. */
export class AdminOrganizations extends LitElement {
  static override styles = [sharedStyles, adminStyles, formStyles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = {
    filter: { state: true },
    reference: { state: true },
    creating: { state: true },
    busy: { state: true },
    message: { state: true },
    created: { state: true },
    failure: { state: true },
  };

  declare filter: OrganizationFilter;
  declare reference: Reference | null;
  declare creating: boolean;
  /** The organisation being archived or restored. */
  declare busy: string | null;
  declare message: string;
  /** The organisation just created, linked from the confirmation. */
  declare created: OrganizationSummary | null;
  declare failure: string;
  #round = 0;

  readonly #i18n = new I18nController(this);
  readonly #organizations = new ResourceController(
    this,
    () => `${JSON.stringify(this.filter)}:${this.#round}`,
    (_key, signal) => listOrganizations(this.filter, signal),
  );
  readonly #editor = new RecordEditor<OrganizationSummary>(this, {
    fields: () => profileForm.fields,
    toDraft: (organization) => ({ ...organization }),
    save: (changes) => createOrganization(changes),
    // A new record has no version anyone could have overtaken.
    reread: () => Promise.reject(new Error('nothing to re-read for a new organisation')),
    onSaved: (organization) => this.#created(organization),
  });

  constructor() {
    super();
    this.filter = { page: 1, archived: 'exclude' };
    this.reference = null;
    this.creating = false;
    this.busy = null;
    this.message = '';
    this.created = null;
    this.failure = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadReference().then(
      (reference) => (this.reference = reference),
      () => (this.reference = null),
    );
  }

  #applyFilter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const archived = value('archived');
    this.filter = {
      q: value('q'),
      organizationType: value('organizationType'),
      governorate: value('governorate'),
      verification: value('verification'),
      archived: (ARCHIVED_CHOICES as readonly string[]).includes(archived ?? '') ? (archived as ArchivedChoice) : 'exclude',
      page: 1,
    };
  }

  /** Archives or restores, or invites the organisation to claim its record; then says so. */
  async #act(organization: OrganizationSummary, action: 'archive' | 'restore' | 'claim'): Promise<void> {
    const i18n = this.#i18n;
    const name = i18n.text(organization.name);
    this.busy = organization.id;
    this.failure = '';
    this.message = '';
    this.created = null;
    try {
      if (action === 'claim') await inviteToClaim(organization.id);
      else await setOrganizationArchived(organization.id, action === 'archive');
      const done = { archive: 'admin.organizations.archived', restore: 'admin.organizations.restored', claim: 'admin.organizations.claimInvited' } as const;
      this.message = i18n.t(done[action], { name });
      this.#round++;
    } catch (error) {
      this.failure = failureMessage(i18n, error);
    } finally {
      this.busy = null;
    }
  }

  #startCreating(): void {
    this.#editor.startNew(NEW_ORGANIZATION);
    this.creating = true;
    this.created = null;
    this.message = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#new-organization-title')?.focus());
  }

  #problemMessages(): Record<string, string> {
    const t = this.#i18n;
    return {
      name: t.t('admin.organizations.nameRequired'),
      type: t.t('admin.organizations.typeRequired'),
      website: t.t('admin.organizations.websiteInvalid'),
      email: t.t('admin.organizations.emailInvalid'),
    };
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editor = this.#editor;
    const checked = check(OrganizationCreate, editor.changes());
    if (!checked.ok) {
      editor.problems = new FieldProblems(localised(checked.problems, this.#problemMessages()));
      this.requestUpdate();
      await focusFirstInvalid(this);
      return;
    }
    await editor.save();
    if (!editor.problems.empty) {
      editor.problems = new FieldProblems(localised(editor.problems, this.#problemMessages()));
      this.requestUpdate();
      await focusFirstInvalid(this);
    }
  }

  #created(organization: OrganizationSummary): void {
    this.created = organization;
    this.creating = false;
    this.message = this.#i18n.t('admin.organizations.created', { name: this.#i18n.text(organization.name) });
    this.#round++;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#created-link')?.focus());
  }

  #governorates(codes: readonly string[]): string {
    const reference = this.reference;
    return this.#i18n.list(codes.map((code) => (reference ? this.#i18n.text(reference.governorateName(code)) : code)));
  }

  #row(o: OrganizationSummary) {
    const i18n = this.#i18n;
    const name = i18n.text(o.name);
    const archived = Boolean(o.archivedAt);
    return html`<tr>
      <th scope="row"><a href="/organizations/${encodeURIComponent(o.id)}">${name}</a></th>
      <td>${i18n.vocab('orgType', o.type)}</td>
      <td>${this.#governorates(o.governorates)}</td>
      <td>${i18n.t(`admin.organizations.verification.${o.verification.status}`)}</td>
      <td>
        ${archived
          ? html`<span class="badge warning">${i18n.t('admin.organizations.archivedOn', { date: i18n.date(o.archivedAt!) })}</span>`
          : i18n.t('admin.organizations.live')}
      </td>
      <td>
        <button type="button" class="button secondary" ?disabled=${this.busy !== null} @click=${() => this.#act(o, archived ? 'restore' : 'archive')}>
          ${i18n.t(archived ? 'admin.organizations.restore' : 'admin.organizations.archive')}<span class="visually-hidden">: ${name}</span>
        </button>
        ${!archived && o.email && !o.acceptsReferralsOnPlatform
          ? html`<button type="button" class="button secondary" ?disabled=${this.busy !== null} @click=${() => this.#act(o, 'claim')}>
              ${i18n.t('admin.organizations.inviteToClaim')}<span class="visually-hidden">: ${name}</span>
            </button>`
          : nothing}
      </td>
    </tr>`;
  }

  #table() {
    const i18n = this.#i18n;
    const organizations = this.#organizations.value;
    if (!organizations) return renderLoadStatus(i18n, this.#organizations.state, () => this.#organizations.retry());
    if (!organizations.items.length) return html`<p>${i18n.t('admin.organizations.none')}</p>`;
    return html`<div class="table-wrap">
        <table>
          <caption>${i18n.plural('admin.organizations.count', organizations.total)}</caption>
          <thead>
            <tr>
              <th scope="col">${i18n.t('admin.field.name')}</th>
              <th scope="col">${i18n.t('admin.field.type')}</th>
              <th scope="col">${i18n.t('admin.field.governorates')}</th>
              <th scope="col">${i18n.t('admin.organizations.verificationColumn')}</th>
              <th scope="col">${i18n.t('admin.field.status')}</th>
              <th scope="col">${i18n.t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${organizations.items.map((o) => this.#row(o))}
          </tbody>
        </table>
      </div>
      ${renderPager(i18n, organizations, (page) => (this.filter = { ...this.filter, page }))}`;
  }

  #filters() {
    const i18n = this.#i18n;
    const f = this.filter;
    const option = (value: string, label: string, selected: string | undefined) =>
      html`<option value=${value} ?selected=${value === selected}>${label}</option>`;
    return html`<form class="filters" role="search" aria-label=${i18n.t('admin.organizations.filters')} @submit=${this.#applyFilter}>
      <div>
        <label for="filter-q">${i18n.t('admin.organizations.search')}</label>
        <input id="filter-q" name="q" type="search" .value=${f.q ?? ''} />
      </div>
      <div>
        <label for="filter-type">${i18n.t('admin.field.type')}</label>
        <select id="filter-type" name="organizationType">
          <option value="">${i18n.t('admin.all')}</option>
          ${ORGANIZATION_TYPES.map((type) => option(type, i18n.vocab('orgType', type), f.organizationType))}
        </select>
      </div>
      <div>
        <label for="filter-governorate">${i18n.t('filters.governorate')}</label>
        <select id="filter-governorate" name="governorate">
          <option value="">${i18n.t('admin.all')}</option>
          ${(this.reference?.governorates ?? []).map((g) => option(g.code, i18n.text(g.name), f.governorate))}
        </select>
      </div>
      <div>
        <label for="filter-verification">${i18n.t('admin.organizations.verificationColumn')}</label>
        <select id="filter-verification" name="verification">
          <option value="">${i18n.t('admin.all')}</option>
          ${VERIFICATION_STATES.map((state) => option(state, i18n.t(`admin.organizations.verification.${state}`), f.verification))}
        </select>
      </div>
      <div>
        <label for="filter-archived">${i18n.t('admin.organizations.archivedFilter')}</label>
        <select id="filter-archived" name="archived">
          ${ARCHIVED_CHOICES.map((choice) => option(choice, i18n.t(`admin.organizations.archivedChoice.${choice}`), f.archived))}
        </select>
      </div>
      <button class="button secondary" type="submit">${i18n.t('admin.filter')}</button>
    </form>`;
  }

  #createForm() {
    const i18n = this.#i18n;
    const editor = this.#editor;
    if (!this.creating) {
      return html`<button type="button" class="button" @click=${this.#startCreating}>${i18n.t('admin.organizations.add')}</button>`;
    }
    const failure = editor.failure ? failureMessage(i18n, editor.failure) : '';
    return html`<section aria-labelledby="new-organization-title">
      <h3 id="new-organization-title" tabindex="-1">${i18n.t('admin.organizations.add')}</h3>
      <p>${i18n.t('admin.organizations.addIntro')}</p>
      <form novalidate @submit=${this.#create}>
        ${profileForm.renderFields({ editor, i18n, readOnly: false, mayChangeNameAndType: true }, this.reference, {}, '')}
        ${failure ? html`<p class="error" role="alert">${failure}</p>` : nothing}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${editor.saving}>${i18n.t('admin.organizations.create')}</button>
          <button class="button secondary" type="button" @click=${() => (this.creating = false)}>${i18n.t('admin.cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  override render() {
    const i18n = this.#i18n;
    const created = this.created;
    return html`<h2>${i18n.t('admin.organizations.title')}</h2>
      <p>${i18n.t('admin.organizations.intro')}</p>
      <p class="status" role="status">
        ${this.message}
        ${created
          ? html`<a id="created-link" href="/organizations/${encodeURIComponent(created.id)}">${i18n.t('admin.organizations.openPage', { name: i18n.text(created.name) })}</a>`
          : nothing}
      </p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      ${this.#createForm()} ${this.#filters()} ${this.#table()}`;
  }
}

customElements.define('ct-admin-organizations', AdminOrganizations);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-organizations': AdminOrganizations;
  }
}
