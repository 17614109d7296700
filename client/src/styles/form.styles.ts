import { css } from 'lit';

/**
 * Form controls, one look everywhere: labels above their control, controls a thumb can hit (44 px),
 * errors under their field marked by more than colour. Layouts (columns, rows of filters) stay with
 * each screen; this holds only what a control looks like.
 */
export const formStyles = css`
  label,
  legend {
    display: block;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  legend {
    padding-inline: 0.25rem;
  }
  fieldset {
    /* A fieldset is as wide as its content by default, which overflows a phone. */
    min-inline-size: 0;
    margin: 0;
    padding-block: 0.5rem 0.75rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--ct-border-soft);
    border-radius: 6px;
  }
  input:not([type='checkbox']):not([type='radio']):not([type='file']),
  select,
  textarea {
    min-block-size: 44px;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--ct-border);
    border-radius: 6px;
    background: var(--ct-surface);
    color: inherit;
    font: inherit;
  }
  textarea {
    min-block-size: 7rem;
  }
  input[type='file'] {
    min-block-size: 44px;
    font: inherit;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    flex: none;
  }
  [aria-invalid='true'] {
    border-color: var(--ct-danger) !important;
  }
  /* A checkbox or radio with its label: one row, the whole row a target. */
  .check,
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 44px;
    margin: 0;
    font-weight: 400;
  }
  .hint {
    margin-block: 0.25rem 0;
    color: var(--ct-muted);
    font-size: 0.9rem;
  }
  .field-error {
    margin-block: 0.25rem 0;
    color: var(--ct-danger);
    font-weight: 600;
  }
  .field-error::before {
    content: '⚠ ';
  }
`;
