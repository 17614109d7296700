import { css } from 'lit';

/** A number in a pill (the nav badge, the inbox's tab counts). */
export const countStyles = css`
  .count {
    display: inline-block;
    min-inline-size: 1.5rem;
    padding-inline: 0.4rem;
    border-radius: 999px;
    background: var(--ct-primary);
    color: var(--ct-on-primary);
    font-size: 0.85rem;
    font-weight: 700;
    line-height: 1.5;
    text-align: center;
  }
`;

export const styles = css`
  :host {
    display: inline-flex;
  }
  ${countStyles}
  .count.overdue {
    background: var(--ct-danger);
  }
`;
