import { css } from 'lit';
import { tableStyles } from '../../styles/table.styles.js';

/** What the administration sections share: filter forms, fields, data tables, paging. */
export const adminStyles = [
  tableStyles,
  css`
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
  /* A field never wider than the form: a long organisation name in a select shrinks it on a phone. */
  form.fields > *,
  .filters > * {
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  form.stacked {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
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
  table {
    margin-block-end: 1.25rem;
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
`,
];
