import type { Layer, PathOptions } from 'leaflet';
import { html } from 'lit';
import { navigate } from '../../router.js';
import { escapeHtml, GovernorateMap, type GovernorateProperties } from '../governorate-map/governorate-map.js';
import { styles } from './choropleth-map.styles.js';

/** Outline of a governorate without any active service: dashed, so a gap shows without colour too. */
const GAP_OUTLINE: PathOptions = { color: '#991b1b', weight: 2.5, dashArray: '6 4' };

/**
 * Active services of one category per governorate: shaded by count, gaps outlined and labelled.
 * Selecting a governorate opens its page.
 */
export class ChoroplethMap extends GovernorateMap {
  static override styles = styles;

  protected override mapLabel(): string {
    return this.i18n.t('coverage.map.label');
  }

  protected override alternativeText(): string {
    return this.i18n.t('coverage.map.alternative');
  }

  protected override legendTitle(): string {
    return this.i18n.t('coverage.map.legend');
  }

  protected override legendExtras() {
    return html`<ul>
      <li><span class="swatch gap"></span>${this.i18n.t('coverage.map.gap')}</li>
    </ul>`;
  }

  protected override governorateStyle(_code: string, count: number): PathOptions {
    return count === 0 ? GAP_OUTLINE : {};
  }

  protected override labelContent(name: string, count: number): string {
    if (count > 0) return super.labelContent(name, count);
    return `<span dir="auto">${escapeHtml(name)}</span><strong class="gap-mark">✕ ${escapeHtml(this.i18n.t('coverage.gap'))}</strong>`;
  }

  protected override governorateAdded(layer: Layer, { code }: GovernorateProperties): void {
    layer.on('click', () => navigate(`/governorates/${encodeURIComponent(code)}`));
  }
}

customElements.define('ct-choropleth-map', ChoroplethMap);

declare global {
  interface HTMLElementTagNameMap {
    'ct-choropleth-map': ChoroplethMap;
  }
}
