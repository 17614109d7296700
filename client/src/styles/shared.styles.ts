import { css } from 'lit';

/** The declarations that put an element out of sight but leave it to screen readers. */
export const visuallyHiddenRules = css`
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

/** Out of sight but read by screen readers; also for components that do not take the shared styles. */
export const visuallyHidden = css`
  .visually-hidden {
    ${visuallyHiddenRules}
  }
`;

/**
 * Styles every component starts from: box model, focus ring, links, buttons, badges. Only logical
 * properties (inline/block), so layouts mirror in Arabic and Kurdish. Colours come from the
 * custom properties declared once in index.html.
 */
export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* A long option (an organisation's name) or address must not widen the page past a 360 px phone. */
  select,
  input,
  label {
    max-inline-size: 100%;
  }
  select {
    text-overflow: ellipsis;
  }
  :focus-visible {
    outline: 3px solid var(--ct-focus);
    outline-offset: 2px;
  }
  a {
    color: var(--ct-link);
    text-underline-offset: 0.15em;
  }
  a:hover {
    color: var(--ct-link-hover);
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin-block: 0 0.5em;
  }
  h1 {
    font-size: 1.6rem;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  p {
    margin-block: 0 0.75em;
  }
  ${visuallyHidden}
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: 44px;
    padding-block: 0.5em;
    padding-inline: 1em;
    border: 2px solid var(--ct-primary);
    border-radius: 6px;
    background: var(--ct-primary);
    color: var(--ct-on-primary);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .button:hover {
    background: var(--ct-primary-hover);
    border-color: var(--ct-primary-hover);
    color: var(--ct-on-primary);
  }
  .button.secondary {
    background: var(--ct-surface);
    color: var(--ct-primary);
  }
  .button.secondary:hover {
    background: var(--ct-surface-strong);
    color: var(--ct-primary-hover);
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .badge {
    display: inline-block;
    padding-block: 0.1em;
    padding-inline: 0.5em;
    border-radius: 999px;
    background: var(--ct-surface-strong);
    color: var(--ct-text);
    font-size: 0.8rem;
    line-height: 1.5;
  }
  .badge.positive {
    background: var(--ct-positive-surface);
    color: var(--ct-positive);
  }
  .badge.warning {
    background: var(--ct-warning-surface);
    color: var(--ct-warning);
  }
  .muted {
    color: var(--ct-muted);
  }
  .notice {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--ct-warning);
    background: var(--ct-warning-surface);
    border-radius: 4px;
  }
  .error {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--ct-danger);
    background: var(--ct-danger-surface);
    border-radius: 4px;
  }
  bdi.ltr,
  .ltr {
    direction: ltr;
    unicode-bidi: isolate;
  }
`;

/** Colours of the six category groups: markers, legend and card chips share them. */
export const GROUP_COLOURS: Record<string, string> = {
  safety: '#b45309',
  health: '#be123c',
  protection: '#6d28d9',
  justice: '#1d4ed8',
  recovery: '#047857',
  information: '#0e7490',
};

export const FALLBACK_GROUP_COLOUR = '#4b5563';
