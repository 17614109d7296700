import { html, LitElement, nothing } from 'lit';
import { TermCreate, TermUpdate } from '../../../../../server/contract/directory/taxonomy/taxonomy.schemas.js';
import { createTerm, listTerms, readTerm, setTermArchived, updateTerm, type TermView } from '../../../api/admin.js';
import { ApiError } from '../../../api/client.js';
import { renderLoadStatus } from '../../../components/load-status/load-status.js';
import '../../../components/translated-fields/translated-fields.js';
import { check, FieldProblems, focusFirstInvalid, localised } from '../../../forms/field-problems.js';
import { I18nController } from '../../../i18n/i18n.js';
import { LANGUAGES, type Translated } from '../../../i18n/types.js';
import { ResourceController } from '../../../resource-controller.js';
import { sharedStyles } from '../../../styles/shared.styles.js';
import { adminStyles } from '../admin.styles.js';
import { failureMessage } from '../failure.js';
import { translatedField, wordListsField, type FormContext } from '../../workspace/form-fields.js';
import { RecordEditor } from '../../workspace/record-editor.js';
import { styles } from './admin-taxonomy.styles.js';
import { TableCellLabels } from '../../../styles/table-labels.js';

/** A new category: its group, code and names. */
interface Draft {
  parent: string;
  code: string;
  name: Translated;
  description: Translated;
}

const EMPTY_DRAFT: Draft = { parent: '', code: '', name: {}, description: {} };
/** What the edit form changes: the names and the words search takes as the term. */
const EDITABLE = ['name', 'description', 'synonyms'] as const;

/** The service categories: groups and their categories; add, rename (translations), give search words, archive/restore. */
export class AdminTaxonomy extends LitElement {
  static override styles = [sharedStyles, adminStyles, styles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = {
    draft: { state: true },
    editing: { state: true },
    problems: { state: true },
    busy: { state: true },
    message: { state: true },
    failure: { state: true },
  };

  declare draft: Draft;
  /** The code of the term being edited (its names and search words), or null. */
  declare editing: string | null;
  /** Field errors of the new category's form (the edit form's are the editor's). */
  declare problems: FieldProblems;
  declare busy: boolean;
  declare message: string;
  declare failure: string;
  #round = 0;

  readonly #i18n = new I18nController(this);
  readonly #terms = new ResourceController(this, () => String(this.#round), (_key, signal) => listTerms(signal));
  readonly #editor: RecordEditor<TermView> = new RecordEditor<TermView>(this, {
    fields: () => EDITABLE,
    toDraft: (term) => ({ ...term }),
    save: (changes, etag) => updateTerm(this.editing!, changes, etag),
    reread: () => readTerm(this.editing!),
    check: (changes) => {
      const checked = check(TermUpdate, changes);
      return checked.ok ? undefined : new FieldProblems(localised(checked.problems, this.#messages()));
    },
    onSaved: (term) => {
      this.message = this.#i18n.t('admin.taxonomy.saved', { name: this.#i18n.text(term.name) });
      this.editing = null;
      this.#round++;
    },
  });

  constructor() {
    super();
    this.draft = EMPTY_DRAFT;
    this.editing = null;
    this.problems = new FieldProblems();
    this.busy = false;
    this.message = '';
    this.failure = '';
  }

  #messages(): Record<string, string> {
    const t = this.#i18n;
    return {
      parent: t.t('admin.taxonomy.groupRequired'),
      code: t.t('admin.taxonomy.codeInvalid'),
      name: t.t('admin.taxonomy.nameRequired'),
    };
  }

