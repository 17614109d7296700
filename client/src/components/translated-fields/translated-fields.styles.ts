import { css } from 'lit';

/** Text inputs, selects and their error messages, shared by every form built from these fields. */
export const fieldStyles = css`
  .field input:not([type='checkbox']),
  .field select,
  .field textarea {
    inline-size: 100%;
    min-block-size: 44px;
    padding: 0.5em;
    font: inherit;
    border: 1px solid var(--ct-border);
    border-radius: 4px;
    background: var(--ct-surface);
    color: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--ct-danger) !important;
  }
  .field-error {
    color: var(--ct-danger);
    font-size: 0.9rem;
    margin-block: 0.25rem 0;
  }
`;

export const styles = css`
  :host {
    display: block;
    margin-block-end: 1rem;
  }
  fieldset {
    min-inline-size: 0;
    border: 1px solid var(--ct-border-soft);
    border-radius: 6px;
    padding-block: 0.5rem 0.75rem;
    padding-inline: 0.75rem;
    margin: 0;
  }
  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  .languages {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
  }
  label {
    display: block;
    font-size: 0.9rem;
    margin-block-end: 0.25rem;
  }
  .missing input,
  .missing textarea {
    border-style: dashed;
    border-color: var(--ct-warning);
  }
  .missing-mark {
    margin-block: 0.25rem 0;
    font-size: 0.85rem;
    color: var(--ct-warning);
  }
  .missing-mark::before {
    content: '⚠ ';
  }
`;
