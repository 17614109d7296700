import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  h1 {
    margin-block-end: 0.75rem;
  }
  .search {
    margin-block-end: 1rem;
  }
  .search label {
    display: block;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  .search-row {
    display: flex;
    gap: 0.5rem;
  }
  .search input {
    flex: 1;
    min-inline-size: 0;
    min-block-size: 44px;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--ct-border);
    border-radius: 6px;
    font: inherit;
    font-size: 1.05rem;
  }
  .layout {
    display: grid;
    gap: 1rem 1.5rem;
    grid-template-columns: minmax(0, 1fr);
  }
  .layout.view-both {
    grid-template-columns: minmax(14rem, 17rem) minmax(0, 1fr) minmax(0, 1.15fr);
    align-items: start;
  }
  .filters {
    border: 1px solid var(--ct-border-soft);
    border-radius: 8px;
    padding-inline: 0.9rem;
    background: var(--ct-surface);
  }
  section.filters {
    padding-block: 0.75rem;
  }
  /* Phones: one row of "Filters (n)" and the List / Map tabs above the results. */
  .phone-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .filters-button {
    min-block-size: 44px;
    padding-inline: 1rem;
    border: 2px solid var(--ct-primary);
    border-radius: 6px;
    background: var(--ct-background);
    color: var(--ct-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  /* The filters sheet rises from the bottom edge; logical properties keep it right in RTL. */
  dialog.sheet {
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: 100%;
    max-block-size: 85vh;
    margin-block: auto 0;
    margin-inline: 0;
    padding-block: 0;
    border: none;
    border-start-start-radius: 12px;
    border-start-end-radius: 12px;
    overflow-y: auto;
    color: var(--ct-text);
  }
  dialog.sheet::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .sheet-head,
  .sheet-foot {
    position: sticky;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding-block: 0.5rem;
    background: var(--ct-surface);
    z-index: 1;
  }
  .sheet-head {
    inset-block-start: 0;
  }
  .sheet-foot {
    inset-block-end: 0;
    justify-content: stretch;
  }
  .sheet-foot .button {
    flex: 1;
  }
  .sheet .close {
    min-inline-size: 44px;
    min-block-size: 44px;
    border: none;
    background: none;
    color: var(--ct-text);
    font-size: 1.2rem;
    cursor: pointer;
  }
  .filters h2 {
    font-size: 1.1rem;
    margin-block-end: 0.25rem;
  }
  .toggle-filter {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    padding-block: 0.75rem;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    min-block-size: 36px;
    padding-block: 0.25rem;
    padding-inline: 0.8rem;
    border: 1px solid var(--ct-border);
    border-radius: 999px;
    background: var(--ct-background);
    color: var(--ct-text);
    font: inherit;
    font-size: 0.9rem;
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    background: var(--ct-primary);
    border-color: var(--ct-primary);
    color: var(--ct-on-primary);
  }
  .results-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
  .results-head h2 {
    margin: 0;
  }
  .phone-head .results-head {
    margin-block-end: 0;
  }
  .view-toggle {
    display: inline-flex;
    border: 2px solid var(--ct-primary);
    border-radius: 6px;
    overflow: hidden;
  }
  .segment {
    display: inline-flex;
    align-items: center;
    min-block-size: 40px;
    padding-inline: 1rem;
    border: none;
    background: none;
    color: var(--ct-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .segment[aria-selected='true'] {
    background: var(--ct-primary);
    color: var(--ct-on-primary);
  }
  .active-filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-block-end: 0.75rem;
  }
  .active-filters ul {
    display: contents;
    list-style: none;
  }
  .active-filters li {
    display: inline-flex;
  }
  .remove-chip {
    min-block-size: 36px;
    padding-inline: 0.7rem;
    border: 1px solid var(--ct-primary);
    border-radius: 999px;
    background: var(--ct-positive-surface);
    color: var(--ct-positive);
    font: inherit;
    font-size: 0.88rem;
    cursor: pointer;
  }
  .results {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  section.list[aria-busy='true'] .results {
    opacity: 0.6;
  }
  .pagination {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    margin-block-start: 1rem;
  }
  .map-area {
    position: relative;
    block-size: 70vh;
    min-block-size: 22rem;
  }
  .layout.view-both .map-area {
    position: sticky;
    inset-block-start: 1rem;
    block-size: calc(100vh - 2rem);
    max-block-size: 52rem;
  }
  .map-message {
    padding: 1rem;
  }
  .empty {
    padding: 1rem;
    border-radius: 8px;
    background: var(--ct-surface);
  }
  /* Understood filters under the search box, and the filters to drop from an empty search. */
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .understood {
    margin-block: 0.5rem 0.75rem;
  }
  .way-on > p {
    margin-block-start: 0;
  }
  .way-on h3 {
    margin-block: 1rem 0.5rem;
    font-size: 1rem;
  }
  .suggestions,
  .hotlines {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .suggestions li,
  .hotlines li {
    margin-block-end: 0.5rem;
  }
  .suggestions a {
    display: inline-block;
    min-block-size: 24px;
    margin-inline-end: 0.5rem;
  }
  .hotlines .muted {
    display: block;
  }
`;
