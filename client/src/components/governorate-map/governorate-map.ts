import L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Control, GeoJSON as GeoJsonLayer, LatLngBounds, Layer, Map as LeafletMap, PathOptions, Polygon, TileLayer, Tooltip } from 'leaflet';
import { html, LitElement, nothing, render, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { GovernorateCollection } from '../../../../server/contract/directory/governorates/governorate.schemas.js';
import { I18nController } from '../../i18n/i18n.js';
import { governorateMapStyles, SHADES } from './governorate-map.styles.js';

export const IRAQ_BOUNDS = L.latLngBounds([29.0, 38.8], [37.4, 48.6]);

export type GovernorateProperties = GovernorateCollection['features'][number]['properties'];

/** Upper bounds of the shade classes for counts 1…max (class 0 is "none"). */
export function classBreaks(max: number): number[] {
  const classes = SHADES.length - 1;
  if (max <= classes) return Array.from({ length: max }, (_, i) => i + 1);
  return Array.from({ length: classes }, (_, i) => Math.ceil((max * (i + 1)) / classes));
}

export function shadeOf(count: number, breaks: number[]): string {
  if (count <= 0) return SHADES[0]!;
  const index = breaks.findIndex((upper) => count <= upper);
  return SHADES[(index === -1 ? breaks.length - 1 : index) + 1]!;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A map of Iraq whose base layer is the 19 governorate shapes (no tile server needed; tiles are
 * added underneath only when `tileUrl` is set), shaded by a count per governorate with class breaks
 * and a legend, and labelled with name and count. Leaflet's CSS lives in the shadow root; the map
 * follows its container's size and mirrors its controls in right-to-left languages.
 *
 * Subclasses name the map and its legend, and may add layers (`mapCreated`, `updateLayers`),
 * handle clicks on governorates (`governorateAdded`) and restyle or relabel them.
 */
export abstract class GovernorateMap extends LitElement {
  static override styles = governorateMapStyles;
  static override properties: PropertyDeclarations = {
    shapes: { attribute: false },
    counts: { attribute: false },
    tileUrl: { attribute: false },
    tileAttribution: { attribute: false },
    loading: { type: Boolean, reflect: true },
    zoomTo: { attribute: false },
  };

  declare shapes: GovernorateCollection | null;
  /** Count per governorate code, which sets its shade. */
  declare counts: Record<string, number>;
  declare tileUrl: string | null;
  declare tileAttribution: string;
  declare loading: boolean;
  /** Governorate codes the view is fitted to (all of Iraq when empty). */
  declare zoomTo: readonly string[];

  protected readonly i18n = new I18nController(this);
  /** The Leaflet map while the element is connected and rendered. */
  protected map: LeafletMap | undefined;
  #resizeObserver: ResizeObserver | undefined;
  #governorates: GeoJsonLayer | undefined;
  #labels: Array<{ label: Tooltip; count: number }> = [];
  #bounds = new Map<string, LatLngBounds>();
  /** What the view was last fitted to: it is fitted again only when that changes, not on every resize. */
  #fittedTo: string | undefined;
  #legend: Control | undefined;
  #zoom: Control.Zoom | undefined;
  #tiles: TileLayer | undefined;
  #lang = this.i18n.lang;

  constructor() {
    super();
    this.shapes = null;
    this.counts = {};
    this.tileUrl = null;
    this.tileAttribution = '';
    this.loading = false;
    this.zoomTo = [];
  }

  /** Accessible name of the map region. */
  protected abstract mapLabel(): string;
  /** For screen readers: where the same information is without the map. */
  protected abstract alternativeText(): string;
  /** Title of the shading legend. */
  protected abstract legendTitle(): string;

  /** Legend entries after the shade classes. */
  protected legendExtras(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Called for each governorate layer as it is drawn: bind popups or click handlers here. */
  protected governorateAdded(_layer: Layer, _governorate: GovernorateProperties, _count: number): void {
    // Nothing by default: the base map only shades.
  }

  /** Style on top of the shade, e.g. to mark a governorate by more than colour. */
  protected governorateStyle(_code: string, _count: number): PathOptions {
    return {};
  }

  /** HTML of a governorate's label (escape any text with `escapeHtml`). */
  protected labelContent(name: string, count: number): string {
    return `<span dir="auto">${escapeHtml(name)}</span><strong>${escapeHtml(this.i18n.number(count))}</strong>`;
  }

  /** Whether a change needs the governorates (shades, labels, legend) drawn again. */
  protected governoratesChanged(changed: PropertyValues<this>): boolean {
    return changed.has('shapes') || changed.has('counts');
  }

  /** Called once the Leaflet map exists (and again if the element is re-attached). */
  protected mapCreated(_map: LeafletMap): void {
    // Nothing by default.
  }

  /** Called after every update once the base layers are current: keep added layers in step. */
  protected updateLayers(_map: LeafletMap, _changed: PropertyValues<this>, _langChanged: boolean): void {
    // Nothing by default.
  }

  override render() {
    return html`<div class="map" role="region" aria-label=${this.mapLabel()} aria-describedby="alternative"></div>
      <p id="alternative" class="visually-hidden">${this.alternativeText()}</p>
      ${this.loading ? html`<p class="status" role="status">${this.i18n.t('map.loading')}</p>` : ''}`;
  }

  override firstUpdated(): void {
    this.#createMap();
  }

  #createMap(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.map')!;
    // Leaflet positions panes with left/top; its container stays left-to-right, while popups and labels carry the language's direction.
    container.dir = 'ltr';
    const map = L.map(container, { zoomControl: false, preferCanvas: true, minZoom: 4, maxZoom: 18, zoomSnap: 0.25 });
    map.attributionControl.setPrefix(false);
    this.map = map;
    this.#fittedTo = undefined;
    map.setView(IRAQ_BOUNDS.getCenter(), 6);
    // Created while hidden, the map has no size: it is fitted once it has one.
    const fit = () => {
      map.invalidateSize();
      this.#fit();
    };
    fit();
    this.#resizeObserver = new ResizeObserver(fit);
    this.#resizeObserver.observe(container);
    // Hidden at first (a tab), the labels have no size: placed again once the map has one.
    map.on('zoomend resize', () => this.#updateLabelVisibility());
    this.mapCreated(map);
  }

  override updated(changed: PropertyValues<this>): void {
    const map = this.map;
    if (!map) return;
    const langChanged = this.#lang !== this.i18n.lang;
    this.#lang = this.i18n.lang;
    if (changed.has('tileUrl') || changed.has('tileAttribution')) this.#updateTiles(map);
    if (this.governoratesChanged(changed) || langChanged || !this.#governorates) this.#drawGovernorates();
    if (langChanged || !this.#zoom) this.#placeControls(map);
    this.#fit();
    this.updateLayers(map, changed, langChanged);
  }

  /** Fits the view to the `zoomTo` governorates (once their shapes are drawn), or to Iraq. */
  #fit(): void {
    const map = this.map;
    if (!map || !map.getContainer().clientWidth) return;
    const chosen = this.zoomTo.flatMap((code) => this.#bounds.get(code) ?? []);
    const target = chosen.length ? chosen.reduce((all, bounds) => all.extend(bounds), L.latLngBounds([])) : IRAQ_BOUNDS;
    const key = target.toBBoxString();
    if (key === this.#fittedTo) return;
    this.#fittedTo = key;
    // No animation: cheap phones, and the view is settled as soon as the governorate is chosen.
    map.fitBounds(target, { animate: false, maxZoom: 10 });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.map?.remove();
    this.map = undefined;
    this.#governorates = undefined;
    this.#zoom = undefined;
    this.#bounds.clear();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a disconnect (e.g. moved by the layout): build the map again.
    if (this.hasUpdated && !this.map) {
      this.#createMap();
      this.requestUpdate();
    }
  }

  #updateTiles(map: LeafletMap): void {
    this.#tiles?.remove();
    this.#tiles = undefined;
    if (!this.tileUrl) return;
    this.#tiles = L.tileLayer(this.tileUrl, { attribution: escapeHtml(this.tileAttribution), maxZoom: 18 }).addTo(map);
    this.#tiles.bringToBack();
  }

  /** Zoom buttons at the reading start, legend and attribution at the reading end: mirrored in RTL. */
  #placeControls(map: LeafletMap): void {
    const rtl = this.i18n.dir === 'rtl';
    this.#zoom?.remove();
    this.#zoom = L.control
      .zoom({ position: rtl ? 'topright' : 'topleft', zoomInTitle: '+', zoomOutTitle: '−' })
      .addTo(map);
    map.attributionControl.setPosition(rtl ? 'bottomleft' : 'bottomright');
    this.#legend?.setPosition(rtl ? 'bottomleft' : 'bottomright');
  }

  #drawGovernorates(): void {
    const map = this.map;
    const shapes = this.shapes;
    if (!map || !shapes) return;
    const i18n = this.i18n;
    const counts = this.counts;
    const breaks = classBreaks(Math.max(0, ...Object.values(counts)));
    const fillOpacity = this.tileUrl ? 0.55 : 0.9;
    const style = (code: string): PathOptions => {
      const count = counts[code] ?? 0;
      return { fillColor: shadeOf(count, breaks), fillOpacity, color: '#5b6770', weight: 1, ...this.governorateStyle(code, count) };
    };

    this.#governorates?.remove();
    for (const { label } of this.#labels) label.remove();
    this.#labels = [];
    this.#bounds.clear();
    this.#governorates = L.geoJSON(shapes as unknown as FeatureCollection, {
      style: (feature) => style((feature?.properties as GovernorateProperties).code),
      // Halabja has no boundary of its own yet: a shaded disc at its capital.
      pointToLayer: (feature: Feature<Geometry, GovernorateProperties>, latlng) =>
        L.circleMarker(latlng, { ...style(feature.properties.code), radius: 9 }),
      onEachFeature: (feature: Feature<Geometry, GovernorateProperties>, layer) => {
        const { code, name, lat, lng } = feature.properties;
        const count = counts[code] ?? 0;
        this.#bounds.set(code, 'getBounds' in layer ? (layer as Polygon).getBounds() : L.latLngBounds([lat, lng], [lat, lng]));
        this.governorateAdded(layer, feature.properties, count);
        const label = L.tooltip({ permanent: true, direction: 'center', className: 'gov-label', interactive: false })
          .setLatLng([lat, lng])
          .setContent(this.labelContent(i18n.text(name), count));
        this.#labels.push({ label, count });
      },
    }).addTo(map);
    this.#governorates.bringToBack();
    this.#updateLabelVisibility();
    this.#drawLegend(map, breaks);
  }

  /**
   * Labels never overlap: each is placed at its governorate's centre, then kept in order of priority
   * (most services first, gaps after) unless it would cover a label already kept. Zooming in makes
   * room, so more labels come back; what is left out is still in the table beside the map.
   */
  #updateLabelVisibility(): void {
    const map = this.map;
    if (!map) return;
    const kept: DOMRect[] = [];
    for (const { label } of [...this.#labels].sort((a, b) => b.count - a.count)) {
      if (!map.hasLayer(label)) label.addTo(map);
      const box = label.getElement()?.getBoundingClientRect();
      if (box && kept.some((other) => overlap(other, box))) label.remove();
      else if (box) kept.push(box);
    }
  }

  #drawLegend(map: LeafletMap, breaks: number[]): void {
    const i18n = this.i18n;
    const swatch = (shade: number) => html`<span class="swatch shade-${shade}"></span>`;
    const ranges = breaks.map((upper, index) => {
      const lower = index === 0 ? 1 : breaks[index - 1]! + 1;
      const range = lower === upper ? i18n.number(upper) : `${i18n.number(lower)}–${i18n.number(upper)}`;
      return html`<li>${swatch(index + 1)}<bdi>${range}</bdi></li>`;
    });
    const legend = html`<div class="legend" dir=${i18n.dir} lang=${i18n.lang}>
      <h2>${this.legendTitle()}</h2>
      <ul>
        <li>${swatch(0)}${i18n.t('map.legendNone')}</li>
        ${ranges}
      </ul>
      ${this.legendExtras()}
    </div>`;

    this.#legend?.remove();
    const Legend = L.Control.extend({
      onAdd: () => {
        const div = L.DomUtil.create('div');
        render(legend, div);
        L.DomEvent.disableClickPropagation(div);
        return div;
      },
    });
    this.#legend = new Legend({ position: i18n.dir === 'rtl' ? 'bottomleft' : 'bottomright' }).addTo(map);
  }
}

/** Two labels' boxes cover each other (touching edges do not count). */
function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
