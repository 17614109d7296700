import { html, type TemplateResult } from 'lit';
import type { I18nController } from '../../i18n/i18n.js';

export interface GovernorateRow {
  /** The row header: the governorate's name, or a link to its page. */
  header: string | TemplateResult;
  cells: string[];
}

/** The table of figures per governorate that stands beside a chart or map (slotted into ct-coverage-figure). */
export function governorateTable(i18n: I18nController, headers: string[], rows: GovernorateRow[]): TemplateResult {
  return html`<div slot="table" class="table-wrap">
    <table>
      <thead>
        <tr>
          <th scope="col">${i18n.t('filters.governorate')}</th>
          ${headers.map((header) => html`<th scope="col">${header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row">${row.header}</th>
            ${row.cells.map((cell) => html`<td class="number">${cell}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
