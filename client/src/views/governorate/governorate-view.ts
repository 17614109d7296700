import { html, LitElement, nothing } from 'lit';
import { getLegalFrames } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import type { ServiceDetail } from '../../../../server/contract/directory/services/service.schemas.js';
import { framesIn, type LegalFrameView } from '../../../../server/contract/directory/legal-frames/legal-frame.schemas.js';
import { colourDot } from '../../components/colour-dot/colour-dot.js';
import { colourDotStyles } from '../../components/colour-dot/colour-dot.styles.js';
import { renderContact, renderPhones } from '../../components/contact-details/contact-details.js';
import { contactDetailsStyles } from '../../components/contact-details/contact-details.styles.js';
import { contentText } from '../../components/content-text/content-text.js';
import { contentTextStyles } from '../../components/content-text/content-text.styles.js';
import { renderLegalFrames } from '../../components/legal-frame/legal-frame.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { ResourceController } from '../../resource-controller.js';
import { RouteController } from '../../router.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { directoryUrl, NO_FILTERS } from '../directory/directory-query.js';
import {
  ACTIVITY_LIMIT,
  groupByCategory,
  loadDetails,
  loadGovernorateActivities,
  loadGovernorateServices,
  referralContacts,
  type GovernorateActivities,
  type GovernorateServices,
} from './governorate-data.js';
import { styles } from './governorate-view.styles.js';

/** All services in one governorate, grouped by category, with whom to call for a referral. */
export class GovernorateView extends LitElement {
  static override styles = [sharedStyles, contentTextStyles, contactDetailsStyles, ...colourDotStyles, styles];
  static override properties = { reference: { state: true }, details: { state: true } };

  declare reference: Reference | null;
  declare details: ReadonlyMap<string, ServiceDetail>;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #data = new ResourceController<GovernorateServices>(
    this,
    () => (this.#routes.route.name === 'governorate' ? this.#routes.route.params.code : undefined),
    async (code, signal) => {
      const data = await loadGovernorateServices(code, signal);
      this.details = new Map();
      // Contacts fill in after the list is shown.
      void loadDetails(data.services, signal, (details) => (this.details = new Map(details))).catch(() => undefined);
      return data;
    },
  );

  /** The law in force here, as on the printed pathway. */
  readonly #frames = new ResourceController<LegalFrameView[]>(
    this,
    () => (this.#routes.route.name === 'governorate' ? this.#routes.route.params.code : undefined),
    async (code, signal) => framesIn(await getLegalFrames(signal), [code]),
  );

  readonly #activities = new ResourceController<GovernorateActivities>(
    this,
    () => (this.#routes.route.name === 'governorate' ? this.#routes.route.params.code : undefined),
    (code, signal) => loadGovernorateActivities(code, signal),
  );

  constructor() {
    super();
    this.reference = null;
    this.details = new Map();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadReference().then(
      (reference) => (this.reference = reference),
      () => (this.reference = null),
    );
  }

  override render() {
    const data = this.#data.value;
    const reference = this.reference;
    if (!data || !reference) return renderLoadStatus(this.#i18n, this.#data.state, () => this.#data.retry());
    const i18n = this.#i18n;
    const { governorate, services, total } = data;
    const name = i18n.text(governorate.name);
    setPageTitle(i18n, i18n.t('governorate.title', { name }));
    const groups = groupByCategory(services, reference);
    return html`<header class="page-header">
        <h1>${i18n.t('governorate.title', { name })}</h1>
        <p>
          ${i18n.t('governorate.capital', { capital: i18n.text(governorate.capital) })} ·
          <strong>${i18n.plural('governorate.count', total)}</strong>
        </p>
        <p class="actions">
          <a class="button" href="/governorates/${encodeURIComponent(governorate.code)}/print">${i18n.t('governorate.print')}</a>
          <a
            class="button secondary"
            href=${directoryUrl({ q: '', asTyped: false, filters: { ...NO_FILTERS, governorate: [governorate.code] }, acceptsReferrals: false, hasCapacity: false, view: 'list', page: 1 })}
            >${i18n.t('governorate.inDirectory')}</a
          >
        </p>
        ${services.length < total ? html`<p class="notice">${i18n.t('governorate.truncated', { shown: services.length, total })}</p>` : nothing}
      </header>
      ${renderLegalFrames(i18n.lang, this.#frames.value ?? [])}
      ${groups.length === 0 ? html`<p>${i18n.t('governorate.none')}</p>` : nothing}
      ${groups.map(
        ({ category, services: inCategory }) => html`<section aria-labelledby="cat-${category.code}">
          <h2 id="cat-${category.code}">
            ${colourDot(category.parent)}
            ${contentText(i18n, category.name)}
          </h2>
          <ul class="services">
            ${inCategory.map((service) => {
              const { contacts, phones } = referralContacts(this.details.get(service.id));
              return html`<li>
                <div class="service-head">
                  <a href="/services/${encodeURIComponent(service.id)}"><strong>${contentText(i18n, service.name)}</strong></a>
                  <span class="muted">${contentText(i18n, service.organization.name)}</span>
                  ${service.acceptsReferrals ? html`<span class="badge positive">${i18n.t('card.acceptsReferrals')}</span>` : nothing}
                  ${service.confidential ? html`<span class="badge warning">${i18n.t('card.confidential')}</span>` : nothing}
                </div>
                ${contacts.map((contact) => renderContact(i18n, contact))} ${contacts.length ? nothing : renderPhones(i18n, phones)}
              </li>`;
            })}
          </ul>
        </section>`,
      )}
      ${this.#renderActivities()}`;
  }

  /** Awareness sessions, trainings and campaigns here (4W); the services above stay usable if these fail to load. */
  #renderActivities() {
    const i18n = this.#i18n;
    const activities = this.#activities.value;
    if (!activities?.summary) return nothing;
    const { summary, recent } = activities;
    return html`<section aria-labelledby="activities">
      <h2 id="activities">${i18n.t('coverage.place.title')}</h2>
      <p>${i18n.plural('coverage.place.summary', summary.count, { reached: summary.reached.total })}</p>
      ${summary.count > ACTIVITY_LIMIT ? html`<p class="muted">${i18n.t('coverage.place.more', { shown: recent.length })}</p>` : nothing}
      <ul class="services">
        ${recent.map(
          (activity) => html`<li>
            <div class="service-head">
              <strong>${contentText(i18n, activity.title)}</strong>
              <span class="badge">${i18n.t(`workspace.kind.${activity.kind}`)}</span>
              <span class="muted">${contentText(i18n, activity.organization.name)}</span>
            </div>
            <p class="muted">
              <bdi>${i18n.date(activity.startDate)}</bdi>${activity.endDate === activity.startDate ? nothing : html` – <bdi>${i18n.date(activity.endDate)}</bdi>`}
              · ${i18n.t('coverage.place.reached', activity.reached)}
            </p>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

customElements.define('ct-governorate-view', GovernorateView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-governorate-view': GovernorateView;
  }
}
