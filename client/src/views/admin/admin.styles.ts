import { css } from 'lit';

/** What the administration sections share: filter forms, fields, data tables, paging. */
export const adminStyles = css`
  :host {
    display: block;
  }
  form.fields,
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem 1rem;
    margin-block-end: 1rem;
  }
  form.stacked {
    display: grid;
    gap: 1rem;
    max-inline-size: 32rem;
  }
  label {
    display: block;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  input:not([type='checkbox']):not([type='file']),
  select {
    min-block-size: 44px;
    min-inline-size: 10rem;
    padding-block: 0.4rem;
    padding-inline: 0.6rem;
    border: 2px solid var(--ct-border);
    border-radius: 6px;
    background: var(--ct-surface);
    font: inherit;
  }
  input[type='file'] {
    min-block-size: 44px;
    font: inherit;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 44px;
    font-weight: normal;
  }
  .check input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .field-error {
    margin-block: 0.25rem 0;
    color: var(--ct-danger);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block-end: 1.25rem;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding-block: 0.5rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--ct-border);
  }
  thead th {
    background: var(--ct-surface-strong);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .pager {
    display: flex;
    align-items: center;
    gap: 1rem;
    margin-block: 1rem;
  }
  .status {
    min-block-size: 1.5em;
  }
`;
