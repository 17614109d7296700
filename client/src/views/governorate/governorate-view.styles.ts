import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .page-header {
    margin-block-end: 1.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  section {
    margin-block-end: 1.5rem;
  }
  h2 {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding-block-end: 0.3rem;
    border-block-end: 2px solid var(--ct-border-soft);
  }
  .services {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .services > li {
    padding: 0.6rem 0.8rem;
    border: 1px solid var(--ct-border-soft);
    border-radius: 6px;
  }
  .service-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  .contact {
    padding-block-end: 0;
    border: 0;
  }
`;
