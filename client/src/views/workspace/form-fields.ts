import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PHONE_TYPES } from '../../../../server/contract/directory/phone-input.js';
import type { PhoneView as Phone } from '../../../../server/contract/directory/records/view-schemas.js';
import '../../components/translated-fields/translated-fields.js';
import { FieldProblems } from '../../forms/field-problems.js';
import type { I18nController } from '../../i18n/i18n.js';
import { LANGUAGES, type Lang, type Translated } from '../../i18n/types.js';
import type { RecordEditor } from './record-editor.js';

/** What every field of a workspace form needs: the record being edited, the language, and whether the user may change it. */
export interface FormContext {
  editor: RecordEditor<unknown>;
  i18n: I18nController;
  readOnly: boolean;
  /** The organisation profile's name and type are a platform admin's to change (organization:name-and-type). */
  mayChangeNameAndType?: boolean;
}

export interface Choice {
  value: string;
  label: string;
}

const idOf = (field: string) => `field-${field.replace(/[^\w-]/g, '-')}`;

interface InputOptions {
  type?: 'text' | 'email' | 'url' | 'date' | 'number';
  dir?: 'ltr';
  required?: boolean;
  min?: number;
  max?: number;
  step?: 'any';
}

/** One labelled input bound to a field: `parse` turns what was typed into the stored value. */
function inputField(ctx: FormContext, field: string, label: string, options: InputOptions, parse: (text: string) => unknown): TemplateResult {
  const value = ctx.editor.value(field);
  const numeric = options.type === 'number';
  return html`<div class="field">
    <label for=${idOf(field)}>${label}</label>
    <input
      id=${idOf(field)}
      type=${options.type ?? 'text'}
      dir=${ifDefined(options.dir)}
      inputmode=${ifDefined(numeric ? (options.step ? 'decimal' : 'numeric') : undefined)}
      min=${ifDefined(options.min)}
      max=${ifDefined(options.max)}
      step=${ifDefined(options.step)}
      .value=${typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      ?required=${options.required ?? false}
      ?disabled=${ctx.readOnly}
      aria-invalid=${ctx.editor.problems.invalid(field)}
      aria-describedby=${ifDefined(ctx.editor.problems.describedBy(field))}
      @input=${(e: Event) => ctx.editor.set(field, parse((e.target as HTMLInputElement).value))}
    />
    ${ctx.editor.problems.render(field)}
  </div>`;
}

/** A one-line text input; empty means null for optional fields. */
export function textField(
  ctx: FormContext,
  field: string,
  label: string,
  options: { type?: 'text' | 'email' | 'url' | 'date'; dir?: 'ltr'; required?: boolean } = {},
): TemplateResult {
  return inputField(ctx, field, label, options, (text) => text.trim() || (options.required ? '' : null));
}

/** A number; empty means null. */
export function numberField(
  ctx: FormContext,
  field: string,
  label: string,
  options: { min?: number; max?: number; step?: 'any' } = {},
): TemplateResult {
  return inputField(ctx, field, label, { ...options, type: 'number' }, (text) => (text === '' ? null : Number(text)));
}

export function checkField(ctx: FormContext, field: string, label: string, hint?: string): TemplateResult {
  const hintId = hint ? `${idOf(field)}-hint` : undefined;
  const describedBy = [hintId, ctx.editor.problems.describedBy(field)].filter(Boolean).join(' ') || undefined;
  return html`<div class="field check">
    <input
      id=${idOf(field)}
      type="checkbox"
      .checked=${ctx.editor.value(field) === true}
      ?disabled=${ctx.readOnly}
      aria-invalid=${ctx.editor.problems.invalid(field)}
      aria-describedby=${ifDefined(describedBy)}
      @change=${(e: Event) => ctx.editor.set(field, (e.target as HTMLInputElement).checked)}
    />
    <label for=${idOf(field)}>${label}</label>
    ${hint ? html`<p class="hint" id=${ifDefined(hintId)}>${hint}</p>` : nothing}
    ${ctx.editor.problems.render(field)}
  </div>`;
}

