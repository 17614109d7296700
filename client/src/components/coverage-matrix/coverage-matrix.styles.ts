import { css } from 'lit';
import { sortableStyles } from '../../styles/sortable.styles.js';

export const styles = [
  sortableStyles,
  css`
  :host {
    display: block;
  }
  /* Scrolls both ways within the page; headers and the first column stay in view. */
  .scroll {
    overflow: auto;
    max-block-size: 75vh;
    border: 1px solid var(--ct-border-soft);
    border-radius: 6px;
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    font-size: 0.9rem;
  }
  caption {
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    text-align: start;
    color: var(--ct-muted);
  }
  th,
  td {
    padding-block: 0.35rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--ct-border-soft);
    border-inline-end: 1px solid var(--ct-border-soft);
    vertical-align: top;
    text-align: start;
  }
  thead th {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    min-inline-size: 7rem;
    max-inline-size: 10rem;
    background: var(--ct-surface-strong);
    vertical-align: bottom;
  }
  th[scope='row'],
  thead th:first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    min-inline-size: 8rem;
    background: var(--ct-surface);
  }
  thead th:first-child {
    z-index: 3;
    background: var(--ct-surface-strong);
  }
  td {
    background: var(--ct-background);
  }
  .count {
    display: block;
    font-size: 1rem;
    font-weight: 700;
  }
  .detail {
    display: block;
    color: var(--ct-muted);
    font-size: 0.8rem;
    white-space: nowrap;
  }
  td.gap {
    background: repeating-linear-gradient(45deg, var(--ct-danger-surface) 0 6px, var(--ct-background) 6px 12px);
    color: var(--ct-danger);
    font-weight: 700;
  }
`,
];
