import { css } from 'lit';

/** The account pages' forms: one column, full-width fields, errors under their field. */
export const accountStyles = css`
  :host {
    display: block;
    max-inline-size: 32rem;
  }
  form {
    display: grid;
    gap: 1rem;
    margin-block-end: 1.5rem;
  }
  label {
    display: block;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  input {
    inline-size: 100%;
    min-block-size: 44px;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--ct-border);
    border-radius: 6px;
    font: inherit;
  }
  .hint {
    margin-block: 0.25rem 0;
    color: var(--ct-muted);
    font-size: 0.9rem;
  }
  .field-error {
    margin-block: 0.25rem 0;
    color: var(--ct-danger);
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
`;
