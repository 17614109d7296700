import { renderUnverifiedChange } from '../../components/unverified-change/unverified-change.js';
import { html, LitElement, nothing } from 'lit';
import { getOrganization } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import type { OrganizationDetail } from '../../../../server/contract/directory/organizations/organization.schemas.js';
import { renderContact, renderEmail, renderPhones } from '../../components/contact-details/contact-details.js';
import { contactDetailsStyles } from '../../components/contact-details/contact-details.styles.js';
import { contentText } from '../../components/content-text/content-text.js';
import { contentTextStyles } from '../../components/content-text/content-text.styles.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import '../../components/service-card/service-card.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { ResourceController } from '../../resource-controller.js';
import { can } from '../../permissions.js';
import { RouteController } from '../../router.js';
import { SessionController } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from '../service/service-view.styles.js';

/** An organisation's profile: who they are, where they work, how to reach them, and their services. */
export class OrganizationView extends LitElement {
  static override styles = [sharedStyles, contentTextStyles, contactDetailsStyles, styles];
  static override properties = { reference: { state: true } };

  declare reference: Reference | null;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #session = new SessionController(this);
  readonly #organization = new ResourceController<OrganizationDetail>(
    this,
    () => (this.#routes.route.name === 'organization' ? this.#routes.route.params.id : undefined),
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

  override render() {
    const organization = this.#organization.value;
    if (!organization) return renderLoadStatus(this.#i18n, this.#organization.state, () => this.#organization.retry());
    const i18n = this.#i18n;
    const reference = this.reference;
    setPageTitle(i18n, i18n.text(organization.name));
    return html`<article>
      <header class="page-header">
        <h1>${contentText(i18n, organization.name)}</h1>
        <p class="badges">
          <span class="badge">${i18n.vocab('orgType', organization.type)}</span>
          ${organization.verification.status === 'verified' ? html`<span class="badge positive">${i18n.t('organization.verified')}</span>` : nothing}
          ${organization.acceptsReferralsOnPlatform ? html`<span class="badge positive">${i18n.t('service.acceptsReferrals')}</span>` : nothing}
          <span class="muted">
            ${i18n.t('service.lastVerified')}:
            ${organization.lastVerifiedAt ? i18n.date(organization.lastVerifiedAt) : i18n.t('service.neverVerified')}
          </span>
        </p>
        ${renderUnverifiedChange(i18n, organization.unverifiedChange)}
      </header>
      <div class="columns">
        <div class="main">
          <section>
            <h2>${i18n.t('organization.about')}</h2>
            <p class="prose">${contentText(i18n, organization.description)}</p>
          </section>
          <section>
            <h2>${i18n.t('organization.governorates')}</h2>
            <ul class="inline-list">
              ${organization.governorates.map(
                (code) =>
                  html`<li><a href="/governorates/${encodeURIComponent(code)}">${reference ? contentText(i18n, reference.governorateName(code)) : code}</a></li>`,
              )}
            </ul>
          </section>
          <section>
            <h2>${i18n.t('organization.services')}</h2>
            ${organization.services.length
              ? html`<ul class="services">
                  ${organization.services.map(
                    (service) => html`<li>
                      <ct-service-card .service=${service} .reference=${reference}></ct-service-card>
                      ${service.acceptsReferrals && can(this.#session.user, 'referral:send') && this.#session.user?.organization?.id !== organization.id
                        ? html`<a class="button secondary refer" href="/referrals/new?service=${encodeURIComponent(service.id)}"
                            >${i18n.t('service.refer')}<span class="visually-hidden">: ${i18n.text(service.name)}</span></a
                          >`
                        : nothing}
                    </li>`,
                  )}
                </ul>`
              : html`<p class="muted">${i18n.t('organization.noServices')}</p>`}
          </section>
        </div>
        <aside class="contact-box" aria-labelledby="contact-heading">
          <h2 id="contact-heading">${i18n.t('service.contact')}</h2>
          ${renderPhones(i18n, organization.phones)}
          ${organization.email ? html`<p>${i18n.t('service.email')}: ${renderEmail(organization.email)}</p>` : nothing}
          ${organization.website
            ? html`<p>
                ${i18n.t('service.website')}:
                <a href=${organization.website} rel="noopener" target="_blank"><bdi dir="ltr">${organization.website.replace(/^https?:\/\//, '')}</bdi></a>
              </p>`
            : nothing}
          ${organization.languages.length
            ? html`<h3>${i18n.t('organization.languages')}</h3>
                <p>${i18n.list(organization.languages.map((code) => i18n.vocab('language', code)))}</p>`
            : nothing}
          ${organization.contacts.length
            ? html`<h3>${i18n.t('organization.contacts')}</h3>
                ${organization.contacts.map((contact) => renderContact(i18n, contact))}`
            : nothing}
        </aside>
      </div>
    </article>`;
  }
}

customElements.define('ct-organization-view', OrganizationView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-organization-view': OrganizationView;
  }
}
