import { html, LitElement, nothing } from 'lit';
import { searchAllServices } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import type { ServiceDetail, ServiceSummary } from '../../api/types.js';
import { renderPhones } from '../../components/contact-details/contact-details.js';
import { contactDetailsStyles } from '../../components/contact-details/contact-details.styles.js';
import { contentText } from '../../components/content-text/content-text.js';
import { contentTextStyles } from '../../components/content-text/content-text.styles.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { ResourceController } from '../../resource-controller.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { loadDetails } from '../governorate/governorate-data.js';
import { styles } from './help-view.styles.js';

const HOTLINE_CATEGORY = 'hotlines';
/** Iraq's unified emergency line (police, ambulance, civil defence). */
const EMERGENCY_NUMBER = '911';
const HOTLINE_LIMIT = 300;

interface Hotlines {
  services: ServiceSummary[];
  reference: Reference;
}

/** For the public: how to recognise and report trafficking, and the hotlines in each governorate. */
export class HelpView extends LitElement {
  static override styles = [sharedStyles, contentTextStyles, contactDetailsStyles, styles];
  static override properties = { details: { state: true } };

  declare details: ReadonlyMap<string, ServiceDetail>;

  readonly #i18n = new I18nController(this);
  readonly #hotlines = new ResourceController<Hotlines>(
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
    return html`<h1>${i18n.t('help.title')}</h1>
      <div class="danger" role="note">
        <p>${i18n.t('help.danger')}</p>
        <a class="emergency-call" href="tel:${EMERGENCY_NUMBER}">${i18n.t('help.callEmergency', { number: EMERGENCY_NUMBER })}</a>
      </div>
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
