import { css } from 'lit';
import { governorateMapStyles } from '../governorate-map/governorate-map.styles.js';

export const styles = [
  ...governorateMapStyles,
  css`
  :host {
    min-block-size: 22rem;
    margin-block-end: 1rem;
  }
  .picked {
    border: 3px solid #fff;
    border-radius: 50%;
    background: var(--ct-primary);
    box-shadow: 0 0 0 2px var(--ct-primary);
    cursor: grab;
  }
`,
];
