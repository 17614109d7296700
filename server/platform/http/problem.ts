import type { Language } from '../../contract/text/languages.js';
import { isMessageKey, type Message, type MessageKey } from '../../contract/text/messages.js';
import { sayText } from '../../contract/text/zod-messages.js';
import type { ProblemView } from '../../contract/problem.schemas.js';

/*
 * RFC 9457 problem details: the one JSON shape of every error the API returns.
 * Throw an HttpProblem anywhere in a request; the error handler turns it into the response,
 * written in the requester's language.
 */

/** Text a person reads: a message key (or a message with parameters), or English not yet keyed. */
export type Text = Message | MessageKey;

/** The field an error is about (JSON pointer-ish, e.g. "body.name.en") and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: Text;
}

/** The body as sent, every text in the requester's language. */
export type ProblemBody = ProblemView;

const titleOf = (status: number): Text => {
  const key = `title${status}`;
  return isMessageKey(key) ? { key } : 'titleError';
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class HttpProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: Text;
  readonly detail: Text;
  readonly errors: FieldProblem[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    detail?: Text,
    options: {
      type?: string;
      title?: Text;
      errors?: FieldProblem[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    const title = options.title ?? titleOf(status);
    super(sayText(detail ?? title, 'en'));
    this.name = 'HttpProblem';
    this.status = status;
    this.title = title;
    this.detail = detail ?? title;
    this.type = options.type ?? `/problems/${sayText(title, 'en').toLowerCase().replace(/[^a-z]+/g, '-')}`;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  /** The body in `lang`: title, detail and field messages (Content-Language is the sender's part). */
  toBody(instance?: string, lang: Language = 'en'): ProblemBody {
    // Extensions first: none may overwrite a standard member (a body `status` other than the HTTP one).
    return {
      ...this.extensions,
      type: this.type,
      title: sayText(this.title, lang),
      status: this.status,
      detail: sayText(this.detail, lang),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors.map((p) => ({ field: p.field, message: sayText(p.message, lang) })) } : {}),
    };
  }
}

export const badRequest = (detail: Text, errors?: FieldProblem[]) =>
  new HttpProblem(400, detail, { type: '/problems/validation', title: 'titleValidation', errors });
export const unauthorized = (detail: Text = 'signIn') => new HttpProblem(401, detail);
export const forbidden = (detail: Text = 'notAllowed') => new HttpProblem(403, detail);
export const notFound = (what = 'resource') => new HttpProblem(404, { key: 'noSuch', params: { what } });
export const conflict = (detail: Text, extensions?: Record<string, unknown>) =>
  new HttpProblem(409, detail, { extensions });
export const preconditionFailed = (detail: Text, extensions?: Record<string, unknown>) =>
  new HttpProblem(412, detail, { extensions });
export const serviceUnavailable = (detail: Text = 'databaseUnreachable') =>
  new HttpProblem(503, detail, { headers: { 'Retry-After': '5' } });
