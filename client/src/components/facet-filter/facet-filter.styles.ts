import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    border-block-end: 1px solid var(--ct-border-soft);
  }
  summary {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5rem;
    min-block-size: 44px;
    padding-block: 0.5rem;
    cursor: pointer;
    font-weight: 600;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    padding-block-end: 0.75rem;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-block-size: 36px;
    padding-block: 0.25rem;
    padding-inline: 0.7rem;
    border: 1px solid var(--ct-border);
    border-radius: 999px;
    background: var(--ct-background);
    color: var(--ct-text);
    font: inherit;
    font-size: 0.9rem;
    text-align: start;
    cursor: pointer;
  }
  .chip:hover {
    background: var(--ct-surface-strong);
  }
  .chip[aria-pressed='true'] {
    background: var(--ct-primary);
    border-color: var(--ct-primary);
    color: var(--ct-on-primary);
  }
  .count {
    padding-inline: 0.4rem;
    border-radius: 999px;
    background: var(--ct-surface-strong);
    color: var(--ct-text);
    font-size: 0.8rem;
  }
  .chip[aria-pressed='true'] .count {
    background: rgb(255 255 255 / 0.2);
    color: inherit;
  }
`;
