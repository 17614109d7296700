import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { z } from 'zod';
import { ApiError } from '../../api/client.js';
import type { Reference } from '../../api/reference.js';
import { createRecord, patchRecord, readRecord, recordAction, type Versioned } from '../../api/workspace.js';
import '../../components/conflict-review/conflict-review.js';
import type { ConflictRow } from '../../components/conflict-review/conflict-review.js';
import type { TextKey } from '../../i18n/en.js';
import { check, focusFirstInvalid } from '../../forms/field-problems.js';
import { I18nController } from '../../i18n/i18n.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { ResourceController } from '../../resource-controller.js';
import { navigate } from '../../router.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { displayValue, type Choice, type FormContext } from './form-fields.js';
import { RecordEditor, type Draft } from './record-editor.js';
import { styles } from './workspace.styles.js';

export type Choices = Record<string, Choice[]>;

/** A state change offered on a saved record. */
export type RecordActionName = 'archive' | 'restore' | 'confirm';

/** Everything that differs between the workspace's record forms (profile, service, contact, activity). */
export interface RecordFormDefinition<R> {
  /** The workspace section (URL) and API collection: 'services' ↔ /services. */
  section: string;
  collection: string;
  fields: readonly string[];
  /** Field labels, in the form and in the conflict table. */
  labels: Record<string, TextKey>;
  /** A new record's starting values (the organisation is added when it is created). */
  defaults: Draft;
  toDraft(record: R): Draft;
  /** The request body for changed fields, when the draft keeps more than the API takes (names beside ids). */
  toBody?(changes: Draft): Draft;
  /** The record's name as a heading. */
  title(record: R, i18n: I18nController): string;
  renderFields(ctx: FormContext, reference: Reference | null, choices: Choices, organizationId: string): TemplateResult;
  /** Choices that come from the organisation's other records (its places, its services), by field. */
  loadChoices?(organizationId: string, i18n: I18nController, signal: AbortSignal): Promise<Choices>;
  /** How a stored code reads (governorate, category…), for the conflict table. */
  valueLabel?(field: string, code: string, i18n: I18nController, reference: Reference | null): string;
  /**
   * The server's own input schemas, where they are free of server runtime code: forms are checked
   * with them before sending. Without them the server's 400 field errors are shown the same way.
   */
  inputSchemas?: { create?: z.ZodType; update: z.ZodType };
  /** Actions on a saved record besides saving it; `restore` is offered on archived records. */
  actions: readonly RecordActionName[];
  /** Whether a record as read is archived, when its view says so. */
  archived?(record: R): boolean;
  /** What the record shows before its fields: its state, last verification… */
  summary?(record: R, i18n: I18nController): TemplateResult | typeof nothing;
}

/**
 * Edits one record of the organisation (or creates one: id `new`): reads it with its ETag, saves the
 * changed fields with If-Match, shows the conflict review on 412 and the server's field errors.
 */
