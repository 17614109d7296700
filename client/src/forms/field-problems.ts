import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { z } from 'zod';
import { errorMap, PARSE_OPTIONS } from '../../../server/contract/text/zod-messages.js';
import { ApiError } from '../api/client.js';
import { languageState, type Lang } from '../i18n/i18n.js';
import type { FieldProblemView as FieldProblem } from '../../../server/contract/problem.schemas.js';

/** The server names body fields `body.name.en`; forms name them `name.en`. */
const SOURCE_PREFIX = /^(body|query|params)\./;

/**
 * Field errors for a form, from the same zod schema the server applies (checked before sending)
 * or from the server's 400 problem (shown next to the same fields).
 */
export class FieldProblems {
  readonly #byField = new Map<string, string>();

  constructor(problems: readonly FieldProblem[] = []) {
    for (const { field, message } of problems) {
      const name = field.replace(SOURCE_PREFIX, '');
      if (!this.#byField.has(name)) this.#byField.set(name, message);
    }
  }

  /** The issues of a failed check, written in `lang` by the contract's error map. */
  static fromZod(error: z.ZodError, lang: Lang = languageState.lang): FieldProblems {
    const message = errorMap(lang);
    return new FieldProblems(error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: message(issue) })));
  }

  /** The field errors of a failed request, or undefined when it failed for another reason. */
  static fromApi(error: unknown): FieldProblems | undefined {
    if (error instanceof ApiError && error.status === 400 && error.problem.errors?.length) return new FieldProblems(error.problem.errors);
    return undefined;
  }

  get empty(): boolean {
    return this.#byField.size === 0;
  }

  get fields(): string[] {
    return [...this.#byField.keys()];
  }

  message(field: string): string | undefined {
    return this.#byField.get(field);
  }

  /** `aria-invalid` for an input: "true" when its field has an error. */
  invalid(field: string): 'true' | 'false' {
    return this.#byField.has(field) ? 'true' : 'false';
  }

  /** `aria-describedby` for an input: the id of its error message, when there is one. */
  describedBy(field: string): string | undefined {
    return this.#byField.has(field) ? errorId(field) : undefined;
  }

  /** The error message under a field, announced with the field by `describedBy`. */
  render(field: string) {
    const message = this.#byField.get(field);
    return message ? html`<p class="field-error" id=${ifDefined(errorId(field))}>${message}</p>` : nothing;
  }
}

function errorId(field: string): string {
  return `${field.replace(/[^\w-]/g, '-')}-error`;
}

/**
 * The same fields as `problems` (from the shared zod schema or the server), each with the message the
 * form gives for it in the reader's language where it knows the field better; other fields keep theirs.
 */
export function localised(problems: FieldProblems | undefined, messages: Partial<Record<string, string>>): FieldProblem[] {
  return (problems?.fields ?? []).map((field) => ({ field, message: messages[field] ?? problems?.message(field) ?? '' }));
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblems };

/** Checks form input with the server's own schema before sending it; messages in the interface language. */
export function check<S extends z.ZodType>(schema: S, input: unknown, lang: Lang = languageState.lang): Checked<z.infer<S>> {
  const result = schema.safeParse(input, PARSE_OPTIONS);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: FieldProblems.fromZod(result.error, lang) };
}

/**
 * Moves focus to the first field marked invalid in a form's component, once it and the field
 * components inside it have rendered their errors: in reading order and through their shadow roots, so
 * a screen reader then reads the field with its message (aria-describedby). Every form calls this
 * after showing problems, whether found before sending or refused by the server. False when no field is
 * marked.
 */
export async function focusFirstInvalid(host: { updateComplete: Promise<unknown>; renderRoot: ParentNode }): Promise<boolean> {
  await host.updateComplete;
  return focusIn(host.renderRoot);
}

async function focusIn(root: ParentNode): Promise<boolean> {
  const elements = [...root.querySelectorAll('*')];
  await Promise.all(elements.map((e) => (e as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
  for (const element of elements) {
    if (element.getAttribute('aria-invalid') === 'true' && element instanceof HTMLElement) {
      element.focus();
      return true;
    }
    if (element.shadowRoot && (await focusIn(element.shadowRoot))) return true;
  }
  return false;
}
