import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';

/** The account pages' forms: one column, full-width fields, errors under their field. */
export const accountStyles = [
  formStyles,
  css`
  :host {
    display: block;
    max-inline-size: 32rem;
  }
  form {
    display: grid;
    gap: 1rem;
    margin-block-end: 1.5rem;
  }
  input {
    inline-size: 100%;
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.5rem 1rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`,
];
