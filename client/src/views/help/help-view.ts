import { html, LitElement, nothing } from 'lit';
import { getHotlines, searchAllServices } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import type { HotlineView as Hotline } from '../../../../server/contract/directory/hotlines/hotline.schemas.js';
import type { ServiceDetail, ServiceSummary } from '../../../../server/contract/directory/services/service.schemas.js';
import { renderPhones, telUri } from '../../components/contact-details/contact-details.js';
import { contactDetailsStyles } from '../../components/contact-details/contact-details.styles.js';
import { contentText } from '../../components/content-text/content-text.js';
import { contentTextStyles } from '../../components/content-text/content-text.styles.js';
import '../../components/quick-exit/quick-exit.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { ResourceController } from '../../resource-controller.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { loadDetails } from '../governorate/governorate-data.js';
import { styles } from './help-view.styles.js';

const HOTLINE_CATEGORY = 'hotlines';
/**
 * Iraq's unified emergency line (police, ambulance, civil defence), called until the hotlines have
 * loaded or when they cannot be: someone in danger is never left without a number to tap.
 */
const EMERGENCY_NUMBER = '911';
const HOTLINE_LIMIT = 300;

interface ServiceHotlines {
  services: ServiceSummary[];
  reference: Reference;
}

/** For the public: how to recognise and report trafficking, and the hotlines in each governorate. */
export class HelpView extends LitElement {
  static override styles = [sharedStyles, contentTextStyles, contactDetailsStyles, styles];
  static override properties = { details: { state: true } };

  declare details: ReadonlyMap<string, ServiceDetail>;

  readonly #i18n = new I18nController(this);
  readonly #national = new ResourceController<{ hotlines: Hotline[]; reference: Reference }>(this, () => 'hotlines', async (_key, signal) => {
    const [hotlines, reference] = await Promise.all([getHotlines(signal), loadReference()]);
    return { hotlines, reference };
  });
  readonly #hotlines = new ResourceController<ServiceHotlines>(
    this,
    () => HOTLINE_CATEGORY,
    async (category, signal) => {
      const [page, reference] = await Promise.all([searchAllServices({ category, sort: 'name' }, HOTLINE_LIMIT, signal), loadReference()]);
      void loadDetails(page.items, signal, (details) => (this.details = new Map(details))).catch(() => undefined);
      return { services: page.items, reference };
    },
  );

  constructor() {
    super();
    this.details = new Map();
  }

  /** The emergency number the API lists first, or the built-in one while it cannot be read. */
  #emergencyNumber(): string {
    return this.#national.value?.hotlines.find((h) => h.emergency)?.number ?? EMERGENCY_NUMBER;
  }

  /** Every public hotline, open (not folded away), each with where it answers, its source and its last check. */
  #renderNational() {
    const i18n = this.#i18n;
    const state = this.#national.state;
    if (state.state !== 'ready') return renderLoadStatus(i18n, state, () => this.#national.retry());
    const { hotlines, reference } = state.value;
    return html`<ul class="national">
      ${hotlines.map(
        (hotline) => html`<li>
          <div class="national-head">
            <a class="national-number" href=${telUri(hotline.number)}><bdi dir="ltr">${hotline.number}</bdi></a>
            <strong>${contentText(i18n, hotline.name)}</strong>
            ${hotline.verified ? nothing : html`<span class="badge warning">${i18n.t('help.sample')}</span>`}
          </div>
          <p>${contentText(i18n, hotline.purpose)}</p>
          <p class="muted">
            ${hotline.governorates.length
              ? i18n.list(hotline.governorates.map((code) => i18n.text(reference.governorateName(code))))
              : i18n.t('help.allIraq')}
          </p>
          <p class="muted small">
            ${i18n.t('help.source')} <a href=${hotline.source.url} rel="noopener noreferrer" dir="auto">${hotline.source.text}</a>
            · ${hotline.lastCheckedAt ? i18n.t('help.lastChecked', { date: i18n.date(hotline.lastCheckedAt) }) : i18n.t('help.notChecked')}
          </p>
        </li>`,
      )}
    </ul>`;
  }

  #renderHotlines() {
    const i18n = this.#i18n;
    const state = this.#hotlines.state;
    if (state.state !== 'ready') return renderLoadStatus(i18n, state, () => this.#hotlines.retry());
    const { services, reference } = state.value;
    if (!services.length) return html`<p>${i18n.t('help.hotlinesNone')}</p>`;
    const governorates = [...reference.governorates].sort((a, b) => i18n.text(a.name).localeCompare(i18n.text(b.name), i18n.lang));
    return html`${governorates.map((governorate) => {
      const here = services.filter((s) => s.governorates.includes(governorate.code));
      // Open from the start: someone in a hurry should see the numbers, not a list of closed boxes.
      return html`<details open>
        <summary>
          <span>${contentText(i18n, governorate.name)}</span>
          <span class="badge">${i18n.number(here.length)}</span>
        </summary>
        ${here.length
          ? html`<ul class="hotlines">
              ${here.map((service) => {
                const detail = this.details.get(service.id);
                return html`<li>
                  <a href="/services/${encodeURIComponent(service.id)}"><strong>${contentText(i18n, service.name)}</strong></a>
                  <span class="muted">${contentText(i18n, service.organization.name)}</span>
                  ${detail ? renderPhones(i18n, detail.phones) : nothing}
                </li>`;
              })}
            </ul>`
          : html`<p class="muted">${i18n.t('help.noHotlines')}</p>`}
      </details>`;
    })}`;
  }

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('help.title'));
    return html`<ct-quick-exit></ct-quick-exit>
      <h1>${i18n.t('help.title')}</h1>
      <div class="danger" role="note">
        <p>${i18n.t('help.danger')}</p>
        <a class="emergency-call" href=${telUri(this.#emergencyNumber())}>${i18n.t('help.callEmergency', { number: this.#emergencyNumber() })}</a>
      </div>
      <section>
        <h2>${i18n.t('help.nationalTitle')}</h2>
        ${this.#renderNational()}
      </section>
      <div class="columns">
        <section>
          <h2>${i18n.t('help.signsTitle')}</h2>
          <ul>
            <li>${i18n.t('help.sign1')}</li>
            <li>${i18n.t('help.sign2')}</li>
            <li>${i18n.t('help.sign3')}</li>
            <li>${i18n.t('help.sign4')}</li>
          </ul>
        </section>
        <section>
          <h2>${i18n.t('help.stepsTitle')}</h2>
          <ol>
            <li>${i18n.t('help.step1')}</li>
            <li>${i18n.t('help.step2')}</li>
            <li>${i18n.t('help.step3')}</li>
            <li>${i18n.t('help.step4')}</li>
          </ol>
        </section>
      </div>
      <section>
        <h2>${i18n.t('help.hotlinesTitle')}</h2>
        ${this.#renderHotlines()}
      </section>`;
  }
}

customElements.define('ct-help-view', HelpView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-help-view': HelpView;
  }
}
