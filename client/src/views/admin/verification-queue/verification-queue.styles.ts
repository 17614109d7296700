import { css } from 'lit';

export const styles = css`
  .kind {
    display: block;
    inline-size: fit-content;
    margin-block-end: 0.25rem;
  }
  .changed {
    margin: 0;
    padding-inline-start: 1.1rem;
  }
`;
