import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';

/** What the three referral screens share: form controls, the case facts list, urgency and overdue marks. */
export const referralStyles = [
  formStyles,
  css`
  :host {
    display: block;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    inline-size: 100%;
    max-inline-size: 32rem;
  }
  .choices {
    display: grid;
    gap: 0 1rem;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  }
  /* Here a hint comes between a label and its control. */
  .hint {
    margin-block: 0 0.4rem;
  }
  .field {
    margin-block-end: 1rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block: 1rem;
  }
  /* The receiver reads how to reach the person before anything else about the case. */
  .contact-preference {
    border-inline-start: 0.3rem solid currentColor;
    padding-inline-start: 0.6rem;
    font-size: 1.1em;
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
`,
];
