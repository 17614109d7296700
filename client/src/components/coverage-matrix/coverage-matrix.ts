import { html, LitElement, nothing } from 'lit';
import type { Reference } from '../../api/reference.js';
import { I18nController } from '../../i18n/i18n.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import type { Coverage, CoverageCell } from '../../../../server/contract/coverage/coverage.schemas.js';
import { styles } from './coverage-matrix.styles.js';

/** What the rows of the matrix are (the columns are the other). */
export type MatrixRows = 'governorates' | 'categories';

interface Line {
  key: string;
  label: string;
  href?: string;
  /** The line's cells keyed by the other axis. */
  cells: Record<string, CoverageCell>;
  total: { services: number; organizations: number };
  gaps: number;
}

/** Sorting by the row label, a column's services, the total, or the number of gaps. */
type SortKey = { by: 'label' } | { by: 'column'; key: string } | { by: 'total' } | { by: 'gaps' };
interface Sort {
  key: SortKey;
  descending: boolean;
}

const sameKey = (a: SortKey, b: SortKey) => a.by === b.by && (a.by !== 'column' || (b.by === 'column' && a.key === b.key));

/**
 * The coverage matrix: governorates × categories (either way round). Each cell gives the active
 * services, the organisations and the verified share; gaps are hatched and written out. Every column
 * header is a sort button (numbers sort largest first, then smallest first).
 */
export class CoverageMatrix extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    coverage: { attribute: false },
    reference: { attribute: false },
    rows: {},
    sort: { state: true },
  };

  declare coverage: Coverage | null;
  declare reference: Reference | null;
  declare rows: MatrixRows;
  declare sort: Sort | null;

  readonly #i18n = new I18nController(this);

  constructor() {
    super();
    this.coverage = null;
    this.reference = null;
    this.rows = 'governorates';
    this.sort = null;
  }

  #categoryLabel(code: string): string {
    return this.reference ? this.#i18n.text(this.reference.categoryName(code)) : code;
  }

  /** The lines of the table and the keys and labels of its columns, for the current orientation. */
  #layout(coverage: Coverage): { lines: Line[]; columns: Array<{ key: string; label: string }> } {
    const i18n = this.#i18n;
    const categories = coverage.categories.map((code) => ({ key: code, label: this.#categoryLabel(code) }));
    const governorates = coverage.governorates.map((g) => ({ key: g.code, label: i18n.text(g.name) }));
    if (this.rows === 'governorates') {
      return {
        columns: categories,
        lines: coverage.governorates.map((g) => ({
          key: g.code,
          label: i18n.text(g.name),
          href: `/governorates/${encodeURIComponent(g.code)}`,
          cells: g.categories,
          total: g.totals,
          gaps: g.gaps.length,
        })),
      };
    }
    return {
      columns: governorates,
      lines: coverage.categories.map((code) => {
        const cells = Object.fromEntries(coverage.governorates.map((g) => [g.code, g.categories[code]!]));
        return {
          key: code,
          label: this.#categoryLabel(code),
          cells,
          total: coverage.national.categories[code]!,
          gaps: Object.values(cells).filter((cell) => cell.gap).length,
        };
      }),
    };
  }

  #sorted(lines: Line[]): Line[] {
    const sort = this.sort;
    if (!sort) return lines;
    const { key } = sort;
    const collator = new Intl.Collator(this.#i18n.lang);
    const value = (line: Line): number =>
      key.by === 'column' ? (line.cells[key.key]?.services ?? 0) : key.by === 'total' ? line.total.services : key.by === 'gaps' ? line.gaps : 0;
    const compare =
      key.by === 'label' ? (a: Line, b: Line) => collator.compare(a.label, b.label) : (a: Line, b: Line) => value(a) - value(b);
    // Ties keep the usual order (governorates, taxonomy), whatever the direction.
    return lines
      .map((line, index) => ({ line, index }))
      .sort((a, b) => (sort.descending ? -1 : 1) * compare(a.line, b.line) || a.index - b.index)
      .map(({ line }) => line);
  }

  #sortBy(key: SortKey): void {
    const current = this.sort;
    const numeric = key.by !== 'label';
    if (current && sameKey(current.key, key)) this.sort = { key, descending: !current.descending };
    else this.sort = { key, descending: numeric };
  }

  #header(label: string, key: SortKey) {
    const sort = this.sort;
    const active = sort && sameKey(sort.key, key);
    const direction = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
    const arrow = active ? (sort.descending ? '▼' : '▲') : '↕';
    return html`<th scope="col" aria-sort=${direction}>
      <button type="button" class="sort" @click=${() => this.#sortBy(key)}>
        <span dir="auto">${label}</span><span class="arrow" aria-hidden="true">${arrow}</span>
      </button>
    </th>`;
  }

  #cell(cell: CoverageCell | undefined) {
    const i18n = this.#i18n;
    if (!cell || cell.gap) {
      return html`<td class="gap"><span aria-hidden="true">✕ </span>${i18n.t('coverage.gap')}</td>`;
    }
    const verified = i18n.number(cell.verifiedShare ?? 0, { style: 'percent' });
    return html`<td>
      <span class="count">${i18n.number(cell.services)}</span>
      <span class="detail">${i18n.plural('coverage.organizations', cell.organizations)}</span>
      <span class="detail">${i18n.t('coverage.verified', { percent: verified })}</span>
    </td>`;
  }

  override render() {
    const coverage = this.coverage;
    if (!coverage) return nothing;
    const i18n = this.#i18n;
    const { lines, columns } = this.#layout(coverage);
    const firstColumn = this.rows === 'governorates' ? i18n.t('filters.governorate') : i18n.t('filters.category');
    return html`<div class="scroll" role="region" aria-labelledby="caption" tabindex="0">
      <table>
        <caption id="caption">${i18n.t('coverage.matrix.caption')}</caption>
        <thead>
          <tr>
            ${this.#header(firstColumn, { by: 'label' })}
            ${columns.map((column) => this.#header(column.label, { by: 'column', key: column.key }))}
            ${this.#header(i18n.t('coverage.matrix.total'), { by: 'total' })}
            ${this.#header(i18n.t('coverage.matrix.gaps'), { by: 'gaps' })}
          </tr>
        </thead>
        <tbody>
          ${this.#sorted(lines).map(
            (line) => html`<tr data-key=${line.key}>
              <th scope="row">${line.href ? html`<a href=${line.href}>${line.label}</a>` : line.label}</th>
              ${columns.map((column) => this.#cell(line.cells[column.key]))}
              <td>
                <span class="count">${i18n.number(line.total.services)}</span>
                <span class="detail">${i18n.plural('coverage.organizations', line.total.organizations)}</span>
              </td>
              <td><span class="count">${i18n.number(line.gaps)}</span></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('ct-coverage-matrix', CoverageMatrix);

declare global {
  interface HTMLElementTagNameMap {
    'ct-coverage-matrix': CoverageMatrix;
  }
}
