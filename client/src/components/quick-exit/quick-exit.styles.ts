import { css } from 'lit';

/** The button sticks to the top while the page scrolls, at the inline end, so a thumb finds it at once. */
export const styles = css`
  :host {
    /* No box of its own: the bar's sticky area is then the whole page, not this element. */
    display: contents;
  }
  .bar {
    position: sticky;
    inset-block-start: 0;
    z-index: 20;
    display: flex;
    justify-content: flex-end;
    padding-block: 0.25rem;
    pointer-events: none;
  }
  a {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-block: 0.35rem;
    padding-inline: 1rem;
    border-radius: 6px;
    background: var(--ct-danger);
    color: var(--ct-on-primary);
    font-weight: 700;
    text-decoration: none;
    pointer-events: auto;
    box-shadow: 0 1px 3px rgb(0 0 0 / 30%);
  }
  a:hover {
    text-decoration: underline;
  }
  a:focus-visible {
    outline: 3px solid var(--ct-focus);
    outline-offset: 2px;
  }
  p {
    margin-block: 0 0.75rem;
    font-size: 0.9rem;
    color: var(--ct-muted);
  }
`;
