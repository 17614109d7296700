import type { ReactiveControllerHost } from 'lit';
import { ApiError, type Versioned } from '../../api/client.js';
import { FieldProblems } from '../../forms/field-problems.js';

export type Draft = Record<string, unknown>;

/** Someone saved the record after this editor read it: their version, and which fields differ from what was read. */
export interface Conflict {
  theirs: Draft;
  etag: string;
  /** Fields changed by them, by this editor, or both. */
  fields: string[];
}

export interface RecordEditorOptions<R> {
  /** The editable fields, as the update schema names them. */
  fields(): readonly string[];
  /** The editable values of a record as the API returns it. */
  toDraft(record: R): Draft;
  save(changes: Draft, etag: string): Promise<Versioned<R>>;
  /** The record as it is now, after a save answered 412. */
  reread(): Promise<Versioned<R>>;
  /** Field errors of the changes before they are sent (the server's own schema), if any. */
  check?(changes: Draft): FieldProblems | undefined;
  onSaved?(record: R): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * One record being edited: what was read (value and ETag), the user's draft, field errors, and the
 * conflict when someone else saved first. Saves send only the changed fields with If-Match, so a
 * stale edit is refused by the server (412) and shown side by side, never silently overwritten.
 */
export class RecordEditor<R> {
  readonly #host: ReactiveControllerHost;
  readonly #options: RecordEditorOptions<R>;
  original: Draft = {};
  draft: Draft = {};
  etag = '';
  problems = new FieldProblems();
  conflict: Conflict | undefined;
  saving = false;
  /** Set after a successful save, cleared by the next edit: the form announces it. */
  saved = false;
  /** A failure that is not about fields (network, permission, archived). */
  failure: unknown;

  constructor(host: ReactiveControllerHost, options: RecordEditorOptions<R>) {
    this.#host = host;
    this.#options = options;
  }

  /** True while creating a record: there is no version to check yet. */
  get creating(): boolean {
    return this.etag === '';
  }

  /** Starts a new record from its defaults; saving creates it. */
  startNew(defaults: Draft): void {
    this.#begin({}, defaults, '');
  }

  /** Starts editing a record as read (or as just saved). */
  start({ value, etag }: Versioned<R>): void {
    const original = this.#editable(value);
    this.#begin(original, original, etag);
  }

  #begin(original: Draft, draft: Draft, etag: string): void {
    this.original = original;
    this.draft = structuredClone(draft);
    this.etag = etag;
    this.conflict = undefined;
    this.problems = new FieldProblems();
    this.saved = false;
    this.#host.requestUpdate();
  }

  /** A field's value; `address.governorate` reads inside an object field. */
  value(field: string): unknown {
    const [top = '', inner] = field.split('.', 2);
    const value = this.draft[top];
    return inner === undefined ? value : (value as Draft | undefined)?.[inner];
  }

  /** Changes a field; `address.governorate` changes inside an object field, which is then saved whole. */
  set(field: string, value: unknown): void {
    const [top = '', inner] = field.split('.', 2);
    const next = inner === undefined ? value : { ...((this.draft[top] as Draft | undefined) ?? {}), [inner]: value };
    this.draft = { ...this.draft, [top]: next };
    this.saved = false;
    this.#host.requestUpdate();
  }

  /** The fields the user changed since reading the record. */
  changes(from: Draft = this.original): Draft {
    return Object.fromEntries(this.#options.fields().filter((f) => !same(this.draft[f], from[f])).map((f) => [f, this.draft[f]]));
  }

  get dirty(): boolean {
    return Object.keys(this.changes()).length > 0;
  }

  async save(): Promise<void> {
    const changes = this.changes();
    if (!Object.keys(changes).length) return;
    const problems = this.#options.check?.(changes);
    if (problems) {
      this.problems = problems;
      this.#host.requestUpdate();
      return;
    }
    await this.#send(changes, this.etag);
  }

  /** Drops this editor's changes and continues from the other person's version. */
  takeTheirs(): void {
    if (!this.conflict) return;
    const { theirs, etag } = this.conflict;
    this.#begin(theirs, theirs, etag);
  }

  /** Applies this editor's changes on top of the other person's version and saves them. */
  async applyMineOnTop(): Promise<void> {
    if (!this.conflict) return;
    const mine = this.changes();
    const { theirs, etag } = this.conflict;
    this.#begin(theirs, { ...theirs, ...mine }, etag);
    await this.#send(this.changes(), etag);
  }

  async #send(changes: Draft, etag: string): Promise<void> {
    this.saving = true;
    this.failure = undefined;
    this.problems = new FieldProblems();
    this.#host.requestUpdate();
    try {
      const saved = await this.#options.save(changes, etag);
      this.start(saved);
      this.saved = true;
      this.#options.onSaved?.(saved.value);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) await this.#showConflict().catch(() => undefined);
      else this.problems = FieldProblems.fromApi(error) ?? new FieldProblems();
      // Not about fields, or the other version could not be read: say what went wrong.
      if (this.problems.empty && !this.conflict) this.failure = error;
    } finally {
      this.saving = false;
      this.#host.requestUpdate();
    }
  }

  async #showConflict(): Promise<void> {
    const current = await this.#options.reread();
    const theirs = this.#editable(current.value);
    const mine = this.changes();
    const fields = this.#options.fields().filter((f) => f in mine || !same(theirs[f], this.original[f]));
    this.conflict = { theirs, etag: current.etag, fields };
  }

  #editable(record: R): Draft {
    const all = this.#options.toDraft(record);
    return Object.fromEntries(this.#options.fields().map((f) => [f, all[f]]));
  }
}
