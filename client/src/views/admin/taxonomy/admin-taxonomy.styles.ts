import { css } from 'lit';

/** The category tree: one block per group, its actions beside its name. */
export const styles = css`
  .group {
    margin-block: 1.5rem;
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--ct-border-soft);
  }
  .group-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .group-head h3 {
    margin-block: 0.5rem;
  }
  .note {
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-inline-start: 4px solid var(--ct-border);
    background: var(--ct-surface);
  }
  form.edit {
    display: grid;
    gap: 1rem;
    margin-block: 1rem;
  }
  /* A category's search words: one line per language, wrapping within the cell on a phone. */
  ul.synonyms {
    margin: 0;
    padding: 0;
    list-style: none;
    overflow-wrap: anywhere;
  }
  form.stacked.wide {
    max-inline-size: none;
  }
  form.stacked.wide > div:not(.actions) {
    max-inline-size: 32rem;
  }
`;
