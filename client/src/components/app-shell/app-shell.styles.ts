import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-block-size: 100vh;
  }
  .skip-link {
    position: absolute;
    inset-inline-start: 0.5rem;
    inset-block-start: -10rem;
    z-index: 2000;
    padding: 0.75rem 1rem;
    background: var(--ct-background);
    color: var(--ct-link);
    border: 2px solid var(--ct-focus);
    border-radius: 6px;
  }
  .skip-link:focus {
    inset-block-start: 0.5rem;
  }
  .sample-banner {
    padding-block: 0.5rem;
    padding-inline: 1rem;
    background: var(--ct-warning-surface);
    color: var(--ct-warning);
    border-block-end: 1px solid #d6b656;
    font-size: 0.9rem;
    text-align: center;
  }
  header {
    background: var(--ct-primary);
    color: var(--ct-on-primary);
    --ct-switch-background: transparent;
    --ct-switch-color: var(--ct-on-primary);
    --ct-switch-border: rgb(255 255 255 / 0.7);
    --ct-switch-pressed-background: var(--ct-background);
    --ct-switch-pressed-color: var(--ct-primary);
  }
  .header-inner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    max-inline-size: 90rem;
    margin-inline: auto;
    padding-block: 0.5rem;
    padding-inline: 1rem;
  }
  .brand {
    display: flex;
    flex-direction: column;
    flex: 1 1 14rem;
    color: inherit;
    text-decoration: none;
    line-height: 1.25;
  }
  .brand:hover {
    color: inherit;
  }
  .brand-title {
    font-weight: 700;
    font-size: 1.05rem;
  }
  .brand-region {
    font-size: 0.85rem;
    opacity: 0.9;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .nav-link {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 0.5rem;
    color: var(--ct-on-primary);
    border-radius: 4px;
    text-decoration: none;
  }
  .nav-link:hover {
    color: var(--ct-on-primary);
    text-decoration: underline;
  }
  .nav-link[aria-current='page'] {
    text-decoration: underline;
    text-decoration-thickness: 3px;
    text-underline-offset: 0.35em;
  }
  .link-button {
    border: 0;
    background: none;
    font: inherit;
    cursor: pointer;
  }
  .account {
    font-size: 0.9rem;
    padding-inline: 0.5rem;
  }
  header :focus-visible {
    outline-color: #ffd18a;
  }
  main {
    flex: 1;
    inline-size: 100%;
    max-inline-size: 72rem;
    margin-inline: auto;
    padding-block: 1rem 2rem;
    padding-inline: 1rem;
  }
  main.wide {
    max-inline-size: 90rem;
  }
  main:focus {
    outline: none;
  }
  footer {
    padding-block: 1rem;
    padding-inline: 1rem;
    border-block-start: 1px solid var(--ct-border-soft);
    background: var(--ct-surface);
    color: var(--ct-muted);
    font-size: 0.9rem;
    text-align: center;
  }
  footer p {
    max-inline-size: 60rem;
    margin-inline: auto;
    margin-block: 0;
  }
  @media print {
    :host {
      display: block;
      min-block-size: 0;
    }
    .skip-link,
    header,
    footer {
      display: none;
    }
    main {
      max-inline-size: none;
      padding: 0;
    }
    .sample-banner {
      border: 1px solid currentColor;
      font-size: 8pt;
      padding: 1mm;
    }
  }
`;