/** One value from a list; the choice with value '' stands for none (null). */
export function selectField(ctx: FormContext, field: string, label: string, choices: Choice[]): TemplateResult {
  const value = ctx.editor.value(field);
  return html`<div class="field">
    <label for=${idOf(field)}>${label}</label>
    <select
      id=${idOf(field)}
      ?disabled=${ctx.readOnly}
      aria-invalid=${ctx.editor.problems.invalid(field)}
      aria-describedby=${ifDefined(ctx.editor.problems.describedBy(field))}
      @change=${(e: Event) => ctx.editor.set(field, (e.target as HTMLSelectElement).value || null)}
    >
      ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === (value ?? '')}>${c.label}</option>`)}
    </select>
    ${ctx.editor.problems.render(field)}
  </div>`;
}

/** Several values of a list field (governorates, languages, populations…) as checkboxes. */
export function choiceList(ctx: FormContext, field: string, legend: string, choices: Choice[]): TemplateResult {
  const selected = new Set((ctx.editor.value(field) as string[] | undefined) ?? []);
  const toggle = (value: string, on: boolean) => {
    const next = choices.map((c) => c.value).filter((v) => (v === value ? on : selected.has(v)));
    ctx.editor.set(field, next);
  };
  // Each box says the list is refused and why, as a text input does: focus lands on the first of them.
  const invalid = ctx.editor.problems.invalid(field);
  const describedBy = ctx.editor.problems.describedBy(field);
  return html`<fieldset class="choices">
    <legend>${legend}</legend>
    <div class="choice-grid">
      ${choices.map(
        (c) => html`<label class="choice">
          <input
            type="checkbox"
            value=${c.value}
            .checked=${selected.has(c.value)}
            ?disabled=${ctx.readOnly}
            aria-invalid=${invalid}
            aria-describedby=${ifDefined(describedBy)}
            @change=${(e: Event) => toggle(c.value, (e.target as HTMLInputElement).checked)}
          />
          <span>${c.label}</span>
        </label>`,
      )}
    </div>
    ${ctx.editor.problems.render(field)}
  </fieldset>`;
}

export function translatedField(
  ctx: FormContext,
  field: string,
  label: string,
  options: { multiline?: boolean; required?: boolean } = {},
): TemplateResult {
  return html`<ct-translated-fields
    .label=${label}
    .name=${field}
    .value=${(ctx.editor.value(field) as Translated | undefined) ?? {}}
    .problems=${ctx.editor.problems}
    ?multiline=${options.multiline ?? false}
    ?required=${options.required ?? false}
    ?disabled=${ctx.readOnly}
    @value-changed=${(e: CustomEvent<Translated>) => ctx.editor.set(field, e.detail)}
  ></ct-translated-fields>`;
}

/**
 * Words per language (a category's search synonyms): a box per language, typed in its own language
 * and direction, one word or phrase per line. A refused word (`synonyms.ar.2`) is shown beside its
 * language's box, naming its line.
 */
export function wordListsField(ctx: FormContext, field: string, label: string): TemplateResult {
  const lists = (ctx.editor.value(field) as Partial<Record<Lang, string[]>> | undefined) ?? {};
  const text: Translated = Object.fromEntries(LANGUAGES.filter((lang) => lists[lang]?.length).map((lang) => [lang, lists[lang]!.join('\n')]));
  const item = new RegExp(`^(${field}\\.[a-z]+)\\.(\\d+)$`);
  const problems = new FieldProblems(
    ctx.editor.problems.fields.map((f) => {
      const message = ctx.editor.problems.message(f) ?? '';
      const [, box, line] = item.exec(f) ?? [];
      return box ? { field: box, message: ctx.i18n.t('workspace.lineProblem', { n: Number(line) + 1, message }) } : { field: f, message };
    }),
  );
  // Every language is kept, in the order read, so an unchanged list compares equal to what was read.
  const changed = (typed: Translated) =>
    ctx.editor.set(field, { ...lists, ...Object.fromEntries(LANGUAGES.map((lang) => [lang, (typed[lang] ?? '').split('\n').filter((w) => w.trim())])) });
  return html`<ct-translated-fields
    .label=${label}
    .name=${field}
    .value=${text}
    .problems=${problems}
    .markMissing=${false}
    multiline
    ?disabled=${ctx.readOnly}
    @value-changed=${(e: CustomEvent<Translated>) => changed(e.detail)}
  ></ct-translated-fields>`;
}

/** The phone numbers of a record: number and kind per row, rows added and removed. */
export function phonesField(ctx: FormContext, field: string, legend: string): TemplateResult {
  const phones = (ctx.editor.value(field) as Phone[] | undefined) ?? [];
  const t = ctx.i18n;
  const update = (index: number, change: Partial<Phone> | null) =>
    ctx.editor.set(
      field,
      change === null ? phones.filter((_, i) => i !== index) : phones.map((p, i) => (i === index ? { ...p, ...change } : p)),
    );
  return html`<fieldset class="phones">
    <legend>${legend}</legend>
    ${phones.map((phone, index) => {
      const numberField = `${field}.${index}.number`;
      const typeField = `${field}.${index}.type`;
      return html`<div class="phone-row">
        <div class="field">
          <label for=${idOf(numberField)}>${t.t('workspace.phoneNumber', { n: index + 1 })}</label>
          <input
            id=${idOf(numberField)}
            type="tel"
            dir="ltr"
            .value=${phone.number}
            ?disabled=${ctx.readOnly}
            aria-invalid=${ctx.editor.problems.invalid(numberField)}
            aria-describedby=${ifDefined(ctx.editor.problems.describedBy(numberField))}
            @input=${(e: Event) => update(index, { number: (e.target as HTMLInputElement).value.trim() })}
          />
          ${ctx.editor.problems.render(numberField)}
        </div>
        <div class="field">
          <label for=${idOf(typeField)}>${t.t('workspace.phoneType')}</label>
          <select
            id=${idOf(typeField)}
            ?disabled=${ctx.readOnly}
            aria-invalid=${ctx.editor.problems.invalid(typeField)}
            aria-describedby=${ifDefined(ctx.editor.problems.describedBy(typeField))}
            @change=${(e: Event) => update(index, { type: (e.target as HTMLSelectElement).value as Phone['type'] /* the options are PHONE_TYPES */ })}
          >
            ${PHONE_TYPES.map((type) => html`<option value=${type} ?selected=${type === phone.type}>${t.vocab('phone', type)}</option>`)}
          </select>
          ${ctx.editor.problems.render(typeField)}
        </div>
        ${ctx.readOnly
          ? nothing
          : html`<button type="button" class="button secondary" @click=${() => update(index, null)}>
              ${t.t('workspace.phoneRemove', { n: index + 1 })}
            </button>`}
      </div>`;
    })}
    ${ctx.readOnly
      ? nothing
      : html`<button type="button" class="button secondary" @click=${() => ctx.editor.set(field, [...phones, { number: '', type: 'voice' }])}>
          ${t.t('workspace.phoneAdd')}
        </button>`}
    ${ctx.editor.problems.render(field)}
  </fieldset>`;
}

/**
 * A list of texts in each language (a legal frame's competent bodies): one set of language boxes per
 * entry, entries added and removed. `entry` names the n-th one (from 1) for its label and its button.
 */
export function translatedListField(
  ctx: FormContext,
  field: string,
  legend: string,
  labels: { entry: (n: number) => string; add: string; remove: (n: number) => string },
): TemplateResult {
  const entries = (ctx.editor.value(field) as Translated[] | undefined) ?? [];
  const update = (index: number, value: Translated | null) =>
    ctx.editor.set(field, value === null ? entries.filter((_, i) => i !== index) : entries.map((e, i) => (i === index ? value : e)));
  return html`<fieldset class="translated-list">
    <legend>${legend}</legend>
    ${entries.map(
      (entry, index) => html`<ct-translated-fields
          .label=${labels.entry(index + 1)}
          .name=${`${field}.${index}`}
          .value=${entry}
          .problems=${ctx.editor.problems}
          required
          ?disabled=${ctx.readOnly}
          @value-changed=${(e: CustomEvent<Translated>) => update(index, e.detail)}
        ></ct-translated-fields>
        ${ctx.readOnly
          ? nothing
          : html`<button type="button" class="button secondary" @click=${() => update(index, null)}>${labels.remove(index + 1)}</button>`}`,
    )}
    ${ctx.readOnly ? nothing : html`<button type="button" class="button secondary" @click=${() => ctx.editor.set(field, [...entries, {}])}>${labels.add}</button>`}
    ${ctx.editor.problems.render(field)}
  </fieldset>`;
}

/** One entry of a list of objects: a named reference (partner) by its name, a phone by its number. */
function itemText(i18n: I18nController, item: unknown): string {
  const entry = item as { name?: Translated; number?: string };
  if (entry.name) return i18n.text(entry.name);
  return entry.number ?? JSON.stringify(item);
}

/** A stored value as text for the conflict table: translations with their language, lists joined, yes/no. */
export function displayValue(i18n: I18nController, value: unknown, label: (item: string) => string = (item) => item): TemplateResult | string {
  if (value === null || value === undefined || value === '') return html`<span class="muted">${i18n.t('workspace.empty')}</span>`;
  if (typeof value === 'boolean') return i18n.t(value ? 'workspace.yes' : 'workspace.no');
  if (typeof value === 'number') return i18n.number(value);
  if (typeof value === 'string') return label(value);
  if (Array.isArray(value)) {
    if (!value.length) return html`<span class="muted">${i18n.t('workspace.empty')}</span>`;
    return i18n.list(value.map((item) => (typeof item === 'string' ? label(item) : itemText(i18n, item))));
  }
  const record = value as Record<string, unknown>;
  const languages = LANGUAGES.filter((lang) => typeof record[lang] === 'string');
  if (languages.length || !Object.keys(record).length) {
    return languages.length
      ? html`${languages.map((lang) => html`<p lang=${lang} dir="auto">${record[lang]}</p>`)}`
      : html`<span class="muted">${i18n.t('workspace.empty')}</span>`;
  }
  return Object.entries(record)
    .map(([key, item]) => `${key}: ${String(item)}`)
    .join(', ');
}
