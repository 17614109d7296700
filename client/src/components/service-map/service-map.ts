// Leaflet first (it sets the global the markercluster plugin extends), then the plugin.
import L from './leaflet.js';
import 'leaflet.markercluster';
import type { CircleMarker, LatLng, Layer, Map as LeafletMap, MarkerCluster, MarkerClusterGroup } from 'leaflet';
import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { getService } from '../../api/client.js';
import type { Reference } from '../../api/reference.js';
import { MAP_COORDINATE_SCALE, type MapPoints } from '../../../../server/contract/directory/search/map.schemas.js';
import type { ServiceDetail } from '../../../../server/contract/directory/services/service.schemas.js';
import { FALLBACK_GROUP_COLOUR, GROUP_COLOURS } from '../../styles/shared.styles.js';
import { capacityLineIn } from '../capacity-figure/capacity-figure.js';
import { colourDot } from '../colour-dot/colour-dot.js';
import { escapeHtml, GovernorateMap, type GovernorateProperties } from '../governorate-map/governorate-map.js';
import { styles } from './service-map.styles.js';

/**
 * The directory map: governorates shaded by the number of matching services (see GovernorateMap);
 * services are canvas circle markers (no DOM per marker) in a cluster layer loaded in chunks,
 * coloured by category group. Services with a confidential location arrive at their governorate's
 * point and are drawn hollow, with a note. A popup opens at once from the map's answer (MapPoints
 * carries the service's name in the page's language, offline too); the organisation's name follows
 * from the service's page when the network answers.
 */
export class ServiceMap extends GovernorateMap {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    points: { attribute: false },
    reference: { attribute: false },
  };

  declare points: MapPoints | null;
  declare reference: Reference | null;

  #clusters: MarkerClusterGroup | undefined;
  /** Each marker's index in the columns of `points`. */
  #indexes = new WeakMap<Layer, number>();

  constructor() {
    super();
    this.points = null;
    this.reference = null;
  }

  protected override mapLabel(): string {
    return this.i18n.t('map.label');
  }

  protected override alternativeText(): string {
    return this.i18n.t('map.alternative');
  }

  protected override legendTitle(): string {
    return this.i18n.t('map.legend');
  }

  protected override legendExtras() {
    const i18n = this.i18n;
    return html`<ul>
      ${(this.reference?.groups ?? []).map((group) => html`<li>${colourDot(group.code)}${i18n.text(group.name)}</li>`)}
      <li><span class="dot hollow"></span>${i18n.t('card.confidential')}</li>
    </ul>`;
  }

  protected override governorateAdded(layer: Layer, { code, name }: GovernorateProperties, count: number): void {
    const i18n = this.i18n;
    layer.bindPopup(
      () =>
        `<div class="popup" dir="${i18n.dir}" lang="${i18n.lang}"><h3>${escapeHtml(i18n.text(name))}</h3>` +
        `<p>${escapeHtml(i18n.plural('governorate.count', count))}</p>` +
        `<p><a href="/governorates/${encodeURIComponent(code)}">${escapeHtml(i18n.t('governorate.title', { name: i18n.text(name) }))}</a></p></div>`,
    );
  }

  /** The legend lists the reference's category groups. */
  protected override governoratesChanged(changed: PropertyValues<this>): boolean {
    return super.governoratesChanged(changed) || changed.has('reference');
  }

  protected override updateLayers(map: LeafletMap, changed: PropertyValues<this>): void {
    if (changed.has('points') || changed.has('reference')) this.#drawServices(map);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#clusters = undefined;
  }

  #colourOf(categories: readonly string[]): string {
    const group = categories.map((c) => this.reference?.groupOf(c)).find(Boolean);
    return (group && GROUP_COLOURS[group]) || FALLBACK_GROUP_COLOUR;
  }

  #drawServices(map: LeafletMap): void {
    this.#clusters?.remove();
    this.#clusters = undefined;
    this.removeAttribute('data-markers');
    const points = this.points;
    if (!points) return;
    const i18n = this.i18n;
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
    const approximate = new Set(points.approximate);
    const markers: CircleMarker[] = points.id.map((_, i) => {
      const colour = this.#colourOf(points.categorySets[points.category[i]!] ?? []);
      const confidential = approximate.has(i);
      const marker = L.circleMarker([points.lat[i]! / MAP_COORDINATE_SCALE, points.lng[i]! / MAP_COORDINATE_SCALE], {
        radius: 7,
        color: confidential ? colour : '#ffffff',
        weight: confidential ? 3 : 1.5,
        fillColor: confidential ? '#ffffff' : colour,
        fillOpacity: 1,
      });
      this.#indexes.set(marker, i);
      return marker;
    });
    // One popup for all markers, built when opened: no per-marker popup objects or DOM.
    clusters.on('click', (event) => {
      const i = this.#indexes.get(event.propagatedFrom as Layer);
      if (i !== undefined) this.#openPopup(map, (event.propagatedFrom as CircleMarker).getLatLng(), points, approximate.has(i), i);
    });
    clusters.addTo(map);
    this.#clusters = clusters;
    clusters.addLayers(markers, false);
  }

  /** Opens at once with the service's name, categories, capacity and the link; the organisation's name follows. */
  #openPopup(map: LeafletMap, at: LatLng, points: MapPoints, confidential: boolean, i: number): void {
    const popup = L.popup().setLatLng(at).setContent(this.#popup(points, confidential, i)).openOn(map);
    getService(points.id[i]!).then(
      (service) => {
        if (popup.isOpen()) popup.setContent(this.#popup(points, confidential, i, service));
      },
      // Offline the popup still names the service, says what it offers and links to its page.
      () => {},
    );
  }

  #popup(points: MapPoints, confidential: boolean, i: number, service?: ServiceDetail): string {
    const i18n = this.i18n;
    const categories = i18n.list(
      (points.categorySets[points.category[i]!] ?? []).map((code) => (this.reference ? i18n.text(this.reference.categoryName(code)) : code)),
    );
    const note = confidential ? `<p class="note">${escapeHtml(i18n.t('map.confidential'))}</p>` : '';
    // "3 of 12 beds free, updated 2 hours ago", or out of date: the server decides against the configured age.
    const capacity = (points.capacity[i] ?? [])
      .map((c) => `<p class="capacity-figure ${c.stale ? 'stale' : 'current'}">${escapeHtml(capacityLineIn(i18n.lang, c))}</p>`)
      .join('');
    return (
      `<div class="popup" dir="${i18n.dir}" lang="${i18n.lang}">` +
      `<h3 dir="auto">${escapeHtml(points.name[i]!)}</h3>` +
      (service ? `<p dir="auto">${escapeHtml(i18n.text(service.organization.name))}</p>` : '') +
      `<p>${escapeHtml(categories)}</p>${capacity}${note}` +
      `<p><a href="/services/${encodeURIComponent(points.id[i]!)}">${escapeHtml(i18n.t('map.open'))}</a></p></div>`
    );
  }
}

customElements.define('ct-service-map', ServiceMap);

declare global {
  interface HTMLElementTagNameMap {
    'ct-service-map': ServiceMap;
  }
}
