import { css, unsafeCSS } from 'lit';
import { FALLBACK_GROUP_COLOUR, GROUP_COLOURS } from '../../styles/shared.styles.js';

/** Styles for colourDot(): one class per category group, generated from the shared palette. */
export const colourDotStyles = [
  css`
    .dot {
      display: inline-block;
      flex: none;
      inline-size: 0.7rem;
      block-size: 0.7rem;
      border-radius: 50%;
    }
  `,
  unsafeCSS(
    [...Object.entries(GROUP_COLOURS), ['other', FALLBACK_GROUP_COLOUR]]
      .map(([group, colour]) => `.group-${group} { background: ${colour}; }`)
      .join('\n'),
  ),
];
