import { html, LitElement, nothing } from 'lit';
import { z } from 'zod';
import { hotlineInputWith } from '../../../../../server/contract/directory/hotlines/hotline.schemas.js';
import {
  createHotline,
  listHotlines,
  readHotline,
  setHotlineArchived,
  updateHotline,
  verifyHotline,
  type HotlineEntry,
} from '../../../api/admin.js';
import { ApiError } from '../../../api/client.js';
import { loadReference, type Reference } from '../../../api/reference.js';
import { telUri } from '../../../components/contact-details/contact-details.js';
import { renderLoadStatus } from '../../../components/load-status/load-status.js';
import { check, FieldProblems, focusFirstInvalid, localised } from '../../../forms/field-problems.js';
import { I18nController } from '../../../i18n/i18n.js';
import { ResourceController } from '../../../resource-controller.js';
import { sharedStyles } from '../../../styles/shared.styles.js';
import { TableCellLabels } from '../../../styles/table-labels.js';
import { checkField, choiceList, numberField, textField, translatedField, type FormContext } from '../../workspace/form-fields.js';
import { RecordEditor, type Draft } from '../../workspace/record-editor.js';
import { styles as formStyles } from '../../workspace/workspace.styles.js';
import { adminStyles } from '../admin.styles.js';
import { failureMessage } from '../failure.js';

/** The web app offers governorates by their ISO code, so the server's code lookup is not needed here. */
const { HotlineCreate, HotlineUpdate } = hotlineInputWith(z.string());

const FIELDS = ['number', 'name', 'purpose', 'governorates', 'emergency', 'source', 'order'] as const;
const NEW_HOTLINE: Draft = { name: {}, purpose: {}, governorates: [], emergency: false, source: { text: '', url: '' }, order: 100 };

/** The public hotlines of "Get help": list, add, edit, verify (checked today), archive and restore. */
export class AdminHotlines extends LitElement {
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
  /** The form in use: 'new', the id of the hotline being edited, or null. */
  declare editing: string | null;
  declare busy: boolean;
  declare message: string;
  declare failure: string;
  #round = 0;

  readonly #i18n = new I18nController(this);
  readonly #hotlines = new ResourceController(this, () => String(this.#round), (_key, signal) => listHotlines(signal));
  readonly #editor: RecordEditor<HotlineEntry> = new RecordEditor<HotlineEntry>(this, {
    fields: () => FIELDS,
    toDraft: (hotline) => ({ ...hotline }),
    save: (changes, etag) => (etag ? updateHotline(this.editing!, changes, etag) : createHotline(changes as z.infer<typeof HotlineCreate>)),
    reread: () => readHotline(this.editing!),
    check: (changes): FieldProblems | undefined => {
      const checked = check(this.#editor.creating ? HotlineCreate : HotlineUpdate, changes);
      return checked.ok ? undefined : this.#localised(checked.problems);
    },
    onSaved: (hotline) => this.#saved(hotline),
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
    return new FieldProblems(
      localised(problems, {
        name: t.t('admin.hotlines.nameRequired'),
        purpose: t.t('admin.hotlines.purposeRequired'),
        'source.text': t.t('admin.hotlines.sourceRequired'),
        'source.url': t.t('admin.hotlines.sourceUrlInvalid'),
      }),
    );
  }

