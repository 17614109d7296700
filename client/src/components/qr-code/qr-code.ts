import { html, LitElement } from 'lit';
import { encodeQr } from './qr-matrix.js';
import { styles } from './qr-code.styles.js';

/** Light modules around the symbol that a reader needs to find it (ISO/IEC 18004 §6.3.8). */
const QUIET_ZONE = 4;

/**
 * A QR code of `value` as inline SVG: one path of unit squares, so it stays sharp at any print
 * size, drawn on the device without any external service. Its accessible name is `label`.
 */
export class QrCode extends LitElement {
  static override styles = styles;
  static override properties = { value: {}, label: {} };

  declare value: string;
  declare label: string;

  constructor() {
    super();
    this.value = '';
    this.label = '';
  }

  override render() {
    const { modules } = encodeQr(this.value);
    const side = modules.length + 2 * QUIET_ZONE;
    const path = modules.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`] : []))).join('');
    return html`<svg viewBox="0 0 ${side} ${side}" role="img" aria-label=${this.label} shape-rendering="crispEdges">
      <rect width=${side} height=${side} fill="#fff" />
      <path d=${path} fill="#000" />
    </svg>`;
  }
}

customElements.define('ct-qr-code', QrCode);

declare global {
  interface HTMLElementTagNameMap {
    'ct-qr-code': QrCode;
  }
}
