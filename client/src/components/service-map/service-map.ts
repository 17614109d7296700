// Leaflet first (it sets the global the markercluster plugin extends), then the plugin.
import L from './leaflet.js';
import 'leaflet.markercluster';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type {
  CircleMarker,
  Control,
  GeoJSON as GeoJsonLayer,
  Layer,
  Map as LeafletMap,
  MarkerCluster,
  MarkerClusterGroup,
  TileLayer,
  Tooltip,
} from 'leaflet';
import { html, LitElement, render, type PropertyValues } from 'lit';
import type { Reference } from '../../api/reference.js';
import type { GovernorateCollection, MapCollection, MapFeature } from '../../api/types.js';
import { I18nController } from '../../i18n/i18n.js';
import { FALLBACK_GROUP_COLOUR, GROUP_COLOURS } from '../../styles/shared.styles.js';
import { colourDot } from '../colour-dot/colour-dot.js';
import { SHADES, styles } from './service-map.styles.js';

const IRAQ_BOUNDS = L.latLngBounds([29.0, 38.8], [37.4, 48.6]);

type GovernorateProperties = GovernorateCollection['features'][number]['properties'];

/** Upper bounds of the shade classes for counts 1…max (class 0 is "none"). */
function classBreaks(max: number): number[] {
  const classes = SHADES.length - 1;
  if (max <= classes) return Array.from({ length: max }, (_, i) => i + 1);
  return Array.from({ length: classes }, (_, i) => Math.ceil((max * (i + 1)) / classes));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The directory map. Governorate polygons are the basemap (no tile server needed), shaded by the
 * number of matching services and labelled with name and count; services are canvas circle markers
 * (no DOM per marker) in a cluster layer loaded in chunks, coloured by category group. Services with
 * a confidential location arrive at their governorate's point and are drawn hollow, with a note.
 */
export class ServiceMap extends LitElement {
  static override styles = styles;
  static override properties = {
    shapes: { attribute: false },
    counts: { attribute: false },
    points: { attribute: false },
    reference: { attribute: false },
    tileUrl: { attribute: false },
    tileAttribution: { attribute: false },
    loading: { type: Boolean, reflect: true },
  };

  declare shapes: GovernorateCollection | null;
  declare counts: Record<string, number>;
  declare points: MapCollection | null;
  declare reference: Reference | null;
  declare tileUrl: string | null;
  declare tileAttribution: string;
  declare loading: boolean;

  readonly #i18n = new I18nController(this);
  #map: LeafletMap | undefined;
  #resizeObserver: ResizeObserver | undefined;
  #governorates: GeoJsonLayer | undefined;
  #labels: Array<{ label: Tooltip; count: number }> = [];
  #clusters: MarkerClusterGroup | undefined;
  #features = new WeakMap<Layer, MapFeature>();
  #legend: Control | undefined;
  #zoom: Control.Zoom | undefined;
  #tiles: TileLayer | undefined;
  #lang = this.#i18n.lang;

  constructor() {
    super();
    this.shapes = null;
    this.counts = {};
    this.points = null;
    this.reference = null;
    this.tileUrl = null;
    this.tileAttribution = '';
    this.loading = false;
  }

  override render() {
    return html`<div class="map" role="region" aria-label=${this.#i18n.t('map.label')} aria-describedby="alternative"></div>
      <p id="alternative" class="visually-hidden">${this.#i18n.t('map.alternative')}</p>
      ${this.loading ? html`<p class="status" role="status">${this.#i18n.t('map.loading')}</p>` : ''}`;
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
    this.#map = map;
    // Created while hidden (the list view on a phone), the map has no size: fit Iraq once it has one.
    let fitted = false;
    const fit = () => {
      map.invalidateSize();
      if (!fitted && container.clientWidth > 0) {
        map.fitBounds(IRAQ_BOUNDS);
        fitted = true;
      }
    };
    map.setView(IRAQ_BOUNDS.getCenter(), 6);
    fit();
    this.#resizeObserver = new ResizeObserver(fit);
    this.#resizeObserver.observe(container);
    map.on('zoomend', () => this.#updateLabelVisibility());
  }

  override updated(changed: PropertyValues<this>): void {
    const map = this.#map;
    if (!map) return;
    const langChanged = this.#lang !== this.#i18n.lang;
    this.#lang = this.#i18n.lang;
    if (changed.has('tileUrl') || changed.has('tileAttribution')) this.#updateTiles(map);
    if (changed.has('shapes') || changed.has('counts') || changed.has('reference') || langChanged || !this.#governorates) {
      this.#drawGovernorates(map);
    }
    if (langChanged || !this.#zoom) this.#placeControls(map);
    if (changed.has('points') || changed.has('reference')) this.#drawServices(map);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#map?.remove();
    this.#map = undefined;
    this.#governorates = undefined;
    this.#clusters = undefined;
    this.#zoom = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a disconnect (e.g. moved by the layout): build the map again.
    if (this.hasUpdated && !this.#map) {
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
    const rtl = this.#i18n.dir === 'rtl';
    this.#zoom?.remove();
    this.#zoom = L.control
      .zoom({ position: rtl ? 'topright' : 'topleft', zoomInTitle: '+', zoomOutTitle: '−' })
      .addTo(map);
    map.attributionControl.setPosition(rtl ? 'bottomleft' : 'bottomright');
    this.#legend?.setPosition(rtl ? 'bottomleft' : 'bottomright');
  }

  #shade(count: number, breaks: number[]): string {
    if (count <= 0) return SHADES[0]!;
    const index = breaks.findIndex((upper) => count <= upper);
    return SHADES[(index === -1 ? breaks.length - 1 : index) + 1]!;
  }

  #drawGovernorates(map: LeafletMap): void {
    const shapes = this.shapes;
    if (!shapes) return;
    const i18n = this.#i18n;
    const counts = this.counts;
    const breaks = classBreaks(Math.max(0, ...Object.values(counts)));
    const fillOpacity = this.tileUrl ? 0.55 : 0.9;
    const style = (code: string) => ({
      fillColor: this.#shade(counts[code] ?? 0, breaks),
      fillOpacity,
      color: '#5b6770',
      weight: 1,
    });

    this.#governorates?.remove();
    for (const { label } of this.#labels) label.remove();
    this.#labels = [];
    this.#governorates = L.geoJSON(shapes as unknown as FeatureCollection, {
      style: (feature) => style((feature?.properties as GovernorateProperties).code),
      // Halabja has no boundary of its own yet: a shaded disc at its capital.
      pointToLayer: (feature: Feature<Geometry, GovernorateProperties>, latlng) =>
        L.circleMarker(latlng, { ...style(feature.properties.code), radius: 9 }),
      onEachFeature: (feature: Feature<Geometry, GovernorateProperties>, layer) => {
        const { code, name, lat, lng } = feature.properties;
        const count = counts[code] ?? 0;
        layer.bindPopup(
          () =>
            `<div class="popup" dir="${i18n.dir}" lang="${i18n.lang}"><h3>${escapeHtml(i18n.text(name))}</h3>` +
            `<p>${escapeHtml(i18n.plural('governorate.count', count))}</p>` +
            `<p><a href="/governorates/${encodeURIComponent(code)}">${escapeHtml(i18n.t('governorate.title', { name: i18n.text(name) }))}</a></p></div>`,
        );
        const label = L.tooltip({ permanent: true, direction: 'center', className: 'gov-label', interactive: false })
          .setLatLng([lat, lng])
          .setContent(`<span dir="auto">${escapeHtml(i18n.text(name))}</span><strong>${escapeHtml(i18n.number(count))}</strong>`);
        this.#labels.push({ label, count });
      },
    }).addTo(map);
    this.#governorates.bringToBack();
    this.#updateLabelVisibility();
    this.#drawLegend(map, breaks);
  }

  /**
   * Labels of all 19 governorates overlap on a small map: there, until zoomed in, only a few
   * governorates with matching services are labelled.
   */
  #updateLabelVisibility(): void {
    const map = this.#map;
    if (!map) return;
    const roomy = map.getSize().x >= 640 || map.getZoom() >= 6.5;
    const few = this.#labels.filter(({ count }) => count > 0).length <= 8;
    for (const { label, count } of this.#labels) {
      const show = roomy || (few && count > 0);
      if (show && !map.hasLayer(label)) label.addTo(map);
      else if (!show && map.hasLayer(label)) label.remove();
    }
  }

  #drawLegend(map: LeafletMap, breaks: number[]): void {
    const i18n = this.#i18n;
    const swatch = (shade: number) => html`<span class="swatch shade-${shade}"></span>`;
    const ranges = breaks.map((upper, index) => {
      const lower = index === 0 ? 1 : breaks[index - 1]! + 1;
      const range = lower === upper ? i18n.number(upper) : `${i18n.number(lower)}–${i18n.number(upper)}`;
      return html`<li>${swatch(index + 1)}<bdi>${range}</bdi></li>`;
    });
    const legend = html`<div class="legend" dir=${i18n.dir} lang=${i18n.lang}>
      <h2>${i18n.t('map.legend')}</h2>
      <ul>
        <li>${swatch(0)}${i18n.t('map.legendNone')}</li>
        ${ranges}
      </ul>
      <ul>
        ${(this.reference?.groups ?? []).map((group) => html`<li>${colourDot(group.code)}${i18n.text(group.name)}</li>`)}
        <li><span class="dot hollow"></span>${i18n.t('card.confidential')}</li>
      </ul>
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

  #colourOf(feature: MapFeature): string {
    const group = feature.properties.c.map((c) => this.reference?.groupOf(c)).find(Boolean);
    return (group && GROUP_COLOURS[group]) || FALLBACK_GROUP_COLOUR;
  }

  #drawServices(map: LeafletMap): void {
    this.#clusters?.remove();
    this.#clusters = undefined;
    this.removeAttribute('data-markers');
    const points = this.points;
    if (!points) return;
    const i18n = this.#i18n;
    const clusters = L.markerClusterGroup({
      chunkedLoading: true,
      chunkInterval: 150,
      chunkDelay: 30,
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      spiderfyOnMaxZoom: true,
      // Markers are added in chunks between frames; once all are in, the count is published (tests, tools).
      chunkProgress: (processed: number, total: number) => {
        if (processed === total && this.#clusters === clusters) this.setAttribute('data-markers', String(total));
      },
      iconCreateFunction: (cluster: MarkerCluster) => {
        const count = cluster.getChildCount();
        const size = count < 10 ? 30 : count < 100 ? 38 : count < 1000 ? 46 : 54;
        return L.divIcon({
          html: `<span aria-hidden="true">${escapeHtml(i18n.number(count, { notation: 'compact' }))}</span><span class="visually-hidden">${escapeHtml(i18n.plural('directory.results', count))}</span>`,
          className: 'cluster',
          iconSize: [size, size],
        });
      },
    });
    const markers: CircleMarker[] = points.features.map((feature) => {
      const [lng, lat] = feature.geometry.coordinates;
      const colour = this.#colourOf(feature);
      const confidential = feature.properties.p === 'g';
      const marker = L.circleMarker([lat, lng], {
        radius: 7,
        color: confidential ? colour : '#ffffff',
        weight: confidential ? 3 : 1.5,
        fillColor: confidential ? '#ffffff' : colour,
        fillOpacity: 1,
      });
      this.#features.set(marker, feature);
      return marker;
    });
    // One popup for all markers, built when opened: no per-marker popup objects or DOM.
    clusters.on('click', (event) => {
      const feature = this.#features.get(event.propagatedFrom as Layer);
      if (feature) L.popup().setLatLng((event.propagatedFrom as CircleMarker).getLatLng()).setContent(this.#popup(feature)).openOn(map);
    });
    clusters.addTo(map);
    this.#clusters = clusters;
    clusters.addLayers(markers, false);
  }

  #popup(feature: MapFeature): string {
    const i18n = this.#i18n;
    const categories = i18n.list(
      feature.properties.c.map((code) => (this.reference ? i18n.text(this.reference.categoryName(code)) : code)),
    );
    const note = feature.properties.p === 'g' ? `<p class="note">${escapeHtml(i18n.t('map.confidential'))}</p>` : '';
    return (
      `<div class="popup" dir="${i18n.dir}" lang="${i18n.lang}">` +
      `<h3 dir="auto">${escapeHtml(feature.properties.n)}</h3>` +
      `<p dir="auto">${escapeHtml(feature.properties.o)}</p>` +
      `<p>${escapeHtml(categories)}</p>${note}` +
      `<p><a href="/services/${encodeURIComponent(feature.id)}">${escapeHtml(i18n.t('map.open'))}</a></p></div>`
    );
  }
}

customElements.define('ct-service-map', ServiceMap);

declare global {
  interface HTMLElementTagNameMap {
    'ct-service-map': ServiceMap;
  }
}
