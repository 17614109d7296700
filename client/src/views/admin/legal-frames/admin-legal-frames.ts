import { html, LitElement, nothing } from 'lit';
import { z } from 'zod';
import { legalFrameInputWith } from '../../../../../server/contract/directory/legal-frames/legal-frame.schemas.js';
import { createLegalFrame, listLegalFrames, readLegalFrame, setLegalFrameArchived, updateLegalFrame, type LegalFrameEntry } from '../../../api/admin.js';
import { ApiError } from '../../../api/client.js';
import { loadReference, type Reference } from '../../../api/reference.js';
import { renderLoadStatus } from '../../../components/load-status/load-status.js';
import { check, FieldProblems, focusFirstInvalid, localised } from '../../../forms/field-problems.js';
import { I18nController } from '../../../i18n/i18n.js';
import { ResourceController } from '../../../resource-controller.js';
import { sharedStyles } from '../../../styles/shared.styles.js';
import { TableCellLabels } from '../../../styles/table-labels.js';
import { choiceList, numberField, textField, translatedField, translatedListField, type FormContext } from '../../workspace/form-fields.js';
import { RecordEditor, type Draft } from '../../workspace/record-editor.js';
import { styles as formStyles } from '../../workspace/workspace.styles.js';
import { adminStyles } from '../admin.styles.js';
import { failureMessage } from '../failure.js';

/** The web app offers governorates by their ISO code, so the server's code lookup is not needed here. */
const { LegalFrameCreate, LegalFrameUpdate } = legalFrameInputWith(z.string());

const FIELDS = ['code', 'name', 'citation', 'competentBodies', 'governorates', 'order'] as const;
const NEW_FRAME: Draft = { code: '', name: {}, citation: {}, competentBodies: [{}], governorates: [], order: 100 };

/** The legal frames of the pathway and referral pages: list, add, edit, archive and restore. */
export class AdminLegalFrames extends LitElement {
  static override styles = [sharedStyles, adminStyles, formStyles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = {
    reference: { state: true },
    editing: { state: true },
    busy: { state: true },
    message: { state: true },
    failure: { state: true },
  };

  declare reference: Reference | null;
  /** The form in use: 'new', the id of the frame being edited, or null. */
  declare editing: string | null;
  declare busy: boolean;
  declare message: string;
  declare failure: string;
  #round = 0;

  readonly #i18n = new I18nController(this);
  readonly #frames = new ResourceController(this, () => String(this.#round), (_key, signal) => listLegalFrames(signal));
  readonly #editor: RecordEditor<LegalFrameEntry> = new RecordEditor<LegalFrameEntry>(this, {
    fields: () => FIELDS,
    toDraft: (frame) => ({ ...frame }),
    save: (changes, etag) =>
      etag ? updateLegalFrame(this.editing!, changes, etag) : createLegalFrame(changes as z.infer<typeof LegalFrameCreate>),
    reread: () => readLegalFrame(this.editing!),
    check: (changes): FieldProblems | undefined => {
      const checked = check(this.#editor.creating ? LegalFrameCreate : LegalFrameUpdate, changes);
      return checked.ok ? undefined : this.#localised(checked.problems);
    },
    onSaved: (frame) => this.#saved(frame),
  });

  constructor() {
    super();
    this.reference = null;
    this.editing = null;
    this.busy = false;
    this.message = '';
    this.failure = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadReference().then(
      (reference) => (this.reference = reference),
      () => (this.reference = null),
    );
  }

