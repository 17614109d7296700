import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    margin-block: 0.75rem;
  }
  summary {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    cursor: pointer;
    font-weight: 600;
  }
  label {
    display: block;
    margin-block: 0.5rem 0.2rem;
    font-weight: 600;
  }
  input,
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    font: inherit;
  }
  textarea {
    min-block-size: 9rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: 0.6rem;
  }
  .actions a,
  .actions button {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 0.9rem;
  }
`;
