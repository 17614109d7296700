import { css, unsafeCSS } from 'lit';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { visuallyHidden } from '../../styles/shared.styles.js';

/** Sequential shades for a count per governorate, lightest for none. */
export const SHADES = ['#f3f4f1', '#d4ebe4', '#a3d3c5', '#67b3a0', '#338b77', '#0f5c4f'];

/** Leaflet's own CSS lives inside the shadow root, so nothing leaks into the page. */
export const governorateMapStyles = [
  unsafeCSS(leafletCss),
  unsafeCSS(SHADES.map((colour, i) => `.shade-${i} { background: ${colour}; }`).join('\n')),
  css`
    :host {
      display: block;
      position: relative;
      min-block-size: 20rem;
      block-size: 100%;
    }
    .map {
      position: absolute;
      inset: 0;
      border: 1px solid var(--ct-border-soft);
      border-radius: 6px;
      background: #dfe8ee;
      font: inherit;
    }
    .leaflet-container {
      font-family: var(--ct-font);
    }
    .leaflet-container a {
      color: var(--ct-link);
    }
    .gov-label {
      padding: 0.1rem 0.3rem;
      border: 0;
      background: rgb(255 255 255 / 0.82);
      box-shadow: none;
      color: var(--ct-text);
      font-size: 0.72rem;
      line-height: 1.2;
      text-align: center;
      white-space: nowrap;
    }
    .gov-label::before {
      display: none;
    }
    .gov-label strong {
      display: block;
      font-size: 0.8rem;
    }
    .legend {
      padding: 0.5rem 0.6rem;
      border-radius: 6px;
      background: rgb(255 255 255 / 0.95);
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
      color: var(--ct-text);
      font-size: 0.8rem;
      line-height: 1.4;
    }
    .legend h2 {
      margin: 0 0 0.25rem;
      font-size: 0.85rem;
    }
    .legend ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 0.4rem;
    }
    .swatch {
      display: inline-block;
      inline-size: 1rem;
      block-size: 0.8rem;
      border: 1px solid #5b6770;
    }
    .popup {
      min-inline-size: 12rem;
      font-size: 0.9rem;
      line-height: 1.4;
    }
    .popup h3 {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    .popup p {
      margin: 0 0 0.35rem;
    }
    .leaflet-popup-content-wrapper,
    .leaflet-popup-tip {
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.35);
    }
    .leaflet-bar a,
    .leaflet-bar a:hover {
      inline-size: 36px;
      block-size: 36px;
      line-height: 36px;
    }
    .leaflet-container :focus-visible {
      outline: 3px solid var(--ct-focus);
      outline-offset: 2px;
    }
    .status {
      position: absolute;
      inset-block-start: 0.5rem;
      inset-inline: 0;
      inline-size: fit-content;
      margin-inline: auto;
      z-index: 1000;
      padding: 0.3rem 0.75rem;
      border-radius: 999px;
      background: rgb(255 255 255 / 0.95);
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
      font-size: 0.85rem;
    }
    ${visuallyHidden}
  `,
];
