import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { tableStyles } from '../../styles/table.styles.js';

/** What the administration sections share: filter forms, fields, data tables, paging. */
export const adminStyles = [
  formStyles,
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
  input:not([type='checkbox']):not([type='file']),
  select {
    min-inline-size: 10rem;
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
