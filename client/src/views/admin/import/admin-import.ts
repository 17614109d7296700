import { html, LitElement, nothing } from 'lit';
import { HSDS_EXPORT_URL, importDirectory, type ImportReport } from '../../../api/admin.js';
import { ApiError } from '../../../api/client.js';
import { I18nController } from '../../../i18n/i18n.js';
import { sharedStyles } from '../../../styles/shared.styles.js';
import { adminStyles } from '../admin.styles.js';
import { failureMessage } from '../failure.js';
import { TableCellLabels } from '../../../styles/table-labels.js';

type Counted = keyof ImportReport['created'];
const COUNTED: Counted[] = ['organizations', 'services', 'locations', 'contacts', 'taxonomy_terms'];

/**
 * Import in two steps: the file is checked first (a dry run) and its per-row report shown; only then
 * can it be imported, as checked. Leaving out invalid rows is an explicit choice made before checking.
 */
export class AdminImport extends LitElement {
  static override styles = [sharedStyles, adminStyles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = {
    file: { state: true },
    skipInvalid: { state: true },
    checked: { state: true },
    result: { state: true },
    busy: { state: true },
    failure: { state: true },
  };

  declare file: File | null;
  declare skipInvalid: boolean;
  /** The dry run's report for `file` with `skipInvalid`. */
  declare checked: ImportReport | null;
  declare result: ImportReport | null;
  declare busy: boolean;
  declare failure: string;

  readonly #i18n = new I18nController(this);

  constructor() {
    super();
    this.file = null;
    this.skipInvalid = false;
    this.checked = null;
    this.result = null;
    this.busy = false;
    this.failure = '';
  }

  #changed(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#import-file');
    this.file = input?.files?.[0] ?? null;
    this.skipInvalid = this.renderRoot.querySelector<HTMLInputElement>('#import-skip')?.checked ?? false;
    this.checked = null;
    this.result = null;
    this.failure = '';
  }

  async #send(dryRun: boolean): Promise<void> {
    if (!this.file) {
      this.failure = this.#i18n.t('admin.import.chooseFile');
      return;
    }
    this.busy = true;
    this.failure = '';
    try {
      const report = await importDirectory(this.file, { dryRun, skipInvalid: this.skipInvalid });
      if (dryRun) this.checked = report;
      else this.result = report;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(dryRun ? '#report' : '#result')?.focus();
    } catch (error) {
      // A file the server cannot read at all (not a package, unknown columns) says why in its problem.
      this.failure =
        error instanceof ApiError && error.status === 400 ? `${this.#i18n.t('admin.import.unreadable')} ${error.problem.detail ?? ''}` : failureMessage(this.#i18n, error);
    } finally {
      this.busy = false;
    }
  }

