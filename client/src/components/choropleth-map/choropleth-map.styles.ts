import { css } from 'lit';
import { governorateMapStyles } from '../governorate-map/governorate-map.styles.js';

export const styles = [
  ...governorateMapStyles,
  css`
    .swatch.gap {
      border: 2px dashed var(--ct-danger);
    }
    .gov-label .gap-mark {
      color: var(--ct-danger);
    }
    .leaflet-interactive {
      cursor: pointer;
    }
  `,
];