  async #showProblems(problems: FieldProblems): Promise<void> {
    this.problems = new FieldProblems(localised(problems, this.#messages()));
    await focusFirstInvalid(this);
  }

  /** Runs a change; the error when it failed. Field errors go beside their fields, others above unless `handled`. */
  async #run(change: () => Promise<unknown>, done: string, handled: (error: unknown) => boolean = () => false): Promise<unknown> {
    this.busy = true;
    this.failure = '';
    this.message = '';
    try {
      await change();
      this.message = done;
      this.problems = new FieldProblems();
      this.#round++;
      return undefined;
    } catch (error) {
      const fields = FieldProblems.fromApi(error);
      if (fields) await this.#showProblems(fields);
      else if (!handled(error)) this.failure = failureMessage(this.#i18n, error);
      return error;
    } finally {
      this.busy = false;
    }
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { parent, code, name, description } = this.draft;
    const checked = check(TermCreate, { parent: parent || undefined, code: code.trim(), name, description });
    if (!checked.ok) return this.#showProblems(checked.problems);
    const codeTaken = (error: unknown) => error instanceof ApiError && error.status === 409;
    const error = await this.#run(() => createTerm(checked.value), this.#i18n.t('admin.taxonomy.added', { name: this.#i18n.text(name) }), codeTaken);
    if (!error) this.draft = EMPTY_DRAFT;
    else if (codeTaken(error)) await this.#showProblems(new FieldProblems([{ field: 'code', message: this.#i18n.t('admin.taxonomy.codeTaken') }]));
  }

  async #startEditing(code: string): Promise<void> {
    this.failure = '';
    this.message = '';
    this.problems = new FieldProblems();
    try {
      const read = await readTerm(code);
      this.editing = code;
      this.#editor.start(read);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#edit-title')?.focus();
    } catch (error) {
      this.failure = failureMessage(this.#i18n, error);
    }
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editor = this.#editor;
    this.failure = '';
    if (!editor.dirty) {
      this.editing = null;
      return;
    }
    await editor.save();
    if (editor.conflict) {
      // Someone saved this term meanwhile: show their version to change again rather than overwrite it.
      editor.takeTheirs();
      this.failure = this.#i18n.t('admin.taxonomy.changedMeanwhile');
      this.#round++;
      return;
    }
    if (editor.failure) this.failure = failureMessage(this.#i18n, editor.failure);
    // The server's refusals are in the reader's language already; the form's own words replace its generic ones.
    else if (!editor.problems.empty) editor.problems = new FieldProblems(localised(editor.problems, this.#messages()));
    this.requestUpdate();
    await focusFirstInvalid(this);
  }

  #setArchived(term: TermView, archived: boolean): void {
    const name = this.#i18n.text(term.name);
    void this.#run(() => setTermArchived(term.code, archived), this.#i18n.t(archived ? 'admin.taxonomy.archived' : 'admin.taxonomy.restored', { name }));
  }

  #actions(term: TermView) {
    const i18n = this.#i18n;
    const name = i18n.text(term.name);
    const archived = Boolean(term.archivedAt);
    return html`<div class="actions">
      ${archived
        ? nothing
        : html`<button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => this.#startEditing(term.code)}>
            ${i18n.t('admin.taxonomy.edit')}<span class="visually-hidden">: ${name}</span>
          </button>`}
      <button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => this.#setArchived(term, !archived)}>
        ${i18n.t(archived ? 'admin.taxonomy.restore' : 'admin.taxonomy.archive')}<span class="visually-hidden">: ${name}</span>
      </button>
    </div>`;
  }

  #status(term: TermView) {
    const i18n = this.#i18n;
    return term.archivedAt
      ? html`<span class="badge warning">${i18n.t('admin.taxonomy.archivedOn', { date: i18n.date(term.archivedAt) })}</span>`
      : i18n.t('admin.taxonomy.live');
  }

  #editForm(term: TermView) {
    const i18n = this.#i18n;
    const ctx: FormContext = { editor: this.#editor as RecordEditor<unknown>, i18n, readOnly: false };
    return html`<form class="edit" novalidate @submit=${this.#save}>
      <h4 id="edit-title" tabindex="-1">${i18n.t('admin.taxonomy.editing', { name: i18n.text(term.name) })}</h4>
      ${translatedField(ctx, 'name', i18n.t('admin.taxonomy.name'), { required: true })}
      ${translatedField(ctx, 'description', i18n.t('admin.taxonomy.description'), { multiline: true })}
      ${wordListsField(ctx, 'synonyms', i18n.t('admin.taxonomy.synonyms'))}
      <p class="hint">${i18n.t('admin.taxonomy.synonymsHint')}</p>
      <div class="actions">
        <button class="button" type="submit" ?disabled=${this.#editor.saving}>${i18n.t('admin.taxonomy.save')}</button>
        <button class="button secondary" type="button" @click=${() => (this.editing = null)}>${i18n.t('admin.cancel')}</button>
      </div>
    </form>`;
  }

  /** A term's search words, per language, each list in its own language and direction. */
  #synonyms(term: TermView) {
    const i18n = this.#i18n;
    const languages = LANGUAGES.filter((lang) => term.synonyms[lang].length);
    if (!languages.length) return html`<span class="muted">${i18n.t('admin.taxonomy.noSynonyms')}</span>`;
    return html`<ul class="synonyms">
      ${languages.map(
        (lang) => html`<li>
          <span class="muted">${i18n.t(`translated.${lang}`)}:</span>
          <span lang=${lang} dir="auto">${term.synonyms[lang].join(lang === 'en' ? ', ' : '، ')}</span>
        </li>`,
      )}
    </ul>`;
  }