  #counts(report: ImportReport) {
    const i18n = this.#i18n;
    return html`<table>
      <caption>${i18n.t(report.dryRun ? 'admin.import.wouldWrite' : 'admin.import.written')}</caption>
      <thead>
        <tr>
          <th scope="col">${i18n.t('admin.import.records')}</th>
          <th scope="col">${i18n.t('admin.import.created')}</th>
          <th scope="col">${i18n.t('admin.import.updated')}</th>
        </tr>
      </thead>
      <tbody>
        ${COUNTED.map(
          (k) => html`<tr>
            <th scope="row">${i18n.t(`admin.import.kind.${k}`)}</th>
            <td>${i18n.number(report.created[k])}</td>
            <td>${i18n.number(report.updated[k])}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #issues(kind: 'errors' | 'warnings', report: ImportReport) {
    const i18n = this.#i18n;
    const issues = report[kind];
    if (!issues.length) return nothing;
    return html`<div class="table-wrap">
      <table class=${kind}>
        <caption>${i18n.plural(kind === 'errors' ? 'admin.import.errorCount' : 'admin.import.warningCount', issues.length)}</caption>
        <thead>
          <tr>
            <th scope="col">${i18n.t('admin.import.table')}</th>
            <th scope="col">${i18n.t('admin.import.row')}</th>
            <th scope="col">${i18n.t('admin.import.column')}</th>
            <th scope="col">${i18n.t('admin.import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          ${issues.map(
            (issue) => html`<tr>
              <td><code dir="ltr">${issue.table}</code></td>
              <td>${issue.row ? i18n.number(issue.row) : i18n.t('admin.import.wholeFile')}</td>
              <td>${issue.column ? html`<code dir="ltr">${issue.column}</code>` : '—'}</td>
              <td lang="en" dir="ltr">${issue.message}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #report(report: ImportReport) {
    const i18n = this.#i18n;
    const tables = Object.entries(report.tables);
    return html`<section id="report" tabindex="-1" aria-labelledby="report-title">
      <h3 id="report-title">${i18n.t('admin.import.reportTitle')}</h3>
      <table>
        <caption>${i18n.t('admin.import.rowsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">${i18n.t('admin.import.table')}</th>
            <th scope="col">${i18n.t('admin.import.rows')}</th>
            <th scope="col">${i18n.t('admin.import.valid')}</th>
          </tr>
        </thead>
        <tbody>
          ${tables.map(
            ([name, t]) => html`<tr>
              <th scope="row"><code dir="ltr">${name}</code></th>
              <td>${i18n.number(t?.rows ?? 0)}</td>
              <td>${i18n.number(t?.valid ?? 0)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.#issues('errors', report)} ${this.#issues('warnings', report)}
      ${report.imported
        ? html`${this.#counts(report)}
            <p>${i18n.t(report.errors.length ? 'admin.import.confirmSkipping' : 'admin.import.confirmAll')}</p>
            <button type="button" class="button" ?disabled=${this.busy || this.result !== null} @click=${() => this.#send(false)}>
              ${i18n.t('admin.import.confirm')}
            </button>`
        : html`<p class="notice">${i18n.t(report.errors.length ? 'admin.import.nothingWithErrors' : 'admin.import.nothingToImport')}</p>`}
    </section>`;
  }

  override render() {
    const i18n = this.#i18n;
    const result = this.result;
    return html`<h2>${i18n.t('admin.import.title')}</h2>
      <p>${i18n.t('admin.import.intro')}</p>
      <form class="stacked" @submit=${(e: SubmitEvent) => (e.preventDefault(), this.#send(true))}>
        <div>
          <label for="import-file">${i18n.t('admin.import.file')}</label>
          <input id="import-file" type="file" accept=".zip,.csv,application/zip,text/csv" aria-describedby="import-file-hint" @change=${this.#changed} />
          <p class="muted" id="import-file-hint">${i18n.t('admin.import.fileHint')}</p>
        </div>
        <label class="check"><input id="import-skip" type="checkbox" .checked=${this.skipInvalid} @change=${this.#changed} />${i18n.t('admin.import.skipInvalid')}</label>
        <div><button class="button" type="submit" ?disabled=${this.busy}>${i18n.t('admin.import.check')}</button></div>
      </form>
      <p class="status" role="status">${this.busy ? i18n.t('app.loading') : ''}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      ${this.checked ? this.#report(this.checked) : nothing}
      ${result
        ? html`<section id="result" tabindex="-1" aria-labelledby="result-title">
            <h3 id="result-title">${i18n.t(result.imported ? 'admin.import.done' : 'admin.import.notDone')}</h3>
            ${this.#counts(result)}
          </section>`
        : nothing}
      <h2>${i18n.t('admin.export.title')}</h2>
      <p>${i18n.t('admin.export.intro')}</p>
      <p><a class="button secondary" href=${HSDS_EXPORT_URL} download>${i18n.t('admin.export.download')}</a></p>`;
  }
}

customElements.define('ct-admin-import', AdminImport);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-import': AdminImport;
  }
}
