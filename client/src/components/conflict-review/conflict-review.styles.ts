import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .conflict {
    padding: 1rem;
    border: 2px solid var(--ct-warning);
    border-radius: 6px;
    background: var(--ct-warning-surface);
  }
  h2:focus {
    outline: none;
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    background: var(--ct-surface);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem;
    border: 1px solid var(--ct-border-soft);
  }
  tr.both th[scope='row'] {
    border-inline-start: 4px solid var(--ct-warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block-start: 1rem;
  }
`;
