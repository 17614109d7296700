import { css } from 'lit';

/** Styles for contentText(): include in every component that renders directory content. */
export const contentTextStyles = css`
  .content-fallback {
    display: inline-block;
    margin-inline-start: 0.35em;
    color: var(--ct-muted);
    font-size: 0.75em;
    font-weight: normal;
    white-space: nowrap;
  }
`;
