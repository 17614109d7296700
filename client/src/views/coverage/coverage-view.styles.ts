import { css } from 'lit';
import { tableStyles } from '../../styles/table.styles.js';

export const styles = [
  tableStyles,
  css`
  :host {
    display: block;
  }
  section {
    margin-block: 2rem;
  }
  h2 {
    padding-block-end: 0.3rem;
    border-block-end: 2px solid var(--ct-border-soft);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem 1.25rem;
    margin-block-end: 1rem;
  }
  .field {
    display: grid;
    /* minmax(0, …) and the cap: a long category name shrinks the select instead of widening a phone's page. */
    grid-template-columns: minmax(0, 1fr);
    max-inline-size: 100%;
    gap: 0.25rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  select,
  input[type='date'] {
    min-block-size: 44px;
    max-inline-size: 100%;
    padding-inline: 0.5rem;
    border: 1px solid var(--ct-border);
    border-radius: 6px;
    background: var(--ct-background);
    color: inherit;
    font: inherit;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: 0.25rem;
    padding: 0;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-block-size: 44px;
    padding-inline: 0.75rem;
    border: 1px solid var(--ct-border);
    border-radius: 6px;
    font-weight: normal;
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--ct-primary);
    background: var(--ct-surface);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .summary {
    font-size: 1.05rem;
  }
  ct-choropleth-map {
    block-size: min(32rem, 80vh);
  }
  .charts {
    display: grid;
    gap: 1.5rem;
  }
  .charts h3 {
    margin-block-end: 0.5rem;
  }
  table {
    inline-size: auto;
    font-size: 0.9rem;
  }
  th,
  td {
    padding-block: 0.3rem;
  }
`,
];
