import { css } from 'lit';

export const styles = css`
  .kind {
    display: block;
    inline-size: fit-content;
    margin-block-end: 0.25rem;
  }
  .changed {
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }
  .changed dt {
    font-weight: 600;
  }
  .changed dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .changed .before {
    text-decoration: line-through;
    text-decoration-color: var(--muted, #666);
  }
  .reject {
    display: grid;
    gap: 0.25rem;
    margin-block-start: 0.5rem;
  }
`;
