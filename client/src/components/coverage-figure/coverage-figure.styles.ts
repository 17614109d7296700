import { css } from 'lit';
import { visuallyHiddenRules } from '../../styles/shared.styles.js';

export const styles = css`
  :host {
    display: block;
  }
  figure {
    margin: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-block-end: 0.5rem;
  }
  figcaption {
    font-weight: 600;
  }
  .button {
    min-block-size: 44px;
  }
  /* Out of sight but read by screen readers; shown again when something inside gets focus. */
  .table.offscreen:not(:focus-within) {
    ${visuallyHiddenRules}
  }
`;
