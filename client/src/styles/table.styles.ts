import { css } from 'lit';

/**
 * Data tables (lists in the signed-in areas, the tables behind every chart): a box that scrolls
 * sideways on a phone instead of the page, a caption at the start, rows ruled at the block end,
 * numbers at the end in tabular figures.
 */
export const tableStyles = css`
  .table-wrap {
    overflow-x: auto;
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
`;
