import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  button {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-block: 0.25rem;
    padding-inline: 0.6rem;
    border: 1px solid var(--ct-switch-border, var(--ct-border));
    border-radius: 6px;
    background: var(--ct-switch-background, var(--ct-background));
    color: var(--ct-switch-color, var(--ct-text));
    font: inherit;
    font-size: 0.95rem;
    cursor: pointer;
  }
  button:hover {
    text-decoration: underline;
  }
  /* Themable from outside (the header is dark): --ct-switch-{background,color,border} and their -pressed twins. */
  button[aria-pressed='true'] {
    background: var(--ct-switch-pressed-background, var(--ct-primary));
    border-color: var(--ct-switch-pressed-background, var(--ct-primary));
    color: var(--ct-switch-pressed-color, var(--ct-on-primary));
    font-weight: 700;
  }
`;
