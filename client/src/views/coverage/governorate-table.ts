import { html, type TemplateResult } from 'lit';
import type { I18nController } from '../../i18n/i18n.js';

export interface FigureRow {
  /** The row header: a name, or a link to its page. */
  header: string | TemplateResult;
  cells: string[];
}

/** The table of figures that stands beside a chart or map (slotted into ct-coverage-figure): one row per thing counted. */
export function figureTable(rowHeading: string, headers: string[], rows: FigureRow[]): TemplateResult {
  return html`<div slot="table" class="table-wrap">
    <table>
      <thead>
        <tr>
          <th scope="col">${rowHeading}</th>
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

/** Figures per governorate. */
export function governorateTable(i18n: I18nController, headers: string[], rows: FigureRow[]): TemplateResult {
  return figureTable(i18n.t('filters.governorate'), headers, rows);
}
