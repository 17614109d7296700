import { css } from 'lit';

/** Shared by the service and organisation pages: a header, a main column and a contact box. */
export const styles = css`
  :host {
    display: block;
  }
  .page-header {
    margin-block-end: 1.25rem;
    padding-block-end: 1rem;
    border-block-end: 1px solid var(--ct-border-soft);
  }
  .provider {
    font-size: 1.05rem;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.75rem;
  }
  .columns {
    display: grid;
    gap: 1.5rem;
  }
  @media (min-width: 56rem) {
    .columns {
      grid-template-columns: minmax(0, 1.6fr) minmax(16rem, 1fr);
      align-items: start;
    }
    .contact-box {
      position: sticky;
      inset-block-start: 1rem;
    }
  }
  section {
    margin-block-end: 1.5rem;
  }
  .prose {
    white-space: pre-line;
    max-inline-size: 42rem;
  }
  dl {
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin-inline-start: 0;
    margin-block-end: 0.6rem;
  }
  .categories,
  .plain,
  .inline-list {
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
  }
  .categories li {
    display: flex;
    align-items: center;
    gap: 0.45rem;
    margin-block-end: 0.2rem;
  }
  .plain li {
    margin-block-end: 0.4rem;
  }
  .inline-list {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 1rem;
  }
  .contact-box {
    padding: 1rem 1.1rem;
    border: 1px solid var(--ct-border-soft);
    border-radius: 8px;
    background: var(--ct-surface);
  }
  .contact-box h3 {
    margin-block: 0.9rem 0.25rem;
    font-size: 0.95rem;
  }
  .services {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
`;
