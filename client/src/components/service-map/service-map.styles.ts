import { css, unsafeCSS } from 'lit';
import clusterCss from 'leaflet.markercluster/dist/MarkerCluster.css?inline';
import { colourDotStyles } from '../colour-dot/colour-dot.styles.js';
import { governorateMapStyles } from '../governorate-map/governorate-map.styles.js';

export const styles = [
  ...governorateMapStyles,
  unsafeCSS(clusterCss),
  ...colourDotStyles,
  css`
    .legend .dot {
      border: 1px solid #fff;
      box-shadow: 0 0 0 1px #5b6770;
    }
    .legend .dot.hollow {
      background: #fff;
      border: 3px solid #5b6770;
      box-shadow: none;
    }
    .cluster {
      display: flex;
      align-items: center;
      justify-content: center;
      border-radius: 50%;
      background: rgb(15 92 79 / 0.9);
      border: 3px solid rgb(255 255 255 / 0.9);
      box-shadow: 0 0 0 1px rgb(15 92 79 / 0.6);
      color: #fff;
      font-weight: 700;
      font-size: 0.8rem;
    }
    .popup .note {
      padding: 0.3rem 0.4rem;
      background: var(--ct-warning-surface);
      color: var(--ct-warning);
      border-radius: 4px;
      font-size: 0.8rem;
    }
    .popup .capacity-figure.current {
      font-weight: 700;
    }
    .popup .capacity-figure.stale {
      color: var(--ct-muted);
    }
  `,
];
