import L from 'leaflet';
import type { LeafletMouseEvent, Map as LeafletMap, Marker } from 'leaflet';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { getGovernorateShapes, getMeta } from '../../api/client.js';
import { escapeHtml, GovernorateMap } from '../governorate-map/governorate-map.js';
import { styles } from './location-picker.styles.js';

export interface PickedLocation {
  lat: number;
  lng: number;
}

/** About 10 cm: more digits than that only pretend to a precision nobody measured. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Picks a place on the governorate map: a click puts the marker there, dragging moves it. The
 * chosen governorate is shaded. Fires `location-changed` with the coordinates; the form keeps the
 * typed coordinates beside the map, which is also the way to set them without a pointer.
 */
export class LocationPicker extends GovernorateMap {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    lat: { type: Number },
    lng: { type: Number },
    governorate: {},
    disabled: { type: Boolean },
  };

  declare lat: number | null;
  declare lng: number | null;
  /** Code of the governorate the place is in, shaded on the map. */
  declare governorate: string;
  declare disabled: boolean;

  #marker: Marker | undefined;

  constructor() {
    super();
    this.lat = null;
    this.lng = null;
    this.governorate = '';
    this.disabled = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    getGovernorateShapes().then(
      (shapes) => (this.shapes = shapes),
      () => (this.shapes = null),
    );
    getMeta().then(
      (meta) => {
        this.tileUrl = meta.tileUrl;
        this.tileAttribution = meta.tileAttribution;
      },
      () => undefined,
    );
  }

  protected override mapLabel(): string {
    return this.i18n.t('location.mapLabel');
  }

  protected override alternativeText(): string {
    return this.i18n.t('location.alternative');
  }

  protected override legendTitle(): string {
    return this.i18n.t('location.legend');
  }

  /** Names only: the shade marks the chosen governorate, there is nothing to count. */
  protected override labelContent(name: string): string {
    return `<span dir="auto">${escapeHtml(name)}</span>`;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('governorate')) this.counts = this.governorate ? { [this.governorate]: 1 } : {};
  }

  protected override mapCreated(map: LeafletMap): void {
    map.on('click', (event: LeafletMouseEvent) => {
      if (!this.disabled) this.#pick(event.latlng);
    });
  }

  protected override updateLayers(map: LeafletMap): void {
    if (this.lat === null || this.lng === null || Number.isNaN(this.lat) || Number.isNaN(this.lng)) {
      this.#marker?.remove();
      this.#marker = undefined;
      return;
    }
    const at = L.latLng(this.lat, this.lng);
    if (!this.#marker) {
      this.#marker = L.marker(at, {
        draggable: !this.disabled,
        keyboard: false,
        title: this.i18n.t('location.marker'),
        icon: L.divIcon({ className: 'picked', iconSize: [22, 22] }),
      })
        .on('dragend', () => this.#marker && this.#pick(this.#marker.getLatLng()))
        .addTo(map);
    } else {
      this.#marker.setLatLng(at);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#marker = undefined;
  }

  #pick({ lat, lng }: PickedLocation): void {
    this.lat = round(lat);
    this.lng = round(lng);
    this.dispatchEvent(new CustomEvent<PickedLocation>('location-changed', { detail: { lat: this.lat, lng: this.lng }, bubbles: true, composed: true }));
  }
}

customElements.define('ct-location-picker', LocationPicker);

declare global {
  interface HTMLElementTagNameMap {
    'ct-location-picker': LocationPicker;
  }
}
