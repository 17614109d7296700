import { css } from 'lit';

/** Sortable table columns: the header is a button (aria-sort on the th says the order), with an arrow beside its label. */
export const sortableStyles = css`
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    min-block-size: 44px;
    inline-size: 100%;
    padding: 0.2rem;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .sort:hover {
    text-decoration: underline;
  }
  .arrow {
    flex: none;
    color: var(--ct-muted);
  }
`;
