import { css } from 'lit';
import { sortableStyles } from '../../../styles/sortable.styles.js';

/** Volume charts side by side where there is room (the rest comes from the dashboard's styles). */
export const styles = [
  sortableStyles,
  css`
  .charts {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
  }
`,
];
