/**
 * RFC 9457 problem details: the one JSON shape of every error the API returns.
 * Throw an HttpProblem anywhere in a request; the error handler turns it into the response.
 */
export interface FieldProblem {
  /** JSON pointer-ish path of the offending field, e.g. "name.en" or "query.page". */
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class HttpProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors: FieldProblem[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    detail?: string,
    options: {
      type?: string;
      title?: string;
      errors?: FieldProblem[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail ?? TITLES[status] ?? 'Error');
    this.name = 'HttpProblem';
    this.status = status;
    this.title = options.title ?? TITLES[status] ?? 'Error';
    this.type = options.type ?? `/problems/${this.title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(instance?: string): ProblemBody {
    // Extensions first: none may overwrite a standard member (a body `status` other than the HTTP one).
    return {
      ...this.extensions,
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: FieldProblem[]) =>
  new HttpProblem(400, detail, { type: '/problems/validation', title: 'Invalid request', errors });
export const unauthorized = (detail = 'Sign in to do this.') => new HttpProblem(401, detail);
export const forbidden = (detail = 'Your account is not allowed to do this.') => new HttpProblem(403, detail);
export const notFound = (what = 'resource') => new HttpProblem(404, `No such ${what}.`);
export const conflict = (detail: string, extensions?: Record<string, unknown>) =>
  new HttpProblem(409, detail, { extensions });
export const preconditionFailed = (detail: string, extensions?: Record<string, unknown>) =>
  new HttpProblem(412, detail, { extensions });
export const serviceUnavailable = (detail = 'The database is not reachable; try again shortly.') =>
  new HttpProblem(503, detail, { headers: { 'Retry-After': '5' } });
