import { html, LitElement, nothing } from 'lit';
import { phoneForReading } from '../../../../server/contract/directory/phone-input.js';
import type { Reference } from '../../api/reference.js';
import type { PhoneView as Phone } from '../../../../server/contract/directory/records/view-schemas.js';
import type { ScheduleView as Schedule, ServiceDetail } from '../../../../server/contract/directory/services/service.schemas.js';
import { I18nController } from '../../i18n/i18n.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './share-service.styles.js';

/** Weekdays in the order the week is shown in Iraq (Sunday to Saturday). */
const WEEK: Schedule['byDay'] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * Left-to-right marks around a phone number: in an Arabic or Sorani message its digit groups would
 * otherwise be shown in reverse order ("0101 555 770 +964"). Invisible, and kept by every messenger.
 */
const LRM = '\u200E';

/** A schedule's days and hours as plain text in the current language (either may be empty). */
export function scheduleParts(i18n: I18nController, schedule: Schedule): { days: string; hours: string } {
  const days = WEEK.filter((day) => schedule.byDay.includes(day)).map((day) => i18n.vocab('weekday', day));
  return {
    days: days.length ? i18n.list(days) : '',
    hours:
      schedule.opensAt && schedule.closesAt
        ? i18n.t('hours.range', { opens: i18n.time(schedule.opensAt), closes: i18n.time(schedule.closesAt) })
        : '',
  };
}

/** The page's own address, nothing appended: it says which service, never who asked. */
export const serviceLink = (service: Pick<ServiceDetail, 'id'>): string => `${location.origin}/services/${encodeURIComponent(service.id)}`;

/**
 * The ready text: name, organisation, phones, hours, governorates and the link, in the page's
 * language. Built from these fields only, so no address, map point or case detail can slip in.
 */
export function shareText(i18n: I18nController, service: ServiceDetail, phones: Phone[], reference: Reference | null): string {
  const line = (label: string, value: string) => (value ? i18n.t('share.line', { label, value }) : '');
  const hours = service.schedules
    .map((schedule) => Object.values(scheduleParts(i18n, schedule)).filter(Boolean).join(' '))
    .filter(Boolean)
    .join('; ');
  const governorates = service.governorates.map((code) => (reference ? i18n.text(reference.governorateName(code)) : code));
  return [
    i18n.text(service.name),
    line(i18n.t('service.provider'), i18n.text(service.organization.name)),
    line(i18n.t('service.phone'), phones.map((phone) => `${LRM}${phoneForReading(phone.number)}${LRM}`).join(i18n.t('app.comma'))),
    line(i18n.t('service.hours'), hours),
    line(i18n.t('service.coverage'), i18n.list(governorates)),
    serviceLink(service),
  ]
    .filter(Boolean)
    .join('\n');
}

/** "Share" on a service page: a link and a ready text for WhatsApp, Viber, SMS, the clipboard or the phone's own share sheet. */
export class ShareService extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    service: { attribute: false },
    phones: { attribute: false },
    reference: { attribute: false },
    copyStatus: { state: true },
  };

  declare service: ServiceDetail | null;
  declare phones: Phone[];
  declare reference: Reference | null;
  declare copyStatus: 'copied' | 'failed' | null;

  readonly #i18n = new I18nController(this);

  constructor() {
    super();
    this.service = null;
    this.phones = [];
    this.reference = null;
    this.copyStatus = null;
  }

  async #copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = 'copied';
    } catch {
      // No clipboard outside a secure context or without permission: leave the text ready to copy by hand.
      this.renderRoot.querySelector('textarea')?.select();
      this.copyStatus = 'failed';
    }
  }

  override render() {
    const service = this.service;
    if (!service) return nothing;
    const i18n = this.#i18n;
    const text = shareText(i18n, service, this.phones, this.reference);
    const body = encodeURIComponent(text);
    return html`<details @toggle=${() => (this.copyStatus = null)}>
      <summary>${i18n.t('share.title')}</summary>
      <p class="muted">${i18n.t('share.safe')}</p>
      <label for="share-link">${i18n.t('share.link')}</label>
      <input id="share-link" dir="ltr" readonly .value=${serviceLink(service)} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
      <label for="share-text">${i18n.t('share.text')}</label>
      <textarea id="share-text" dir="auto" readonly .value=${text}></textarea>
      <div class="actions">
        <a class="button secondary" href="https://wa.me/?text=${body}" target="_blank" rel="noopener noreferrer">${i18n.t('share.whatsapp')}</a>
        <a class="button secondary" href="viber://forward?text=${body}">${i18n.t('share.viber')}</a>
        <a class="button secondary" href="sms:?body=${body}">${i18n.t('share.sms')}</a>
        <button type="button" class="button secondary" @click=${() => this.#copy(text)}>${i18n.t('share.copy')}</button>
        ${'share' in navigator
          ? html`<button type="button" class="button secondary" @click=${() => navigator.share({ title: i18n.text(service.name), text }).catch(() => undefined)}>
              ${i18n.t('share.device')}
            </button>`
          : nothing}
      </div>
      <p role="status">${this.copyStatus ? i18n.t(this.copyStatus === 'copied' ? 'share.copied' : 'share.copyFailed') : ''}</p>
    </details>`;
  }
}

customElements.define('ct-share-service', ShareService);

declare global {
  interface HTMLElementTagNameMap {
    'ct-share-service': ShareService;
  }
}
