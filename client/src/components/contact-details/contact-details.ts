import { html, nothing, type TemplateResult } from 'lit';
import type { ContactBrief as Contact } from '../../../../server/contract/directory/services/service.schemas.js';
import type { PhoneView as Phone } from '../../../../server/contract/directory/records/view-schemas.js';
import type { I18nController } from '../../i18n/i18n.js';
import { contentText } from '../content-text/content-text.js';
import { phoneForReading } from '../../../../server/contract/directory/phone-input.js';

/** `tel:` URI of a phone number as written in the directory (spaces, dashes and brackets dropped). */
export function telUri(number: string): string {
  return `tel:${number.replace(/[^+\d]/g, '')}`;
}

/** Phone numbers as tap-to-call links; numbers stay left-to-right inside Arabic and Kurdish text. */
export function renderPhones(i18n: I18nController, phones: Phone[]): TemplateResult | typeof nothing {
  if (!phones.length) return nothing;
  return html`<ul class="phones">
    ${phones.map(
      (phone) => html`<li>
        <span class="phone-type">${i18n.vocab('phone', phone.type)}:</span>
        <a href=${telUri(phone.number)}><bdi dir="ltr">${phoneForReading(phone.number)}</bdi></a>
        ${phone.description ? html`<span class="muted" dir="auto">${phone.description}</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

export function renderEmail(email: string | null | undefined): TemplateResult | typeof nothing {
  return email ? html`<a href="mailto:${email}"><bdi dir="ltr">${email}</bdi></a>` : nothing;
}

/** A person or desk to contact: name, role, phones, email, languages spoken. */
export function renderContact(i18n: I18nController, contact: Contact): TemplateResult {
  return html`<div class="contact">
    <p class="contact-name">
      <strong dir="auto">${contact.name}</strong>
      ${contact.title ? html`<span class="contact-title">${contentText(i18n, contact.title)}</span>` : nothing}
      ${contact.referralFocalPoint ? html`<span class="badge positive">${i18n.t('service.focalPoint')}</span>` : nothing}
    </p>
    ${renderPhones(i18n, contact.phones)}
    ${contact.email ? html`<p>${i18n.t('service.email')}: ${renderEmail(contact.email)}</p>` : nothing}
    ${contact.languages.length
      ? html`<p class="muted">${i18n.list(contact.languages.map((code) => i18n.vocab('language', code)))}</p>`
      : nothing}
  </div>`;
}