export class RecordForm extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    definition: { attribute: false },
    recordId: {},
    organizationId: {},
    readOnly: { type: Boolean },
    reference: { attribute: false },
    archived: { state: true },
    record: { state: true },
    actionBusy: { state: true },
  };

  declare definition: RecordFormDefinition<unknown>;
  declare recordId: string;
  declare organizationId: string;
  declare readOnly: boolean;
  declare reference: Reference | null;
  declare archived: boolean;
  declare record: unknown;
  declare actionBusy: boolean;

  readonly #i18n = new I18nController(this);
  readonly #editor: RecordEditor<unknown> = new RecordEditor<unknown>(this, {
    fields: () => this.definition.fields,
    toDraft: (record) => this.definition.toDraft(record),
    save: (changes, etag) =>
      etag ? patchRecord(this.#path, this.#body(changes), etag) : createRecord(`/${this.definition.collection}`, this.#body(changes)),
    check: (changes) => {
      const schemas = this.definition.inputSchemas;
      const schema = this.#editor.creating ? schemas?.create : schemas?.update;
      if (!schema) return undefined;
      const result = check(schema, this.#body(changes));
      return result.ok ? undefined : result.problems;
    },
    reread: () => readRecord(this.#path),
    onSaved: (record) => this.#saved(record),
  });

  readonly #loader = new ResourceController<Versioned<unknown> | null>(
    this,
    () => (this.definition && this.recordId ? `${this.definition.section}/${this.recordId}` : undefined),
    (_key, signal) => (this.recordId === 'new' ? Promise.resolve(null) : readRecord(this.#path, signal)),
  );

  readonly #choices = new ResourceController<Choices>(
    this,
    () => (this.definition?.loadChoices && this.organizationId ? `${this.definition.section}/${this.organizationId}` : undefined),
    (_key, signal) => this.definition.loadChoices?.(this.organizationId, this.#i18n, signal) ?? Promise.resolve({}),
  );

  #started: Versioned<unknown> | null | undefined;

  constructor() {
    super();
    this.recordId = '';
    this.organizationId = '';
    this.readOnly = false;
    this.reference = null;
    this.archived = false;
    this.record = undefined;
    this.actionBusy = false;
  }

  /** The request body for the changes: as the API takes them, with the organisation when creating. */
  #body(changes: Draft): Draft {
    const body = this.definition.toBody?.(changes) ?? changes;
    return this.#editor.creating ? { ...body, organizationId: this.organizationId } : body;
  }

  get #path(): string {
    return `/${this.definition.collection}/${encodeURIComponent(this.recordId)}`;
  }

  override willUpdate(): void {
    const state = this.#loader.state;
    if (state.state !== 'ready' || state.value === this.#started) return;
    this.#started = state.value;
    if (state.value) {
      this.#editor.start(state.value);
      this.record = state.value.value;
      this.archived = this.definition.archived?.(state.value.value) ?? false;
    } else {
      this.#editor.startNew(this.definition.defaults);
      this.record = undefined;
    }
  }

  #saved(record: unknown): void {
    this.record = record;
    this.dispatchEvent(new CustomEvent('record-saved', { bubbles: true, composed: true }));
    if (this.recordId === 'new') {
      navigate(`/workspace/${this.definition.section}/${encodeURIComponent((record as { id: string }).id)}`, { replace: true });
    }
  }

  async #act(action: RecordActionName): Promise<void> {
    this.actionBusy = true;
    try {
      const result = await recordAction<unknown>(this.#path, action, action === 'confirm' ? this.#editor.etag : undefined);
      this.#editor.start(result);
      this.record = result.value;
      if (action !== 'confirm') this.archived = action === 'archive';
      this.#saved(result.value);
    } catch (error) {
      this.#editor.failure = error;
    } finally {
      this.actionBusy = false;
    }
  }

  /** Saves; when fields are refused (here or by the server), focus goes to the first of them, else to the notice. */
  async #save(): Promise<void> {
    await this.#editor.save();
    if (this.#editor.problems.empty) return;
    if (!(await focusFirstInvalid(this))) this.renderRoot.querySelector<HTMLElement>('#fix-errors')?.focus();
  }

  #conflictRows(): ConflictRow[] {
    const conflict = this.#editor.conflict;
    if (!conflict) return [];
    const i18n = this.#i18n;
    const mine = this.#editor.changes(this.#editor.original);
    return conflict.fields.map((field) => {
      const label = (code: string) => this.definition.valueLabel?.(field, code, i18n, this.reference) ?? code;
      const theirsChanged = JSON.stringify(conflict.theirs[field] ?? null) !== JSON.stringify(this.#editor.original[field] ?? null);
      return {
        label: i18n.t(this.definition.labels[field] ?? 'workspace.empty'),
        theirs: displayValue(i18n, conflict.theirs[field], label),
        mine: displayValue(i18n, field in mine ? mine[field] : this.#editor.original[field], label),
        changedByBoth: theirsChanged && field in mine,
      };
    });
  }

  #renderFailure() {
    const failure = this.#editor.failure;
    if (!failure) return nothing;
    const t = this.#i18n;
    const message =
      failure instanceof ApiError && failure.status === 409
        ? t.t('workspace.archivedCannotEdit')
        : failure instanceof ApiError && failure.status === 403
          ? t.t('error.forbidden')
          : failure instanceof ApiError && !failure.isNetwork
            ? (failure.problem.detail ?? t.t('error.generic'))
            : t.t('error.network');
    return html`<p class="error" role="alert">${message}</p>`;
  }

  /** Why a platform admin turned down the last change (organisations and services), until the next verification. */
  #renderRejection() {
    const rejection = (this.record as { rejection?: { reason: string; at: string } | null } | null)?.rejection;
    if (!rejection) return nothing;
    return html`<p class="notice rejection" role="note">${this.#i18n.t('workspace.rejected', { date: this.#i18n.date(rejection.at), reason: rejection.reason })}</p>`;
  }

  #renderActions() {
    if (this.readOnly || this.#editor.creating) return nothing;
    const t = this.#i18n;
    const busy = this.actionBusy || this.#editor.saving;
    if (this.archived) {
      return html`<p class="notice">${t.t('workspace.archivedNotice')}</p>
        ${this.definition.actions.includes('restore')
          ? html`<button type="button" class="button secondary" ?disabled=${busy} @click=${() => void this.#act('restore')}>
              ${t.t('workspace.restore')}
            </button>`
          : nothing}`;
    }
    return html`<div class="record-actions">
      ${this.definition.actions.filter((action) => action !== 'restore').map(
        (action) => html`<button type="button" class="button secondary" ?disabled=${busy} @click=${() => void this.#act(action)}>
          ${t.t(`workspace.action.${action as Exclude<RecordActionName, 'restore'>}`)}
        </button>`,
      )}
    </div>`;
  }

  override render() {
    const t = this.#i18n;
    const state = this.#loader.state;
    if (state.state !== 'ready') return renderLoadStatus(t, state, () => this.#loader.retry());
    const editor = this.#editor;
    const creating = editor.creating;
    const heading = creating ? t.t(`workspace.${this.definition.section}.new` as TextKey) : this.definition.title(this.record, t);
    if (editor.conflict) {
      return html`<h2>${heading}</h2>
        <ct-conflict-review
          .rows=${this.#conflictRows()}
          ?busy=${editor.saving}
          @take-theirs=${() => editor.takeTheirs()}
          @apply-mine=${() => void editor.applyMineOnTop()}
        ></ct-conflict-review>`;
    }
    const ctx: FormContext = { editor, i18n: t, readOnly: this.readOnly || this.archived };
    return html`<h2>${heading}</h2>
      ${this.record && this.definition.summary ? this.definition.summary(this.record, t) : nothing}
      ${this.#renderRejection()}
      ${this.#renderActions()}
      <form
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.#save();
        }}
      >
        ${this.definition.renderFields(ctx, this.reference, this.#choices.value ?? {}, this.organizationId)}
        ${editor.problems.empty ? nothing : html`<p class="error" id="fix-errors" role="alert" tabindex="-1">${t.t('workspace.fixErrors')}</p>`}
        ${this.#renderFailure()}
        ${ctx.readOnly
          ? nothing
          : html`<div class="save-bar">
              <button type="submit" class="button" ?disabled=${editor.saving || !editor.dirty}>
                ${t.t(creating ? 'workspace.create' : 'workspace.save')}
              </button>
              <span role="status">${editor.saving ? t.t('workspace.saving') : editor.saved ? t.t('workspace.saved') : ''}</span>
            </div>`}
      </form>`;
  }
}

customElements.define('ct-record-form', RecordForm);

declare global {
  interface HTMLElementTagNameMap {
    'ct-record-form': RecordForm;
  }
}