  #group(group: TermView, terms: TermView[]) {
    const i18n = this.#i18n;
    const categories = terms.filter((t) => t.parent === group.code);
    const editing = [group, ...categories].find((t) => t.code === this.editing);
    const titleId = `group-${group.code}`;
    return html`<section class="group" aria-labelledby=${titleId}>
      <div class="group-head">
        <h3 id=${titleId}>${i18n.text(group.name)} ${group.archivedAt ? this.#status(group) : nothing}</h3>
        ${this.#actions(group)}
      </div>
      ${categories.length
        ? html`<div class="table-wrap">
            <table>
              <caption class="visually-hidden">${i18n.t('admin.taxonomy.categoriesOf', { group: i18n.text(group.name) })}</caption>
              <thead>
                <tr>
                  <th scope="col">${i18n.t('admin.taxonomy.category')}</th>
                  <th scope="col">${i18n.t('admin.taxonomy.code')}</th>
                  <th scope="col">${i18n.t('admin.taxonomy.synonyms')}</th>
                  <th scope="col">${i18n.t('admin.field.status')}</th>
                  <th scope="col">${i18n.t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${categories.map(
                  (c) => html`<tr>
                    <th scope="row">${i18n.text(c.name)}</th>
                    <td><bdi class="ltr">${c.code}</bdi></td>
                    <td>${this.#synonyms(c)}</td>
                    <td>${this.#status(c)}</td>
                    <td>${this.#actions(c)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">${i18n.t('admin.taxonomy.noCategories')}</p>`}
      ${editing ? this.#editForm(editing) : nothing}
    </section>`;
  }

  #addForm(groups: TermView[]) {
    const i18n = this.#i18n;
    const p = this.editing ? new FieldProblems() : this.problems;
    const draft = this.draft;
    const set = (change: Partial<Draft>) => (this.draft = { ...draft, ...change });
    return html`<section aria-labelledby="add-title">
      <h3 id="add-title">${i18n.t('admin.taxonomy.add')}</h3>
      <form class="stacked wide" novalidate @submit=${this.#add}>
        <div>
          <label for="new-parent">${i18n.t('admin.taxonomy.group')}</label>
          <select id="new-parent" required aria-invalid=${p.invalid('parent')} aria-describedby=${p.describedBy('parent') ?? nothing}
            @change=${(e: Event) => set({ parent: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${draft.parent === ''}>${i18n.t('admin.taxonomy.chooseGroup')}</option>
            ${groups.map((g) => html`<option value=${g.code} ?selected=${g.code === draft.parent}>${i18n.text(g.name)}</option>`)}
          </select>
          ${p.render('parent')}
        </div>
        <div>
          <label for="new-code">${i18n.t('admin.taxonomy.code')}</label>
          <input id="new-code" dir="ltr" autocomplete="off" required .value=${draft.code}
            aria-invalid=${p.invalid('code')} aria-describedby="new-code-hint ${p.describedBy('code') ?? ''}"
            @input=${(e: Event) => set({ code: (e.target as HTMLInputElement).value })} />
          <p class="muted" id="new-code-hint">${i18n.t('admin.taxonomy.codeHint')}</p>
          ${p.render('code')}
        </div>
        <ct-translated-fields .label=${i18n.t('admin.taxonomy.name')} name="name" required .value=${draft.name} .problems=${p}
          @value-changed=${(e: CustomEvent<Translated>) => set({ name: e.detail })}></ct-translated-fields>
        <ct-translated-fields .label=${i18n.t('admin.taxonomy.description')} name="description" multiline .value=${draft.description} .problems=${p}
          @value-changed=${(e: CustomEvent<Translated>) => set({ description: e.detail })}></ct-translated-fields>
        <div><button class="button" type="submit" ?disabled=${this.busy}>${i18n.t('admin.taxonomy.addButton')}</button></div>
      </form>
    </section>`;
  }

  override render() {
    const i18n = this.#i18n;
    const terms = this.#terms.value;
    const groups = terms?.filter((t) => t.parent === null) ?? [];
    return html`<h2>${i18n.t('admin.taxonomy.title')}</h2>
      <p>${i18n.t('admin.taxonomy.intro')}</p>
      <p class="note">${i18n.t('admin.taxonomy.archiveNote')}</p>
      <p class="status" role="status">${this.message}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      ${terms
        ? html`${groups.map((g) => this.#group(g, terms))} ${this.#addForm(groups.filter((g) => !g.archivedAt))}`
        : renderLoadStatus(i18n, this.#terms.state, () => this.#terms.retry())}`;
  }
}

customElements.define('ct-admin-taxonomy', AdminTaxonomy);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-taxonomy': AdminTaxonomy;
  }
}
