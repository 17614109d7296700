import { html, LitElement, nothing } from 'lit';
import {
  ORGANIZATION_TYPES,
  POPULATIONS,
  SERVICE_LANGUAGES,
} from '../../../../server/contract/directory/vocabulary.js';
import { withoutWords } from '../../../../server/contract/directory/search/query-words.js';
import { getFacets, getGovernorateShapes, getMapServices, getMeta, getWayOn, searchServices, type Query } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import type { FacetName, Facets } from '../../../../server/contract/directory/search/facets.schemas.js';
import type { GovernorateCollection } from '../../../../server/contract/directory/governorates/governorate.schemas.js';
import type { MapPoints } from '../../../../server/contract/directory/search/map.schemas.js';
import type { Meta } from '../../../../server/contract/site/meta.schemas.js';
import type { ServicePage } from '../../../../server/contract/directory/search/service-page.schemas.js';
import type { Understood } from '../../../../server/contract/directory/search/understood.schemas.js';
import type { WayOn } from '../../../../server/contract/directory/search/way-on.schemas.js';
import { renderPhones } from '../../components/contact-details/contact-details.js';
import { contactDetailsStyles } from '../../components/contact-details/contact-details.styles.js';
import { contentText } from '../../components/content-text/content-text.js';
import '../../components/facet-filter/facet-filter.js';
import type { FacetOption, FilterChangeDetail } from '../../components/facet-filter/facet-filter.js';
import '../../components/service-card/service-card.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import type { Loadable } from '../../resource-controller.js';
import { navigate, RouteController } from '../../router.js';
import '../../components/quick-exit/quick-exit.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { apiFilters, directoryUrl, FACETS, hasFilters, NO_FILTERS, parseDirectoryQuery, type DirectoryQuery } from './directory-query.js';
import { styles } from './directory-view.styles.js';

const PER_PAGE = 20;
const isFacet = (field: string): field is FacetName => (FACETS as readonly string[]).includes(field);
const WIDE = '(min-width: 64rem)';
const SEARCH_DELAY_MS = 400;

const FACET_LABELS = {
  governorate: 'filters.governorate',
  district: 'filters.district',
  category: 'filters.category',
  population: 'filters.population',
  language: 'filters.language',
  organizationType: 'filters.organizationType',
} as const satisfies Record<FacetName, string>;

/**
 * The directory: search box, filter chips with counts, the result list and the map. Wide screens
 * show list and map side by side; phones switch between them. The URL holds the whole query.
 */
export class DirectoryView extends LitElement {
  static override styles = [sharedStyles, contactDetailsStyles, styles];
  static override properties = {
    results: { state: true },
    listLoading: { state: true },
    facets: { state: true },
    points: { state: true },
    pointsLoading: { state: true },
    reference: { state: true },
    shapes: { state: true },
    meta: { state: true },
    wide: { state: true },
    mapModule: { state: true },
    wayOn: { state: true },
  };

  declare results: Loadable<ServicePage>;
  declare listLoading: boolean;
  declare facets: Facets | null;
  declare points: Loadable<MapPoints>;
  declare pointsLoading: boolean;
  declare reference: Reference | null;
  declare shapes: GovernorateCollection | null;
  declare meta: Meta | null;
  declare wide: boolean;
  declare mapModule: 'idle' | 'loading' | 'ready' | 'failed';
  /** Where to go from an empty search; asked for only then (data is metered). */
  declare wayOn: WayOn | null;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #media = matchMedia(WIDE);
  readonly #onMedia = () => (this.wide = this.#media.matches);
  #listKey = '';
  #facetsKey = '';
  #mapKey = '';
  #listAbort: AbortController | undefined;
  #facetsAbort: AbortController | undefined;
  #mapAbort: AbortController | undefined;
  #wayOnAbort: AbortController | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #referenceLoading = false;

  constructor() {
    super();
    this.results = { state: 'idle' };
    this.listLoading = false;
    this.facets = null;
    this.points = { state: 'idle' };
    this.pointsLoading = false;
    this.reference = null;
    this.shapes = null;
    this.meta = null;
    this.wide = this.#media.matches;
    this.mapModule = 'idle';
    this.wayOn = null;
  }

