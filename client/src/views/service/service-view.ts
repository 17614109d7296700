import { renderUnverifiedChange } from '../../components/unverified-change/unverified-change.js';
import { html, LitElement, nothing } from 'lit';
import { getOrganization, getService } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import type { OrganizationDetail } from '../../../../server/contract/directory/organizations/organization.schemas.js';
import type { PhoneView as Phone } from '../../../../server/contract/directory/records/view-schemas.js';
import type { ScheduleView as Schedule, ServiceDetail } from '../../../../server/contract/directory/services/service.schemas.js';
import { colourDot } from '../../components/colour-dot/colour-dot.js';
import { colourDotStyles } from '../../components/colour-dot/colour-dot.styles.js';
import { renderContact, renderEmail, renderPhones, telUri } from '../../components/contact-details/contact-details.js';
import { phoneForReading } from '../../../../server/contract/directory/phone-input.js';
import { contactDetailsStyles } from '../../components/contact-details/contact-details.styles.js';
import { contentText } from '../../components/content-text/content-text.js';
import { contentTextStyles } from '../../components/content-text/content-text.styles.js';
import { capacityStyles, renderCapacity } from '../../components/capacity-figure/capacity-figure.js';
import '../../components/quick-exit/quick-exit.js';
import { scheduleParts } from '../../components/share-service/share-service.js';
import { can } from '../../permissions.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { ResourceController } from '../../resource-controller.js';
import { RouteController } from '../../router.js';
import { SessionController } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './service-view.styles.js';

/** Everything a referrer needs about one service, most decisive first: what, for whom, how to refer. */
export class ServiceView extends LitElement {
  static override styles = [sharedStyles, contentTextStyles, contactDetailsStyles, ...colourDotStyles, capacityStyles, styles];
  static override properties = { reference: { state: true } };

