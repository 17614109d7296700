import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .bars {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) minmax(4rem, 1fr) max-content;
    align-items: center;
    gap: 0.3rem 0.6rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.9rem;
  }
  .bars > li {
    display: contents;
  }
  .track {
    display: flex;
    block-size: 1.1rem;
    background: var(--ct-border-soft);
    border-radius: 3px;
    overflow: hidden;
  }
  .segment {
    block-size: 100%;
  }
  .value {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 1rem;
    margin: 0 0 0.5rem;
    padding: 0;
    list-style: none;
    font-size: 0.85rem;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.35rem;
  }
  .swatch {
    display: inline-block;
    inline-size: 0.9rem;
    block-size: 0.9rem;
    border-radius: 2px;
  }
`;
