import { css } from 'lit';

/** Sign-in uses the account forms' layout (account.styles.ts); only the reset link differs. */
export const styles = css`
  :host {
    max-inline-size: 28rem;
  }
  .hint {
    margin-block: 0.5rem 0;
  }
  .hint a {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
  }
`;
