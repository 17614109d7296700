import { css } from 'lit';
import { countStyles } from '../../components/referral-badge/referral-badge.styles.js';
import { tableStyles } from '../../styles/table.styles.js';

/** Inbox and outbox: tabs, counts, filters that wrap on phones, a table that scrolls inside its own box. */
export const styles = [
  tableStyles,
  css`
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    margin-block-end: 0.75rem;
  }
  .title-row h1 {
    margin: 0;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-block-end: 2px solid var(--ct-border-soft);
    margin-block-end: 0.75rem;
  }
  .tab {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-block-size: 44px;
    padding-inline: 1rem;
    border-block-end: 4px solid transparent;
    color: var(--ct-text);
    font-weight: 600;
    text-decoration: none;
  }
  .tab[aria-current='page'] {
    border-block-end-color: var(--ct-primary);
    color: var(--ct-primary);
  }
  ${countStyles}
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin-block: 0 0.75rem;
    padding: 0;
    list-style: none;
  }
  .counts a {
    display: inline-block;
    min-block-size: 44px;
    line-height: 44px;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 1rem;
    margin-block-end: 1rem;
  }
  .filter {
    flex: 1 1 10rem;
    max-inline-size: 16rem;
  }
  .clear {
    min-block-size: 44px;
    line-height: 44px;
  }
  thead th {
    white-space: nowrap;
  }
  tbody th a {
    display: inline-block;
    min-block-size: 44px;
    line-height: 44px;
    font-weight: 700;
  }
  tr.overdue-row {
    background: var(--ct-danger-surface);
  }
  tr.overdue-row th {
    border-inline-start: 4px solid var(--ct-danger);
  }
  .pagination {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-block: 1rem;
  }
`,
];
