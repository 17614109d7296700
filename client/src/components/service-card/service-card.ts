import { html, LitElement, nothing } from 'lit';
import type { Reference } from '../../api/reference.js';
import type { ServiceSummary } from '../../../../server/contract/directory/services/service.schemas.js';
import { I18nController } from '../../i18n/i18n.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { capacityStyles, renderCapacity } from '../capacity-figure/capacity-figure.js';
import { colourDot } from '../colour-dot/colour-dot.js';
import { colourDotStyles } from '../colour-dot/colour-dot.styles.js';
import { contentText } from '../content-text/content-text.js';
import { contentTextStyles } from '../content-text/content-text.styles.js';
import { styles } from './service-card.styles.js';

/** A service in a result list: name (link), organisation, what it offers, where, and whether it takes referrals. */
export class ServiceCard extends LitElement {
  static override styles = [sharedStyles, contentTextStyles, ...colourDotStyles, capacityStyles, styles];
  static override properties = {
    service: { attribute: false },
    reference: { attribute: false },
  };

  declare service: ServiceSummary | null;
  declare reference: Reference | null;

  readonly #i18n = new I18nController(this);

  constructor() {
    super();
    this.service = null;
    this.reference = null;
  }

  override render() {
    const service = this.service;
    if (!service) return nothing;
    const i18n = this.#i18n;
    const reference = this.reference;
    const title = html`<a href="/services/${encodeURIComponent(service.id)}">${contentText(i18n, service.name)}</a>`;
    const governorates = reference ? i18n.list(service.governorates.map((code) => i18n.text(reference.governorateName(code)))) : '';
    return html`<article>
      <h3 class="title">${title}</h3>
      <p class="organization">${contentText(i18n, service.organization.name)}</p>
      <p class="description">${contentText(i18n, service.description)}</p>
      <ul class="categories">
        ${service.categories.map((code) => {
          return html`<li>
            ${colourDot(reference?.groupOf(code))}${reference
              ? i18n.text(reference.categoryName(code))
              : code}
          </li>`;
        })}
      </ul>
      ${renderCapacity(i18n, service.capacity)}
      <p class="meta">
        ${governorates ? html`<span>${governorates}</span>` : nothing}
        ${service.acceptsReferrals ? html`<span class="badge positive">${i18n.t('card.acceptsReferrals')}</span>` : nothing}
        ${service.confidential ? html`<span class="badge warning">${i18n.t('card.confidential')}</span>` : nothing}
        ${service.status !== 'active' ? html`<span class="badge warning">${i18n.vocab('status', service.status)}</span>` : nothing}
        <span class="muted">
          ${service.lastVerifiedAt ? i18n.t('card.verified', { date: i18n.date(service.lastVerifiedAt) }) : i18n.t('card.notVerified')}
        </span>
        ${service.distanceKm === undefined
          ? nothing
          : html`<span class="muted">${i18n.t('card.distance', { distance: i18n.number(service.distanceKm, { maximumFractionDigits: 1 }) })}</span>`}
      </p>
    </article>`;
  }
}

customElements.define('ct-service-card', ServiceCard);

declare global {
  interface HTMLElementTagNameMap {
    'ct-service-card': ServiceCard;
  }
}
