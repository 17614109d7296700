import { css, html, LitElement, nothing } from 'lit';
import { getForEdit, sendVersioned, type Versioned } from '../../api/client.js';
import type { ServiceDetail } from '../../../../server/contract/directory/services/service.schemas.js';
import { CAPACITY_UNITS } from '../../../../server/contract/directory/vocabulary.js';
import { capacityText } from '../../components/capacity-figure/capacity-figure.js';
import { contentText } from '../../components/content-text/content-text.js';
import { contentTextStyles } from '../../components/content-text/content-text.styles.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { ResourceController } from '../../resource-controller.js';
import { RouteController, navigate } from '../../router.js';
import { sharedStyles } from '../../styles/shared.styles.js';

type Capacity = NonNullable<ServiceDetail['capacity']>;

/**
 * The one thing staff change by the hour, on a phone, in two taps: one fewer (or more) free, then
 * save. Not the service form: nothing else can be changed or lost here. Saving stamps the time.
 */
export class ServiceCapacityView extends LitElement {
  static override styles = [
    sharedStyles,
    contentTextStyles,
    css`
      .unit { margin-block: 1rem; }
      .stepper { display: flex; align-items: center; gap: 1rem; }
      .stepper button { min-inline-size: 3.5rem; min-block-size: 3.5rem; font-size: 1.75rem; }
      .count { font-size: 2rem; font-weight: 700; min-inline-size: 3ch; text-align: center; }
      .save { inline-size: 100%; min-block-size: 3rem; }
      .setup { margin-block: 1.5rem; display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .maximum input { inline-size: 7rem; }
    `,
  ];
  static override properties = { draft: { state: true }, saving: { state: true }, problem: { state: true } };

  /** The figures as changed here, for the service they were changed on. */
  declare draft: { id: string; capacity: Capacity } | null;
  declare saving: boolean;
  declare problem: string | null;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #service = new ResourceController<Versioned<ServiceDetail>>(
    this,
    () => (this.#routes.route.name === 'service-capacity' ? this.#routes.route.params.id : undefined),
    (id, signal) => getForEdit<ServiceDetail>(`/services/${encodeURIComponent(id)}`, signal),
  );

  constructor() {
    super();
    this.draft = null;
    this.saving = false;
    this.problem = null;
  }

  #set(id: string, capacity: Capacity) {
    this.draft = { id, capacity };
  }

  #change(id: string, index: number, step: number, capacity: Capacity) {
    this.#set(
      id,
      capacity.map((c, i) => (i === index ? { ...c, available: Math.max(0, Math.min(c.maximum ?? Infinity, c.available + step)) } : c)),
    );
  }

  /** The total of a unit; free places above a lowered total come down with it. Empty: no fixed number. */
  #setMaximum(id: string, index: number, value: string, capacity: Capacity) {
    const n = value.trim() === '' ? null : Math.max(0, Math.floor(Number(value)));
    if (n !== null && !Number.isFinite(n)) return;
    this.#set(id, capacity.map((c, i) => (i === index ? { ...c, maximum: n, available: n === null ? c.available : Math.min(c.available, n) } : c)));
  }

  /** Setting up: a unit the service has not counted yet, starting at none free. */
  #add(id: string, unit: Capacity[number]['unit'], capacity: Capacity) {
    const now = new Date().toISOString();
    this.#set(id, [...capacity, { unit, available: 0, maximum: null, description: {}, updatedAt: now, stale: false }]);
  }

  async #save(service: Versioned<ServiceDetail>, capacity: Capacity) {
    this.saving = true;
    this.problem = null;
    try {
      const body = { capacity: capacity.map(({ unit, available, maximum, description }) => ({ unit, available, maximum, description })) };
      await sendVersioned('POST', `/services/${encodeURIComponent(service.value.id)}/capacity`, body, { signedIn: true, ifMatch: service.etag });
      this.draft = null;
      navigate(`/services/${encodeURIComponent(service.value.id)}`);
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    const service = this.#service.value;
    if (!service) return renderLoadStatus(this.#i18n, this.#service.state, () => this.#service.retry());
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('capacity.update'));
    const id = service.value.id;
    const capacity = (this.draft?.id === id ? this.draft.capacity : null) ?? service.value.capacity ?? [];
    const counted = new Set(capacity.map((c) => c.unit));
    const addable = CAPACITY_UNITS.filter((unit) => !counted.has(unit));
    const changed = this.draft?.id === id;
    return html`<article>
      <h1>${i18n.t('capacity.update')}</h1>
      <p><a href="/services/${encodeURIComponent(service.value.id)}">${contentText(i18n, service.value.name)}</a></p>
      ${capacity.length
        ? html`<p class="muted">${i18n.t('capacity.hint')}</p>
            ${capacity.map(
              (c, index) => html`<section class="unit">
                <h2>${i18n.t(`capacity.unit.${c.unit}`)}</h2>
                <div class="stepper">
                  <button type="button" class="button secondary" aria-label=${i18n.t('capacity.less')} @click=${() => this.#change(id, index, -1, capacity)}>−</button>
                  <output class="count" aria-live="polite">${i18n.number(c.available)}</output>
                  <button type="button" class="button secondary" aria-label=${i18n.t('capacity.more')} @click=${() => this.#change(id, index, 1, capacity)}>+</button>
                </div>
                <p>${capacityText(i18n, c)}</p>
                <details ?open=${c.maximum === null && !service.value.capacity?.some((saved) => saved.unit === c.unit)}>
                  <summary>${i18n.t('capacity.maximum')}</summary>
                  <p class="maximum">
                    <input
                      type="number"
                      inputmode="numeric"
                      min="0"
                      max="100000"
                      aria-label=${i18n.t('capacity.maximum')}
                      .value=${c.maximum === null ? '' : String(c.maximum)}
                      @change=${(event: Event) => this.#setMaximum(id, index, (event.target as HTMLInputElement).value, capacity)}
                    />
                  </p>
                  <button type="button" class="button secondary" @click=${() => this.#set(id, capacity.filter((_, i) => i !== index))}>
                    ${i18n.t('capacity.remove')}
                  </button>
                </details>
              </section>`,
            )}`
        : html`<p>${i18n.t('capacity.none')}</p>`}
      ${addable.length
        ? html`<p class="setup">
            ${addable.map((unit) => html`<button type="button" class="button secondary" @click=${() => this.#add(id, unit, capacity)}>${i18n.t(`capacity.add.${unit}`)}</button>`)}
          </p>`
        : nothing}
      ${this.problem ? html`<p class="notice" role="alert">${this.problem}</p>` : nothing}
      ${capacity.length || changed
        ? html`<button type="button" class="button save" ?disabled=${this.saving} @click=${() => this.#save(service, capacity)}>${i18n.t('capacity.save')}</button>`
        : nothing}
    </article>`;
  }
}

customElements.define('ct-service-capacity-view', ServiceCapacityView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-service-capacity-view': ServiceCapacityView;
  }
}
