import { html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { FieldProblems } from '../../forms/field-problems.js';
import { directionOf, I18nController } from '../../i18n/i18n.js';
import type { Lang, Translated } from '../../i18n/types.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { formStyles } from '../../styles/form.styles.js';
import { styles } from './translated-fields.styles.js';

/** Arabic first: the language every record should have, then Kurdish, then English. */
const ORDER: readonly Lang[] = ['ar', 'ckb', 'en'];
const TEXTAREA = unsafeStatic('textarea');
const INPUT = unsafeStatic('input');

/**
 * One translatable field as three inputs side by side (Arabic, Kurdish, English), each typed in its
 * own language and direction, with a visible mark on translations still missing. Fires
 * `value-changed` with the whole translated value; empty languages are left out.
 */
export class TranslatedFields extends LitElement {
  static override styles = [sharedStyles, formStyles, styles];
  static override properties = {
    label: {},
    // Reflected, so a form's fields can be told apart by their name (as inputs are).
    name: { reflect: true },
    value: { attribute: false },
    problems: { attribute: false },
    multiline: { type: Boolean },
    required: { type: Boolean },
    disabled: { type: Boolean },
    markMissing: { attribute: false },
  };

  declare label: string;
  /** The field's name in the form (and in the server's field errors): `name`, `description`. */
  declare name: string;
  declare value: Translated;
  declare problems: FieldProblems;
  declare multiline: boolean;
  /** At least one language is required (the others are still marked when missing). */
  declare required: boolean;
  declare disabled: boolean;
  /** Marks languages left empty as missing translations; off for optional extras such as search words. */
  declare markMissing: boolean;

  readonly #i18n = new I18nController(this);

  constructor() {
    super();
    this.label = '';
    this.name = '';
    this.value = {};
    this.problems = new FieldProblems();
    this.multiline = false;
    this.required = false;
    this.disabled = false;
    this.markMissing = true;
  }

  #change(lang: Lang, event: Event): void {
    const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    const next: Translated = { ...this.value };
    if (text.trim()) next[lang] = text;
    else delete next[lang];
    this.value = next;
    this.dispatchEvent(new CustomEvent<Translated>('value-changed', { detail: next, bubbles: true, composed: true }));
  }

  #input(lang: Lang) {
    const field = `${this.name}.${lang}`;
    const id = `input-${lang}`;
    const missing = this.markMissing && !this.value[lang];
    const describedBy = [missing ? `missing-${lang}` : '', this.problems.describedBy(field) ?? this.problems.describedBy(this.name) ?? '']
      .filter(Boolean)
      .join(' ');
    const invalid = this.problems.invalid(field) === 'true' ? 'true' : this.problems.invalid(this.name);
    // One input element either way; a textarea for long text (descriptions), an input for names.
    const tag = this.multiline ? TEXTAREA : INPUT;
    return html`<div class="field language ${missing ? 'missing' : ''}">
      <label for=${id}>${this.#i18n.t(`translated.${lang}`)}</label>
      ${staticHtml`<${tag}
        id=${id}
        name=${field}
        lang=${lang}
        dir=${directionOf(lang)}
        rows=${ifDefined(this.multiline ? 4 : undefined)}
        .value=${this.value[lang] ?? ''}
        ?disabled=${this.disabled}
        aria-invalid=${invalid}
        aria-describedby=${ifDefined(describedBy || undefined)}
        @input=${(e: Event) => this.#change(lang, e)}
      ></${tag}>`}
      ${missing ? html`<p class="missing-mark" id="missing-${lang}">${this.#i18n.t('translated.missing')}</p>` : nothing}
      ${this.problems.render(field)}
    </div>`;
  }

  override render() {
    return html`<fieldset>
      <legend>${this.label}${this.required ? html` <span class="muted">${this.#i18n.t('translated.required')}</span>` : nothing}</legend>
      <div class="languages">${ORDER.map((lang) => this.#input(lang))}</div>
      ${this.problems.render(this.name)}
    </fieldset>`;
  }
}

customElements.define('ct-translated-fields', TranslatedFields);

declare global {
  interface HTMLElementTagNameMap {
    'ct-translated-fields': TranslatedFields;
  }
}