  declare reference: Reference | null;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #session = new SessionController(this);
  readonly #service = new ResourceController<ServiceDetail>(
    this,
    () => (this.#routes.route.name === 'service' ? this.#routes.route.params.id : undefined),
    (id, signal) => getService(id, signal),
  );
  /** When the service lists no contact or phone of its own, the organisation's are the way in. */
  readonly #organization = new ResourceController<OrganizationDetail>(
    this,
    () => {
      const service = this.#service.value;
      return service && !service.contacts.length && !service.phones.length ? service.organization.id : undefined;
    },
    (id, signal) => getOrganization(id, signal),
  );

  constructor() {
    super();
    this.reference = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadReference().then(
      (reference) => (this.reference = reference),
      () => (this.reference = null),
    );
  }

  /** The numbers to call, best first: the service's, then its contacts' (focal points first), then the organisation's. */
  #phonesToCall(service: ServiceDetail): Phone[] {
    const contacts = [...service.contacts].sort((a, b) => Number(b.referralFocalPoint) - Number(a.referralFocalPoint));
    return [...service.phones, ...contacts.flatMap((c) => c.phones), ...(this.#organization.value?.phones ?? [])];
  }

  /** Where no one receives referrals on the platform, the way to refer is a call. */
  #referByPhone(service: ServiceDetail) {
    const phone = this.#phonesToCall(service)[0];
    if (!phone) return nothing;
    return html`<p>
      <a class="button refer-by-phone" href=${telUri(phone.number)}>${this.#i18n.t('service.referByPhone')} <bdi dir="ltr">${phoneForReading(phone.number)}</bdi></a>
    </p>`;
  }

  override render() {
    const service = this.#service.value;
    if (!service) return renderLoadStatus(this.#i18n, this.#service.state, () => this.#service.retry());
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.text(service.name));
    const focalPoints = service.contacts.filter((c) => c.referralFocalPoint);
    const otherContacts = service.contacts.filter((c) => !c.referralFocalPoint);
    return html`
      <ct-quick-exit></ct-quick-exit>
      <article>
        <header class="page-header">
          <h1>${contentText(i18n, service.name)}</h1>
          <p class="provider">
            ${i18n.t('service.provider')}
            <a href="/organizations/${encodeURIComponent(service.organization.id)}">${contentText(i18n, service.organization.name)}</a>
          </p>
          <p class="badges">
            ${service.status !== 'active' ? html`<span class="badge warning">${i18n.t('service.notice', { status: i18n.vocab('status', service.status) })}</span>` : nothing}
            ${service.acceptsReferrals
              ? html`<span class="badge positive">${i18n.t('service.acceptsReferrals')}</span>`
              : html`<span class="badge">${i18n.t('service.noReferrals')}</span>`}
            ${service.confidential ? html`<span class="badge warning">${i18n.t('card.confidential')}</span>` : nothing}
            <span class="muted">
              ${i18n.t('service.lastVerified')}:
              ${service.lastVerifiedAt ? html`<time datetime=${service.lastVerifiedAt}>${i18n.date(service.lastVerifiedAt)}</time>` : i18n.t('service.neverVerified')}
            </span>
          </p>
          ${renderUnverifiedChange(i18n, service.unverifiedChange)}
          ${renderCapacity(i18n, service.capacity)}
          ${can(this.#session.user, 'capacity:write', service.organization.id)
            ? html`<p><a class="button secondary" href="/services/${encodeURIComponent(service.id)}/capacity">${i18n.t('capacity.update')}</a></p>`
            : nothing}
          ${service.acceptsReferrals
            ? this.#session.user
              ? html`<p><a class="button" href="/referrals/new?service=${encodeURIComponent(service.id)}">${i18n.t('service.refer')}</a></p>`
              : nothing
            : this.#referByPhone(service)}
          <ct-share-service .service=${service} .phones=${this.#phonesToCall(service).slice(0, 2)} .reference=${this.reference}></ct-share-service>
        </header>

        <div class="columns">
          <div class="main">
            <section>
              <h2>${i18n.t('service.about')}</h2>
              <p class="prose">${contentText(i18n, service.description)}</p>
              <ul class="categories">
                ${service.categories.map((code) => {
                  return html`<li>
                    ${colourDot(this.reference?.groupOf(code))}
                    ${this.reference ? contentText(i18n, this.reference.categoryName(code)) : code}
                  </li>`;
                })}
              </ul>
            </section>

            <section>
              <h2>${i18n.t('service.forWhom')}</h2>
              <dl>
                ${service.populations.length
                  ? html`<dt>${i18n.t('service.populations')}</dt>
                      <dd>${i18n.list(service.populations.map((p) => i18n.vocab('population', p)))}</dd>`
                  : nothing}
                <dt>${i18n.t('service.ageGender')}</dt>
                <dd>${this.#ageAndGender(service)}</dd>
                ${i18n.pick(service.eligibility)
                  ? html`<dt>${i18n.t('service.eligibility')}</dt>
                      <dd class="prose">${contentText(i18n, service.eligibility)}</dd>`
                  : nothing}
              </dl>
            </section>

            <section>
              <h2>${i18n.t('service.howToRefer')}</h2>
              ${i18n.pick(service.applicationProcess) ? html`<p class="prose">${contentText(i18n, service.applicationProcess)}</p>` : nothing}
            </section>

            <section>
              <h2>${i18n.t('service.hours')}</h2>
              ${this.#schedules(service.schedules)}
            </section>

            <section>
              <h2>${i18n.t('service.location')}</h2>
              ${service.confidential && !service.locations.length
                ? html`<p class="notice">${i18n.t('service.confidential')}</p>`
                : html`<ul class="plain">
                    ${service.locations.map(
                      (location) => html`<li>
                        ${location.name ? html`<strong>${contentText(i18n, location.name)}</strong><br />` : nothing}
                        <span dir="auto">${this.#address(location.address)}</span>
                      </li>`,
                    )}
                  </ul>`}
              <h3>${i18n.t('service.coverage')}</h3>
              <ul class="inline-list">
                ${service.governorates.map(
                  (code) =>
                    html`<li>
                      <a href="/governorates/${encodeURIComponent(code)}">${this.reference ? contentText(i18n, this.reference.governorateName(code)) : code}</a>
                    </li>`,
                )}
              </ul>
            </section>
          </div>

          <aside class="contact-box" aria-labelledby="contact-heading">
            <h2 id="contact-heading">${i18n.t('service.contact')}</h2>
            ${focalPoints.map((contact) => renderContact(i18n, contact))} ${this.#organizationContacts()}
            ${service.phones.length ? html`<h3>${i18n.t('service.phone')}</h3>${renderPhones(i18n, service.phones)}` : nothing}
            ${service.email ? html`<h3>${i18n.t('service.email')}</h3><p>${renderEmail(service.email)}</p>` : nothing}
            ${service.url
              ? html`<h3>${i18n.t('service.website')}</h3>
                  <p><a href=${service.url} rel="noopener" target="_blank"><bdi dir="ltr">${service.url.replace(/^https?:\/\//, '')}</bdi></a></p>`
              : nothing}
            <h3>${i18n.t('service.languages')}</h3>
            <p>${i18n.list(service.languages.map((code) => i18n.vocab('language', code)))}</p>
            <h3>${i18n.t('service.fees')}</h3>
            <p>${service.free ? i18n.t('service.free') : i18n.pick(service.fees) ? contentText(i18n, service.fees) : i18n.t('service.paid')}</p>
            ${otherContacts.length
              ? html`<h3>${i18n.t('service.contacts')}</h3>
                  ${otherContacts.map((contact) => renderContact(i18n, contact))}`
              : nothing}
          </aside>
        </div>
      </article>
    `;
  }

  #organizationContacts() {
    const organization = this.#organization.value;
    if (!organization || this.#service.value?.organization.id !== organization.id) return nothing;
    const i18n = this.#i18n;
    const focal = organization.contacts.filter((c) => c.referralFocalPoint);
    return html`<p class="muted">${i18n.t('service.organizationContact')}</p>
      ${(focal.length ? focal : organization.contacts.slice(0, 2)).map((contact) => renderContact(i18n, contact))}
      ${renderPhones(i18n, organization.phones)}
      ${organization.email ? html`<p>${renderEmail(organization.email)}</p>` : nothing}`;
  }

  #ageAndGender(service: ServiceDetail): string {
    const i18n = this.#i18n;
    const { ageMin: min, ageMax: max } = service;
    const age =
      min !== null && max !== null
        ? i18n.t('service.ages', { min, max })
        : min !== null
          ? i18n.t('service.ageFrom', { min })
          : max !== null
            ? i18n.t('service.ageTo', { max })
            : '';
    return [i18n.t(`service.gender.${service.genderRestriction}`), age].filter(Boolean).join(' · ');
  }

  /** Street, district and city; street and city are translated, each in the reader's language or its fallback. */
  #address({ street, district, city }: ServiceDetail['locations'][number]['address']) {
    const i18n = this.#i18n;
    const parts = [contentText(i18n, street), district, contentText(i18n, city)].filter((part) => part && part !== nothing);
    return parts.map((part, index) => (index ? html`${i18n.t('app.comma')}${part}` : part));
  }

  #schedules(schedules: Schedule[]) {
    const i18n = this.#i18n;
    if (!schedules.length) return html`<p class="muted">${i18n.t('service.hoursUnknown')}</p>`;
    return html`<ul class="plain">
      ${schedules.map((schedule) => {
        const { days, hours } = scheduleParts(i18n, schedule);
        return html`<li>
          ${days ? html`<strong>${days}</strong>` : nothing} ${hours}
          ${i18n.pick(schedule.description) ? html`<br /><span class="muted">${contentText(i18n, schedule.description)}</span>` : nothing}
        </li>`;
      })}
    </ul>`;
  }
}

customElements.define('ct-service-view', ServiceView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-service-view': ServiceView;
  }
}
