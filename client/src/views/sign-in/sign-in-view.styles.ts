import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-inline-size: 28rem;
  }
  form {
    display: grid;
    gap: 1rem;
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
  .field-error {
    margin-block: 0.25rem 0;
    color: var(--ct-danger);
  }
`;
