import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  article {
    padding: 0.9rem 1rem;
    border: 1px solid var(--ct-border-soft);
    border-radius: 8px;
    background: var(--ct-background);
  }
  .title {
    margin-block: 0 0.2rem;
    font-size: 1.05rem;
    font-weight: 700;
    line-height: 1.3;
  }
  .title a {
    text-decoration: none;
  }
  .title a:hover {
    text-decoration: underline;
  }
  .organization {
    margin-block-end: 0.35rem;
    color: var(--ct-muted);
    font-size: 0.9rem;
  }
  .description {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    font-size: 0.95rem;
  }
  .categories {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.9rem;
    margin: 0 0 0.4rem;
    padding: 0;
    list-style: none;
    font-size: 0.88rem;
  }
  .categories li {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem 0.6rem;
    margin: 0;
    font-size: 0.85rem;
  }
`;
