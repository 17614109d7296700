import { css } from 'lit';
import { visuallyHiddenRules } from './shared.styles.js';

/**
 * Data tables (lists in the signed-in areas, the tables behind every chart): a caption at the start,
 * rows ruled at the block end, numbers at the end in tabular figures. In a box narrower than 36rem
 * (a phone, a narrow column) each row becomes a stacked card, every cell under its column's name
 * (the `data-label` that TableCellLabels sets), so nothing scrolls sideways.
 */
export const tableStyles = css`
  .table-wrap {
    container-type: inline-size;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.5rem;
  }
  th,
  td {
    padding-block: 0.5rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--ct-border-soft);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--ct-surface-strong);
  }
  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  @container (max-width: 36rem) {
    table,
    tbody,
    tr,
    td,
    tbody th {
      display: block;
    }
    /* Each cell shows its column's name; the header row stays for screen readers. */
    thead {
      ${visuallyHiddenRules}
    }
    tbody tr {
      margin-block-end: 0.75rem;
      padding-block: 0.25rem;
      padding-inline: 0.75rem;
      border: 1px solid var(--ct-border-soft);
      border-radius: 6px;
    }
    td,
    tbody th {
      padding-inline: 0;
      border-block-end: 0;
      overflow-wrap: anywhere;
    }
    td.number {
      text-align: start;
    }
    [data-label]::before {
      content: attr(data-label);
      display: block;
      color: var(--ct-muted);
      font-size: 0.85rem;
      font-weight: 600;
    }
  }
`;
