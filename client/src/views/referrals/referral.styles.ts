import { css } from 'lit';

/** What the three referral screens share: form controls, the case facts list, urgency and overdue marks. */
export const referralStyles = css`
  :host {
    display: block;
  }
  label,
  legend {
    display: block;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  fieldset {
    margin: 0;
    padding-block: 0.5rem 0.75rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--ct-border-soft);
    border-radius: 6px;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    inline-size: 100%;
    max-inline-size: 32rem;
    min-block-size: 44px;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--ct-border);
    border-radius: 6px;
    background: var(--ct-background);
    color: inherit;
    font: inherit;
  }
  textarea {
    min-block-size: 7rem;
  }
  [aria-invalid='true'] {
    border-color: var(--ct-danger);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-block-size: 44px;
    font-weight: 400;
    margin: 0;
  }
  .choice input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    flex: none;
  }
  .choices {
    display: grid;
    gap: 0 1rem;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  }
  .hint {
    margin-block: 0 0.4rem;
    color: var(--ct-muted);
    font-size: 0.95rem;
  }
  .field {
    margin-block-end: 1rem;
  }
  .field-error {
    margin-block: 0.25rem 0;
    color: var(--ct-danger);
    font-weight: 600;
  }
  .field-error::before {
    content: '⚠ ';
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block: 1rem;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.35rem 1rem;
    margin: 0;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  @media (max-width: 30rem) {
    .facts {
      grid-template-columns: 1fr;
    }
    .facts dd {
      margin-block-end: 0.5rem;
    }
  }
  .badge.urgency-emergency,
  .badge.overdue {
    background: var(--ct-danger-surface);
    color: var(--ct-danger);
    font-weight: 700;
    border: 1px solid var(--ct-danger);
  }
  .badge.urgency-high {
    background: var(--ct-warning-surface);
    color: var(--ct-warning);
    font-weight: 600;
  }
  .success {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--ct-positive);
    background: var(--ct-positive-surface);
    border-radius: 4px;
  }
`;