  get #query(): DirectoryQuery {
    return parseDirectoryQuery(this.#routes.route.query);
  }

  get #mapVisible(): boolean {
    return this.wide || this.#query.view === 'map';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#media.addEventListener('change', this.#onMedia);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#media.removeEventListener('change', this.#onMedia);
    clearTimeout(this.#searchTimer);
    for (const abort of [this.#listAbort, this.#facetsAbort, this.#mapAbort, this.#wayOnAbort]) abort?.abort();
  }

  override willUpdate(): void {
    if (this.#routes.route.name !== 'directory') return;
    // Names of governorates and categories; tried again with the next query if they failed to load.
    if (!this.reference && !this.#referenceLoading) {
      this.#referenceLoading = true;
      loadReference()
        .then((reference) => (this.reference = reference), () => undefined)
        .finally(() => (this.#referenceLoading = false));
    }
    const query = this.#query;
    const filters = apiFilters(query);
    const filtersKey = JSON.stringify(filters);
    const listKey = `${filtersKey}|${query.page}`;
    if (listKey !== this.#listKey) {
      this.#listKey = listKey;
      void this.#loadList(filters, query.page);
    }
    if (filtersKey !== this.#facetsKey) {
      this.#facetsKey = filtersKey;
      void this.#loadFacets(filters);
    }
    if (this.#mapVisible) {
      if (this.mapModule === 'idle') void this.#loadMapModule();
      // The map carries the names in the page's language: a change of language asks for it again.
      const mapKey = `${filtersKey}|${this.#i18n.lang}`;
      if (mapKey !== this.#mapKey) {
        this.#mapKey = mapKey;
        void this.#loadPoints(filters);
      }
    }
    setPageTitle(this.#i18n, query.q ? `“${query.q}”` : '', this.#i18n.t('directory.title'));
  }

  async #loadList(filters: Query, page: number): Promise<void> {
    this.#listAbort?.abort();
    this.#wayOnAbort?.abort();
    const abort = (this.#listAbort = new AbortController());
    // The previous results stay on screen (marked busy) until the new ones arrive.
    if (this.results.state !== 'ready') this.results = { state: 'loading' };
    this.listLoading = true;
    try {
      const value = await searchServices({ ...filters, page, perPage: PER_PAGE }, abort.signal);
      this.wayOn = null;
      if (!value.total) void this.#loadWayOn(filters);
      this.results = { state: 'ready', value };
    } catch (error) {
      if (abort.signal.aborted) return;
      this.results = { state: 'failed', error };
    }
    this.listLoading = false;
  }

  async #loadFacets(query: Query): Promise<void> {
    this.#facetsAbort?.abort();
    const abort = (this.#facetsAbort = new AbortController());
    try {
      this.facets = await getFacets(query, abort.signal);
    } catch {
      // Counts are a help, not a need: chips still work without them.
      if (!abort.signal.aborted) this.facets = null;
    }
  }

  async #loadWayOn(filters: Query): Promise<void> {
    const abort = (this.#wayOnAbort = new AbortController());
    try {
      this.wayOn = await getWayOn(filters, abort.signal);
    } catch {
      // A help, not a need: the empty message stands alone without it.
    }
  }

  async #loadPoints(query: Query): Promise<void> {
    this.#mapAbort?.abort();
    const abort = (this.#mapAbort = new AbortController());
    // The previous markers stay on the map (marked as loading) until the new ones arrive.
    if (this.points.state !== 'ready') this.points = { state: 'loading' };
    this.pointsLoading = true;
    try {
      this.points = { state: 'ready', value: await getMapServices(query, this.#i18n.lang, abort.signal) };
    } catch (error) {
      if (abort.signal.aborted) return;
      this.points = { state: 'failed', error };
    }
    this.pointsLoading = false;
  }

  async #loadMapModule(): Promise<void> {
    this.mapModule = 'loading';
    try {
      const [, shapes, meta] = await Promise.all([
        import('../../components/service-map/service-map.js'),
        getGovernorateShapes(),
        getMeta(),
      ]);
      this.shapes = shapes;
      this.meta = meta;
      this.mapModule = 'ready';
    } catch {
      this.mapModule = 'failed';
    }
  }

  #go(change: Partial<DirectoryQuery>, options: { replace?: boolean } = {}): void {
    // New words are read afresh, corrections included.
    const query = { ...this.#query, page: 1, ...(change.q !== undefined && change.q !== this.#query.q ? { asTyped: false } : {}), ...change };
    navigate(directoryUrl(query), options);
  }

  #onSearchInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      if (value !== this.#query.q) this.#go({ q: value }, { replace: true });
    }, SEARCH_DELAY_MS);
  }

  #onSearchSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    const form = event.target as HTMLFormElement;
    const value = String(new FormData(form).get('q') ?? '').trim();
    this.#go({ q: value });
  }

  #onFilterChange(event: CustomEvent<FilterChangeDetail>): void {
    const name = event.detail.name as FacetName;
    this.#go({ filters: { ...this.#query.filters, [name]: event.detail.values } });
  }

  #facetOptions(name: FacetName): FacetOption[] {
    const i18n = this.#i18n;
    const reference = this.reference;
    const counts = this.facets?.[name];
    const option = (value: string, label: string, group?: string | null): FacetOption => ({
      value,
      label,
      count: counts ? (counts[value] ?? 0) : undefined,
      group,
    });
    switch (name) {
      case 'governorate':
        return (reference?.governorates ?? [])
          .map((g) => option(g.code, i18n.text(g.name)))
          .sort((a, b) => String(a.label).localeCompare(String(b.label), i18n.lang));
      case 'district':
        // Offered once a governorate is chosen or typed: the facets then name its districts.
        return Object.entries(this.facets?.districtNames ?? {})
          .map(([code, name]) => option(code, i18n.text(name)))
          .sort((a, b) => String(a.label).localeCompare(String(b.label), i18n.lang));
      case 'category':
        return (reference?.categories ?? []).map((c) =>
          option(c.code, i18n.text(c.name), c.parent),
        );
      case 'population':
        return POPULATIONS.map((code) => option(code, i18n.vocab('population', code)));
      case 'language':
        return SERVICE_LANGUAGES.map((code) => option(code, i18n.vocab('language', code)));
      case 'organizationType':
        return ORGANIZATION_TYPES.map((code) => option(code, i18n.vocab('orgType', code)));
    }
  }

  /** Label of a selected filter value, for the removable chips above the results. */
  #valueLabel(name: FacetName, value: string): string {
    const i18n = this.#i18n;
    switch (name) {
      case 'governorate':
        return this.reference ? i18n.text(this.reference.governorateName(value)) : value;
      case 'district': {
        const name = this.facets?.districtNames[value];
        return name ? i18n.text(name) : value;
      }
      case 'category':
        return this.reference ? i18n.text(this.reference.categoryName(value)) : value;
      case 'population':
        return i18n.vocab('population', value);
      case 'language':
        return i18n.vocab('language', value);
      case 'organizationType':
        return i18n.vocab('orgType', value);
    }
  }

