import { css } from 'lit';

/** One translated text: a control per language, side by side where there is room. */
export const styles = css`
  :host {
    display: block;
    margin-block-end: 1rem;
  }
  .field input,
  .field textarea {
    inline-size: 100%;
  }
  .languages {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
  }
  /* The language's name under the field's legend: quieter than a field's own label. */
  label {
    font-size: 0.9rem;
    font-weight: 400;
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
