import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .danger {
    padding: 0.9rem 1rem;
    border-inline-start: 6px solid var(--ct-danger);
    background: var(--ct-danger-surface);
    color: var(--ct-danger);
    font-weight: 600;
    border-radius: 4px;
  }
  .danger p {
    margin-block: 0 0.75rem;
  }
  .emergency-call {
    display: inline-flex;
    align-items: center;
    min-block-size: 48px;
    padding-inline: 1.25rem;
    border-radius: 6px;
    background: var(--ct-danger);
    color: #fff;
    font-size: 1.15rem;
    font-weight: 700;
    text-decoration: none;
  }
  .emergency-call:hover {
    color: #fff;
    text-decoration: underline;
  }
  .columns {
    display: grid;
    gap: 1rem 2rem;
  }
  @media (min-width: 50rem) {
    .columns {
      grid-template-columns: 1fr 1fr;
    }
  }
  li {
    margin-block-end: 0.4rem;
  }
  details {
    border-block-end: 1px solid var(--ct-border-soft);
  }
  summary {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 44px;
    cursor: pointer;
    font-weight: 600;
  }
  .national {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .national > li {
    padding-block: 0.6rem;
    border-block-end: 1px solid var(--ct-border-soft);
  }
  .national p {
    margin-block: 0.25rem 0;
  }
  .national-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .national-number {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    min-inline-size: 44px;
    font-size: 1.4rem;
    font-weight: 700;
  }
  .small {
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }
  .hotlines {
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
  }
  .hotlines > li {
    display: flex;
    flex-direction: column;
    padding-block: 0.4rem;
  }
`;