  #name(hotline: HotlineEntry): string {
    return `${hotline.number} ${this.#i18n.text(hotline.name)}`;
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #startNew(): void {
    this.editing = 'new';
    this.message = '';
    this.failure = '';
    this.#editor.startNew(NEW_HOTLINE);
    void this.#focus('#hotline-form-title');
  }

  async #startEditing(id: string): Promise<void> {
    this.message = '';
    this.failure = '';
    try {
      const read = await readHotline(id);
      this.editing = id;
      this.#editor.start(read);
      void this.#focus('#hotline-form-title');
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
      // Someone saved this hotline meanwhile: show their version to change again rather than overwrite it.
      editor.takeTheirs();
      this.failure = this.#i18n.t('admin.hotlines.changedMeanwhile');
      this.#round++;
      return;
    }
    const failure = editor.failure;
    if (failure instanceof ApiError && failure.status === 409 && editor.creating) {
      editor.failure = undefined;
      editor.problems = new FieldProblems([{ field: 'number', message: this.#i18n.t('admin.hotlines.numberTaken') }]);
    } else if (failure) {
      this.failure = failureMessage(this.#i18n, failure);
    } else if (!editor.problems.empty) {
      editor.problems = this.#localised(editor.problems);
    }
    this.requestUpdate();
    await focusFirstInvalid(this);
  }

  #saved(hotline: HotlineEntry): void {
    this.message = this.#i18n.t('admin.hotlines.saved', { name: this.#name(hotline) });
    this.editing = null;
    this.#round++;
  }

  /** Verifies, archives or restores; then says so. */
  async #act(hotline: HotlineEntry, action: 'verify' | 'archive' | 'restore'): Promise<void> {
    const i18n = this.#i18n;
    this.busy = true;
    this.failure = '';
    this.message = '';
    try {
      if (action === 'verify') await verifyHotline(hotline.id);
      else await setHotlineArchived(hotline.id, action === 'archive');
      const done = { verify: 'admin.hotlines.verified', archive: 'admin.hotlines.archived', restore: 'admin.hotlines.restored' } as const;
      this.message = i18n.t(done[action], { name: this.#name(hotline) });
      if (this.editing === hotline.id) this.editing = null;
      this.#round++;
    } catch (error) {
      this.failure = failureMessage(i18n, error);
    } finally {
      this.busy = false;
    }
  }

  #where(hotline: HotlineEntry): string {
    const i18n = this.#i18n;
    if (!hotline.governorates.length) return i18n.t('help.allIraq');
    const reference = this.reference;
    return i18n.list(hotline.governorates.map((code) => (reference ? i18n.text(reference.governorateName(code)) : code)));
  }

  #row(h: HotlineEntry) {
    const i18n = this.#i18n;
    const archived = Boolean(h.archivedAt);
    const hidden = html`<span class="visually-hidden">: ${this.#name(h)}</span>`;
    return html`<tr>
      <th scope="row"><a href=${telUri(h.number)}><bdi dir="ltr">${h.number}</bdi></a></th>
      <td>${i18n.text(h.name)} ${h.emergency ? html`<span class="badge">${i18n.t('admin.hotlines.emergencyBadge')}</span>` : nothing}</td>
      <td>${this.#where(h)}</td>
      <td>
        ${archived
          ? html`<span class="badge warning">${i18n.t('admin.hotlines.archivedOn', { date: i18n.date(h.archivedAt!) })}</span>`
          : h.verified
            ? i18n.t('admin.hotlines.verifiedState')
            : html`<span class="badge warning">${i18n.t('help.sample')}</span>`}
      </td>
      <td>${h.lastCheckedAt ? i18n.date(h.lastCheckedAt) : i18n.t('help.notChecked')}</td>
      <td><a href=${h.source.url} rel="noopener noreferrer" dir="auto">${h.source.text}</a></td>
      <td>
        <div class="actions">
          ${archived
            ? nothing
            : html`<button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => this.#startEditing(h.id)}>
                  ${i18n.t('admin.hotlines.edit')}${hidden}
                </button>
                <button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => this.#act(h, 'verify')}>
                  ${i18n.t(h.verified ? 'admin.hotlines.checkAgain' : 'admin.hotlines.verify')}${hidden}
                </button>`}
          <button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => this.#act(h, archived ? 'restore' : 'archive')}>
            ${i18n.t(archived ? 'admin.hotlines.restore' : 'admin.hotlines.archive')}${hidden}
          </button>
        </div>
      </td>
    </tr>`;
  }

  #table() {
    const i18n = this.#i18n;
    const hotlines = this.#hotlines.value;
    if (!hotlines) return renderLoadStatus(i18n, this.#hotlines.state, () => this.#hotlines.retry());
    if (!hotlines.length) return html`<p>${i18n.t('admin.hotlines.none')}</p>`;
    return html`<div class="table-wrap">
      <table>
        <caption>${i18n.plural('admin.hotlines.count', hotlines.length)}</caption>
        <thead>
          <tr>
            <th scope="col">${i18n.t('admin.hotlines.number')}</th>
            <th scope="col">${i18n.t('admin.field.name')}</th>
            <th scope="col">${i18n.t('admin.field.governorates')}</th>
            <th scope="col">${i18n.t('admin.field.status')}</th>
            <th scope="col">${i18n.t('admin.hotlines.lastChecked')}</th>
            <th scope="col">${i18n.t('admin.hotlines.source')}</th>
            <th scope="col">${i18n.t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${hotlines.map((h) => this.#row(h))}
        </tbody>
      </table>
    </div>`;
  }

  #form() {
    const i18n = this.#i18n;
    const t = (key: Parameters<typeof i18n.t>[0]) => i18n.t(key);
    const editor = this.#editor;
    if (this.editing === null) return html`<button type="button" class="button" @click=${this.#startNew}>${t('admin.hotlines.add')}</button>`;
    const ctx: FormContext = { editor: editor as RecordEditor<unknown>, i18n, readOnly: false };
    const governorates = (this.reference?.governorates ?? []).map((g) => ({ value: g.code, label: i18n.text(g.name) }));
    const title = editor.creating ? t('admin.hotlines.add') : i18n.t('admin.hotlines.editing', { name: String(editor.original.number ?? '') });
    return html`<section aria-labelledby="hotline-form-title">
      <h3 id="hotline-form-title" tabindex="-1">${title}</h3>
      <form novalidate @submit=${this.#save}>
        ${textField(ctx, 'number', t('admin.hotlines.number'), { dir: 'ltr', required: true })}
        <p class="hint">${t('admin.hotlines.numberHint')}</p>
        ${translatedField(ctx, 'name', t('admin.field.name'), { required: true })}
        ${translatedField(ctx, 'purpose', t('admin.hotlines.purpose'), { multiline: true, required: true })}
        ${choiceList(ctx, 'governorates', t('admin.field.governorates'), governorates)}
        <p class="hint">${t('admin.hotlines.governoratesHint')}</p>
        ${textField(ctx, 'source.text', t('admin.hotlines.sourceText'), { required: true })}
        ${textField(ctx, 'source.url', t('admin.hotlines.sourceUrl'), { type: 'url', dir: 'ltr', required: true })}
        ${checkField(ctx, 'emergency', t('admin.hotlines.emergency'), t('admin.hotlines.emergencyHint'))}
        ${numberField(ctx, 'order', t('admin.hotlines.order'), { min: 0, max: 1000 })}
        ${editor.creating ? nothing : html`<p class="hint">${t('admin.hotlines.recheckNote')}</p>`}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${editor.saving}>${t('admin.hotlines.save')}</button>
          <button class="button secondary" type="button" @click=${() => (this.editing = null)}>${t('admin.cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  override render() {
    const i18n = this.#i18n;
    return html`<h2>${i18n.t('admin.hotlines.title')}</h2>
      <p>${i18n.t('admin.hotlines.intro')}</p>
      <p class="status" role="status">${this.message}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      ${this.#form()} ${this.#table()}`;
  }
}

customElements.define('ct-admin-hotlines', AdminHotlines);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-hotlines': AdminHotlines;
  }
}
