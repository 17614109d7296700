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
  .offline-banner {
    padding-block: 0.5rem;
    padding-inline: 1rem;
    background: var(--ct-text);
    color: var(--ct-background);
    font-size: 0.9rem;
    text-align: center;
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
  .menu {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .menu-button {
    display: none;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 44px;
    padding-inline: 0.75rem;
    border: 1px solid rgb(255 255 255 / 0.7);
    border-radius: 6px;
    background: transparent;
    color: var(--ct-on-primary);
    font: inherit;
    cursor: pointer;
  }
  /* Three bars drawn with borders: no icon font or image to download. */
  .menu-icon {
    inline-size: 1.1rem;
    block-size: 0.8rem;
    border-block: 2px solid currentColor;
    background: linear-gradient(currentColor, currentColor) center / 100% 2px no-repeat;
  }
  /* Phones and small tablets: one row (brand and menu button), the navigation folds into a panel over the page. */
  @media (max-width: 63.99rem) {
    header {
      position: relative;
      z-index: 1100;
    }
    .header-inner {
      flex-wrap: nowrap;
      justify-content: space-between;
    }
    .brand {
      flex: 1 1 auto;
      min-inline-size: 0;
    }
    .brand-title {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
      font-size: 0.95rem;
    }
    .brand-region {
      display: none;
    }
    .menu-button {
      display: inline-flex;
      flex: none;
    }
    .menu {
      display: none;
      position: absolute;
      inset-inline: 0;
      inset-block-start: 100%;
      flex-direction: column;
      align-items: stretch;
      padding-block: 0.5rem 1rem;
      padding-inline: 1rem;
      background: var(--ct-primary);
      box-shadow: 0 6px 12px rgb(0 0 0 / 0.25);
      max-block-size: calc(100vh - 4rem);
      overflow-y: auto;
    }
    .menu.open {
      display: flex;
    }
    nav {
      flex-direction: column;
      align-items: stretch;
    }
  }
  ::slotted(main) {
    flex: 1;
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: 72rem;
    margin-inline: auto;
    padding-block: 1rem 2rem;
    padding-inline: 1rem;
  }
  ::slotted(main.wide) {
    max-inline-size: 90rem;
  }
  ::slotted(main:focus) {
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
    ::slotted(main) {
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
