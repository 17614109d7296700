import { css } from 'lit';
import { visuallyHiddenRules } from '../../styles/shared.styles.js';

/** The wizard: a stepper that wraps on phones, one step at a time, a review list. */
export const styles = css`
  :host {
    max-inline-size: 48rem;
  }
  .stepper {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
  }
  .step {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-block: 0.25rem;
    padding-inline: 0.5rem 0.75rem;
    border: 2px solid var(--ct-border-soft);
    border-radius: 999px;
    background: var(--ct-background);
    color: var(--ct-text);
    font: inherit;
    cursor: pointer;
  }
  .step[disabled] {
    color: var(--ct-muted);
    cursor: not-allowed;
  }
  .step.current {
    border-color: var(--ct-primary);
    background: var(--ct-primary);
    color: var(--ct-on-primary);
    font-weight: 700;
  }
  .number {
    display: inline-grid;
    place-items: center;
    inline-size: 1.6rem;
    block-size: 1.6rem;
    border-radius: 50%;
    background: var(--ct-surface-strong);
    color: var(--ct-text);
    font-weight: 700;
  }
  /* On a phone only the current step keeps its name; the others show their number. */
  @media (max-width: 36rem) {
    .step:not(.current) .step-name {
      ${visuallyHiddenRules}
    }
  }
  .status:empty {
    display: none;
  }
  .step-body h2:focus {
    outline: none;
  }
  .step-body h2:focus-visible {
    outline: 3px solid var(--ct-focus);
  }
  .chosen {
    padding: 0.75rem 1rem;
    border: 2px solid var(--ct-primary);
    border-radius: 6px;
    margin-block-end: 1rem;
  }
  .chosen-name {
    font-weight: 700;
    margin: 0;
  }
  .chosen .muted {
    margin: 0;
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .search-row input {
    flex: 1 1 12rem;
  }
  .results {
    display: grid;
    gap: 0.5rem;
    margin-block: 1rem;
    padding: 0;
    list-style: none;
  }
  .result {
    inline-size: 100%;
    flex-direction: column;
    align-items: flex-start;
    text-align: start;
  }
  .override {
    margin-block-end: 1rem;
  }
  .review dd {
    overflow-wrap: anywhere;
  }
  .prose {
    white-space: pre-line;
  }
  .link-button {
    min-block-size: 44px;
    padding-inline: 0.5rem;
    border: none;
    background: none;
    color: var(--ct-link);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
`;
