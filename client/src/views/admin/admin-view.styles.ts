import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0 0 1.5rem;
    padding: 0;
    list-style: none;
  }
  nav a {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 1rem;
    border: 2px solid var(--ct-border);
    border-radius: 6px;
    text-decoration: none;
  }
  nav a[aria-current='page'] {
    border-color: var(--ct-primary);
    background: var(--ct-primary);
    color: var(--ct-on-primary);
  }
`;