  /** Drops one filter: an understood one by removing its words from the search box, a chosen one by unselecting it. */
  #drop(filter: { field: string; code: string; words?: string | undefined }): void {
    const query = this.#query;
    if (filter.words !== undefined) this.#go({ q: withoutWords(query.q, filter.words) });
    else if (filter.field === 'acceptsReferrals') this.#go({ acceptsReferrals: false });
    else if (filter.field === 'hasCapacity') this.#go({ hasCapacity: false });
    else if (isFacet(filter.field)) this.#go({ filters: { ...query.filters, [filter.field]: query.filters[filter.field].filter((v) => v !== filter.code) } });
  }

  #filterLabel(filter: { field: string; code: string }): string | null {
    if (filter.field === 'acceptsReferrals') return this.#i18n.t('filters.acceptsReferrals');
    if (filter.field === 'hasCapacity') return this.#i18n.t('filters.hasCapacity');
    return isFacet(filter.field) ? this.#valueLabel(filter.field, filter.code) : null;
  }

  #understoodLabel(u: Understood): string {
    return u.field === 'district' ? this.#i18n.text(u.name) : this.#valueLabel(u.field, u.code);
  }

  /** What the search read from the words typed ("Baghdad ✕ Legal aid ✕"): each chip removes its words. */
  #renderUnderstood() {
    const understood: Understood[] = this.results.state === 'ready' ? (this.results.value.understood ?? []) : [];
    const textCorrected = this.results.state === 'ready' ? (this.results.value.corrected ?? []) : [];
    if (!understood.length && !textCorrected.length) return nothing;
    const i18n = this.#i18n;
    const corrected = [...understood.filter((u) => u.correctedTo).map((u) => this.#understoodLabel(u)), ...textCorrected.map((c) => c.correctedTo)];
    return html`${corrected.length
        ? html`<p class="corrected" role="status">
            ${i18n.t('directory.correctedTo', { words: corrected.join(i18n.t('app.comma')) })}
            <a href=${directoryUrl({ ...this.#query, asTyped: true, page: 1 })}>${i18n.t('directory.searchAsTyped', { q: this.#query.q })}</a>
          </p>`
        : nothing}${understood.length
        ? html`<ul class="chips understood" aria-label=${i18n.t('directory.understood')}>
      ${understood.map((u) => {
        const label = this.#understoodLabel(u);
        return html`<li>
          <button type="button" class="remove-chip" aria-label=${i18n.t('filters.remove', { label })} @click=${() => this.#drop(u)}>
            ${label} <span aria-hidden="true">✕</span>
          </button>
        </li>`;
      })}
          </ul>`
        : nothing}`;
  }

  /** An empty search is never a dead end: filters to drop with what each would find, nearby categories, whom to call. */
  #renderWayOn(wayOn: WayOn) {
    const i18n = this.#i18n;
    const query = this.#query;
    const filters = wayOn.filters.flatMap((f) => {
      const label = this.#filterLabel(f);
      return label === null ? [] : [{ ...f, label }];
    });
    // The places read from the words stay; the need becomes the suggested category.
    const placeWords = (this.results.state === 'ready' ? this.results.value.understood : []).filter((u) => u.field === 'governorate').map((u) => u.words);
    const categoryUrl = (code: string) =>
      directoryUrl({ ...query, q: placeWords.join(' '), filters: { ...NO_FILTERS, governorate: query.filters.governorate, category: [code] }, acceptsReferrals: false, hasCapacity: false, page: 1 });
    return html`${filters.length
        ? html`<h3>${i18n.t('wayOn.filters')}</h3>
            <ul class="chips">
              ${filters.map(
                (f) => html`<li>
                  <button type="button" class="remove-chip" @click=${() => this.#drop(f)}>
                    ${i18n.t('wayOn.remove', { label: f.label, results: i18n.plural('directory.results', f.total) })}
                  </button>
                </li>`,
              )}
            </ul>`
        : nothing}
      ${wayOn.categories.length
        ? html`<h3>${i18n.t('wayOn.categories')}</h3>
            <ul class="suggestions">
              ${wayOn.categories.map(
                (c) => html`<li>
                  <a href=${categoryUrl(c.code)}>${this.#valueLabel('category', c.code)}</a>
                  <span class="muted">${i18n.plural('directory.results', c.total)}</span>
                </li>`,
              )}
            </ul>`
        : nothing}
      ${wayOn.hotlines.length
        ? html`<h3>${i18n.t('wayOn.hotlines')}</h3>
            <ul class="hotlines">
              ${wayOn.hotlines.map(
                (h) => html`<li>
                  <a href="/services/${encodeURIComponent(h.id)}"><strong>${contentText(i18n, h.name)}</strong></a>
                  <span class="muted">${contentText(i18n, h.organization.name)}</span>
                  ${renderPhones(i18n, h.phones)}
                </li>`,
              )}
            </ul>`
        : nothing}`;
  }

  #renderFilters() {
    const i18n = this.#i18n;
    const query = this.#query;
    const body = html`${FACETS.map((name) => {
        const options = this.#facetOptions(name);
        // Districts only once there is a governorate to list them for.
        if (name === 'district' && !options.length && !query.filters.district.length) return nothing;
        return html`<ct-facet-filter
          name=${name}
          label=${i18n.t(FACET_LABELS[name])}
          .options=${options}
          .selected=${query.filters[name]}
          ?open=${this.wide && (name === 'governorate' || name === 'district' || name === 'category')}
          @ct-filter-change=${this.#onFilterChange}
        ></ct-facet-filter>`;
      })}
      <div class="toggle-filter">
        <button
          type="button"
          class="chip"
          aria-pressed=${query.acceptsReferrals ? 'true' : 'false'}
          @click=${() => this.#go({ acceptsReferrals: !query.acceptsReferrals })}
        >
          ${i18n.t('filters.acceptsReferrals')}
        </button>
        <button
          type="button"
          class="chip"
          aria-pressed=${query.hasCapacity ? 'true' : 'false'}
          @click=${() => this.#go({ hasCapacity: !query.hasCapacity })}
        >
          ${i18n.t('filters.hasCapacity')}
        </button>
      </div>`;
    if (this.wide) {
      return html`<section class="filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">${i18n.t('filters.title')}</h2>
        ${body}
      </section>`;
    }
    // A native modal dialog: the page behind is inert and Escape closes it.
    return html`<dialog
      class="filters sheet"
      aria-modal="true"
      aria-labelledby="filters-heading"
      @keydown=${this.#onSheetKey}
      @close=${this.#onSheetClose}
    >
      <div class="sheet-head">
        <h2 id="filters-heading">${i18n.t('filters.title')}</h2>
        <button type="button" class="close" aria-label=${i18n.t('filters.close')} @click=${this.#closeSheet}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      ${body}
      <div class="sheet-foot">
        <button type="button" class="button" @click=${this.#closeSheet}>${i18n.t('filters.apply')}</button>
      </div>
    </dialog>`;
  }

  get #sheet(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog.sheet');
  }

  #openSheet(): void {
    this.#sheet?.showModal();
  }

  #closeSheet(): void {
    this.#sheet?.close();
  }

  /** Tab wraps from the last control (apply) to the first (close) and back, instead of leaving for the browser's own controls. */
  #onSheetKey(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const first = this.renderRoot.querySelector<HTMLElement>('.sheet .close');
    const last = this.renderRoot.querySelector<HTMLElement>('.sheet-foot .button');
    const active = (this.renderRoot as ShadowRoot).activeElement;
    const to = event.shiftKey ? (active === first ? last : null) : active === last ? first : null;
    if (!to) return;
    event.preventDefault();
    to.focus();
  }

  /** However the sheet closed (button, Escape), focus goes back to the button that opened it. */
  #onSheetClose(): void {
    this.renderRoot.querySelector<HTMLElement>('.filters-button')?.focus();
  }

  #renderActiveFilters() {
    const query = this.#query;
    if (!hasFilters(query)) return nothing;
    const i18n = this.#i18n;
    const chips = FACETS.flatMap((name) =>
      query.filters[name].map((value) => {
        const label = this.#valueLabel(name, value);
        return html`<li>
          <button
            type="button"
            class="remove-chip"
            aria-label=${i18n.t('filters.remove', { label })}
            @click=${() => this.#go({ filters: { ...query.filters, [name]: query.filters[name].filter((v) => v !== value) } })}
          >
            ${label} <span aria-hidden="true">×</span>
          </button>
        </li>`;
      }),
    );
    if (query.acceptsReferrals) {
      const label = i18n.t('filters.acceptsReferrals');
      chips.push(
        html`<li>
          <button type="button" class="remove-chip" aria-label=${i18n.t('filters.remove', { label })} @click=${() => this.#go({ acceptsReferrals: false })}>
            ${label} <span aria-hidden="true">×</span>
          </button>
        </li>`,
      );
    }
    if (query.hasCapacity) {
      const label = i18n.t('filters.hasCapacity');
      chips.push(
        html`<li>
          <button type="button" class="remove-chip" aria-label=${i18n.t('filters.remove', { label })} @click=${() => this.#go({ hasCapacity: false })}>
            ${label} <span aria-hidden="true">×</span>
          </button>
        </li>`,
      );
    }
    return html`<div class="active-filters">
      <h3 class="visually-hidden">${i18n.t('filters.active')}</h3>
      <ul>
        ${chips}
      </ul>
      <a
        class="clear"
        href=${directoryUrl({ ...query, filters: NO_FILTERS, acceptsReferrals: false, hasCapacity: false, page: 1 })}
        >${i18n.t('filters.clear')}</a
      >
    </div>`;
  }

  #renderResultsHead() {
    const i18n = this.#i18n;
    const total = this.results.state === 'ready' ? this.results.value.total : undefined;
    return html`<div class="results-head">
        <h2 id="results-heading" aria-live="polite" data-total=${total ?? nothing}>
          ${total === undefined ? i18n.t('directory.resultsLabel') : i18n.plural('directory.results', total)}
        </h2>
      </div>
      ${this.#renderActiveFilters()}`;
  }

  #renderResults() {
    const i18n = this.#i18n;
    const query = this.#query;
    const results = this.results;
    if (results.state !== 'ready') {
      return renderLoadStatus(i18n, results, () => {
        this.#listKey = '';
        this.requestUpdate();
      });
    }
    const { items, total } = results.value;
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    if (!items.length) {
      return html`<div class="empty way-on">
        <p>${i18n.t('directory.noResults')}</p>
        ${this.wayOn ? this.#renderWayOn(this.wayOn) : nothing}
      </div>`;
    }
    return html`<ol class="results" start=${(query.page - 1) * PER_PAGE + 1}>
        ${items.map((service) => html`<li><ct-service-card .service=${service} .reference=${this.reference}></ct-service-card></li>`)}
      </ol>
      ${pages > 1
        ? html`<nav class="pagination" aria-label=${i18n.t('directory.pagination')}>
            ${query.page > 1
              ? html`<a class="button secondary" rel="prev" href=${directoryUrl({ ...query, page: query.page - 1 })}>${i18n.t('directory.previous')}</a>`
              : nothing}
            <span>${i18n.t('directory.page', { page: query.page, pages })}</span>
            ${query.page < pages
              ? html`<a class="button secondary" rel="next" href=${directoryUrl({ ...query, page: query.page + 1 })}>${i18n.t('directory.next')}</a>`
              : nothing}
          </nav>`
        : nothing}`;
  }

  #renderMap() {
    const i18n = this.#i18n;
    if (this.mapModule === 'failed' || this.points.state === 'failed') {
      return html`<p class="error map-message" role="status">${i18n.t('map.failed')}</p>`;
    }
    if (this.mapModule !== 'ready') return html`<p class="muted map-message" role="status">${i18n.t('map.loading')}</p>`;
    const query = this.#query;
    // The governorates chosen, as filters or read from the words typed: the map zooms to them.
    const understood = this.results.state === 'ready' ? (this.results.value.understood ?? []) : [];
    const zoomTo = [...new Set([...query.filters.governorate, ...understood.filter((u) => u.field === 'governorate').map((u) => u.code)])];
    return html`<ct-service-map
      .zoomTo=${zoomTo}
      .shapes=${this.shapes}
      .counts=${this.facets?.governorate ?? {}}
      .points=${this.points.state === 'ready' ? this.points.value : null}
      .reference=${this.reference}
      .tileUrl=${this.meta?.tileUrl ?? null}
      .tileAttribution=${this.meta?.tileAttribution ?? ''}
      ?loading=${this.pointsLoading}
    ></ct-service-map>`;
  }

  override render() {
    const i18n = this.#i18n;
    const query = this.#query;
    return html`
      <ct-quick-exit></ct-quick-exit>
      <h1>${i18n.t('directory.title')}</h1>
      <form role="search" class="search" @submit=${this.#onSearchSubmit}>
        <label for="q">${i18n.t('directory.searchLabel')}</label>
        <div class="search-row">
          <input
            id="q"
            name="q"
            type="search"
            autocomplete="off"
            enterkeyhint="search"
            placeholder=${i18n.t('directory.searchPlaceholder')}
            .value=${query.q}
            @input=${this.#onSearchInput}
          />
          <button type="submit" class="button">${i18n.t('directory.searchSubmit')}</button>
        </div>
      </form>
      ${this.#renderUnderstood()}
      ${this.wide ? this.#renderWide() : this.#renderPhone(query.view)}
    `;
  }

  /** Filters, list and map side by side. */
  #renderWide() {
    return html`<div class="layout view-both">
      ${this.#renderFilters()}
      <section class="list" aria-labelledby="results-heading" aria-busy=${this.listLoading ? 'true' : 'false'}>
        ${this.#renderResultsHead()} ${this.#renderResults()}
      </section>
      <div class="map-area">${this.#renderMap()}</div>
    </div>`;
  }

  /**
   * On a phone the first result shows without scrolling: the filters fold into a sheet behind a
   * "Filters (n)" button, and the list and the map are tabs (the map, its code and its data loaded
   * only when its tab is opened).
   */
  #renderPhone(view: 'list' | 'map') {
    const i18n = this.#i18n;
    const query = this.#query;
    const active = FACETS.reduce((n, name) => n + query.filters[name].length, Number(query.acceptsReferrals) + Number(query.hasCapacity));
    const tab = (name: 'list' | 'map', label: string) =>
      html`<button
        type="button"
        role="tab"
        id="tab-${name}"
        class="segment"
        aria-controls="panel-${name}"
        aria-selected=${view === name ? 'true' : 'false'}
        tabindex=${view === name ? 0 : -1}
        @click=${() => this.#showTab(name)}
      >
        ${label}
      </button>`;
    return html`<div class="layout view-${view}">
      <div class="phone-bar">
        <button type="button" class="filters-button" aria-haspopup="dialog" @click=${this.#openSheet}>${i18n.plural('filters.open', active)}</button>
        <div role="tablist" class="view-toggle" aria-label=${i18n.t('directory.viewLabel')} @keydown=${this.#onTabKey}>
          ${tab('list', i18n.t('directory.viewList'))} ${tab('map', i18n.t('directory.viewMap'))}
        </div>
      </div>
      ${this.#renderFilters()}
      <div class="phone-head" aria-busy=${this.listLoading ? 'true' : 'false'}>${this.#renderResultsHead()}</div>
      <section class="list" id="panel-list" role="tabpanel" aria-labelledby="tab-list" ?hidden=${view !== 'list'} aria-busy=${this.listLoading ? 'true' : 'false'}>
        ${view === 'list' ? this.#renderResults() : nothing}
      </section>
      <div class="map-area" id="panel-map" role="tabpanel" aria-labelledby="tab-map" ?hidden=${view !== 'map'}>
        ${view === 'map' ? this.#renderMap() : nothing}
      </div>
    </div>`;
  }

  #showTab(view: 'list' | 'map'): void {
    if (view !== this.#query.view) navigate(directoryUrl({ ...this.#query, view }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus());
  }

  /** Arrow keys move between the two tabs (mirrored in right-to-left), Home and End to the ends. */
  #onTabKey(event: KeyboardEvent): void {
    const forward = this.#i18n.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.#i18n.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const current = this.#query.view;
    const next =
      event.key === 'Home' ? 'list'
      : event.key === 'End' ? 'map'
      : event.key === forward || event.key === backward ? (current === 'list' ? 'map' : 'list')
      : undefined;
    if (!next) return;
    event.preventDefault();
    this.#showTab(next);
  }
}

customElements.define('ct-directory-view', DirectoryView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-directory-view': DirectoryView;
  }
}