  #localised(problems: FieldProblems): FieldProblems {
    const t = this.#i18n;
    return new FieldProblems(localised(problems, { name: t.t('admin.legalFrames.nameRequired'), citation: t.t('admin.legalFrames.citationRequired') }));
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #startNew(): void {
    this.editing = 'new';
    this.message = '';
    this.failure = '';
    this.#editor.startNew(NEW_FRAME);
    void this.#focus('#frame-form-title');
  }

  async #startEditing(id: string): Promise<void> {
    this.message = '';
    this.failure = '';
    try {
      const read = await readLegalFrame(id);
      this.editing = id;
      this.#editor.start(read);
      void this.#focus('#frame-form-title');
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
      // Someone saved this frame meanwhile: show their version to change again rather than overwrite it.
      editor.takeTheirs();
      this.failure = this.#i18n.t('admin.legalFrames.changedMeanwhile');
      this.#round++;
      return;
    }
    const failure = editor.failure;
    if (failure instanceof ApiError && failure.status === 409) {
      // A code taken, or a governorate another frame holds: the server's sentence (in this language) says which.
      this.failure = failure.problem.detail ?? failureMessage(this.#i18n, failure);
    } else if (failure) {
      this.failure = failureMessage(this.#i18n, failure);
    } else if (!editor.problems.empty) {
      editor.problems = this.#localised(editor.problems);
    }
    this.requestUpdate();
    await focusFirstInvalid(this);
  }

  #saved(frame: LegalFrameEntry): void {
    this.message = this.#i18n.t('admin.legalFrames.saved', { name: this.#i18n.text(frame.name) });
    this.editing = null;
    this.#round++;
  }

  async #setArchived(frame: LegalFrameEntry, archived: boolean): Promise<void> {
    const i18n = this.#i18n;
    this.busy = true;
    this.failure = '';
    this.message = '';
    try {
      await setLegalFrameArchived(frame.id, archived);
      this.message = i18n.t(archived ? 'admin.legalFrames.archived' : 'admin.legalFrames.restored', { name: i18n.text(frame.name) });
      if (this.editing === frame.id) this.editing = null;
      this.#round++;
    } catch (error) {
      this.failure = failureMessage(i18n, error);
    } finally {
      this.busy = false;
    }
  }

  #where(frame: LegalFrameEntry): string {
    const i18n = this.#i18n;
    const reference = this.reference;
    return i18n.list(frame.governorates.map((code) => (reference ? i18n.text(reference.governorateName(code)) : code)));
  }

  #row(f: LegalFrameEntry) {
    const i18n = this.#i18n;
    const archived = Boolean(f.archivedAt);
    const hidden = html`<span class="visually-hidden">: ${i18n.text(f.name)}</span>`;
    return html`<tr>
      <th scope="row">${i18n.text(f.name)}</th>
      <td>${i18n.text(f.citation)}</td>
      <td>${i18n.list(f.competentBodies.map((b) => i18n.text(b)))}</td>
      <td>${this.#where(f)}</td>
      <td>
        ${archived ? html`<span class="badge warning">${i18n.t('admin.legalFrames.archivedOn', { date: i18n.date(f.archivedAt!) })}</span>` : nothing}
        <div class="actions">
          ${archived
            ? nothing
            : html`<button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => this.#startEditing(f.id)}>
                ${i18n.t('admin.legalFrames.edit')}${hidden}
              </button>`}
          <button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => this.#setArchived(f, !archived)}>
            ${i18n.t(archived ? 'admin.legalFrames.restore' : 'admin.legalFrames.archive')}${hidden}
          </button>
        </div>
      </td>
    </tr>`;
  }

  #table() {
    const i18n = this.#i18n;
    const frames = this.#frames.value;
    if (!frames) return renderLoadStatus(i18n, this.#frames.state, () => this.#frames.retry());
    if (!frames.length) return html`<p>${i18n.t('admin.legalFrames.none')}</p>`;
    return html`<div class="table-wrap">
      <table>
        <caption>${i18n.plural('admin.legalFrames.count', frames.length)}</caption>
        <thead>
          <tr>
            <th scope="col">${i18n.t('admin.field.name')}</th>
            <th scope="col">${i18n.t('admin.legalFrames.citation')}</th>
            <th scope="col">${i18n.t('legalFrame.bodies')}</th>
            <th scope="col">${i18n.t('admin.field.governorates')}</th>
            <th scope="col">${i18n.t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${frames.map((f) => this.#row(f))}
        </tbody>
      </table>
    </div>`;
  }

  #form() {
    const i18n = this.#i18n;
    const t = (key: Parameters<typeof i18n.t>[0]) => i18n.t(key);
    const editor = this.#editor;
    if (this.editing === null) return html`<button type="button" class="button" @click=${this.#startNew}>${t('admin.legalFrames.add')}</button>`;
    const ctx: FormContext = { editor: editor as RecordEditor<unknown>, i18n, readOnly: false };
    const governorates = (this.reference?.governorates ?? []).map((g) => ({ value: g.code, label: i18n.text(g.name) }));
    const title = editor.creating ? t('admin.legalFrames.add') : i18n.t('admin.legalFrames.editing', { name: i18n.text(editor.original.name as LegalFrameEntry['name']) });
    return html`<section aria-labelledby="frame-form-title">
      <h3 id="frame-form-title" tabindex="-1">${title}</h3>
      <form novalidate @submit=${this.#save}>
        ${editor.creating
          ? html`${textField(ctx, 'code', t('admin.legalFrames.code'), { dir: 'ltr', required: true })}
              <p class="hint">${t('admin.legalFrames.codeHint')}</p>`
          : nothing}
        ${translatedField(ctx, 'name', t('admin.field.name'), { required: true })}
        <p class="hint">${t('admin.legalFrames.nameHint')}</p>
        ${translatedField(ctx, 'citation', t('admin.legalFrames.citation'), { multiline: true, required: true })}
        ${translatedListField(ctx, 'competentBodies', t('legalFrame.bodies'), {
          entry: (n) => i18n.t('admin.legalFrames.body', { n }),
          add: t('admin.legalFrames.bodyAdd'),
          remove: (n) => i18n.t('admin.legalFrames.bodyRemove', { n }),
        })}
        ${choiceList(ctx, 'governorates', t('admin.field.governorates'), governorates)}
        <p class="hint">${t('admin.legalFrames.governoratesHint')}</p>
        ${numberField(ctx, 'order', t('admin.legalFrames.order'), { min: 0, max: 1000 })}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${editor.saving}>${t('admin.legalFrames.save')}</button>
          <button class="button secondary" type="button" @click=${() => (this.editing = null)}>${t('admin.cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  override render() {
    const i18n = this.#i18n;
    return html`<h2>${i18n.t('admin.legalFrames.title')}</h2>
      <p>${i18n.t('admin.legalFrames.intro')}</p>
      <p class="status" role="status">${this.message}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      ${this.#form()} ${this.#table()}`;
  }
}

customElements.define('ct-admin-legal-frames', AdminLegalFrames);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-legal-frames': AdminLegalFrames;
  }
}
