import { html, LitElement, nothing } from 'lit';
import { getLegalFrames } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import type { ContactBrief as Contact, ServiceDetail, ServiceSummary } from '../../../../server/contract/directory/services/service.schemas.js';
import type { PhoneView as Phone } from '../../../../server/contract/directory/records/view-schemas.js';
import { framesIn, type LegalFrameView } from '../../../../server/contract/directory/legal-frames/legal-frame.schemas.js';
import { capacityLineIn } from '../../components/capacity-figure/capacity-figure.js';
import { renderLegalFrames } from '../../components/legal-frame/legal-frame.js';
import { telUri } from '../../components/contact-details/contact-details.js';
import '../../components/qr-code/qr-code.js';
import { formatDate, I18nController, loadCatalogue, pickText, translate, translatePlural } from '../../i18n/i18n.js';
import type { Lang, Translated } from '../../i18n/types.js';
import { setPageTitle } from '../../page-title.js';
import { ResourceController } from '../../resource-controller.js';
import { RouteController } from '../../router.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { groupByCategory, loadDetails, loadGovernorateServices, referralContacts } from '../governorate/governorate-data.js';
import { styles } from './governorate-print-view.styles.js';
import { phoneForReading } from '../../../../server/contract/directory/phone-input.js';

/**
 * One service per category fits the pathway on one A4 page: the one taking referrals and most
 * recently verified; how many more the directory holds is said next to the category.
 */
const PER_CATEGORY = 1;
interface PrintData {
  name: Translated;
  kurdistanRegion: boolean;
  /** The law in force here, with whom it makes competent. */
  frames: LegalFrameView[];
  groups: Array<{ category: Translated; services: ServiceSummary[]; more: number }>;
  details: ReadonlyMap<string, ServiceDetail>;
}

/** The language printed beside English: the reader's, or for an English reader the governorate's (Sorani in the Kurdistan Region). */
function besideEnglish(lang: Lang, kurdistanRegion: boolean): Lang {
  return lang !== 'en' ? lang : kurdistanRegion ? 'ckb' : 'ar';
}

function rank(a: ServiceSummary, b: ServiceSummary): number {
  return Number(b.acceptsReferrals) - Number(a.acceptsReferrals) || (b.lastVerifiedAt ?? '').localeCompare(a.lastVerifiedAt ?? '');
}

/**
 * A governorate's referral pathway on one A4 page, English beside the reader's language (for an
 * English reader, Sorani in the Kurdistan Region and Arabic elsewhere): for each kind of service,
 * who provides it and whom to call. Shelter addresses are never printed.
 */
export class GovernoratePrintView extends LitElement {
  static override styles = [sharedStyles, styles];

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #data = new ResourceController<PrintData>(
    this,
    () => (this.#routes.route.name === 'governorate-print' ? this.#routes.route.params.code : undefined),
    async (code, signal) => {
      const [{ governorate, services }, reference, frames] = await Promise.all([
        loadGovernorateServices(code, signal),
        loadReference(),
        getLegalFrames(signal),
      ]);
      const groups = this.#groups(services, reference);
      const details = await loadDetails(
        groups.flatMap((g) => g.services),
        signal,
        () => undefined,
      );
      return { name: governorate.name, kurdistanRegion: governorate.kurdistanRegion, frames: framesIn(frames, [governorate.code]), groups, details };
    },
  );

  /** Only the interface's catalogue is loaded up front; the language printed beside English needs its own. */
  readonly #besideCatalogue = new ResourceController<boolean>(
    this,
    () => (this.#data.value ? besideEnglish(this.#i18n.lang, this.#data.value.kurdistanRegion) : undefined),
    (lang) => loadCatalogue(lang as Lang),
  );

  #groups(services: ServiceSummary[], reference: Reference): PrintData['groups'] {
    return groupByCategory(services, reference, 'hotlines').map(({ category, services: inCategory }) => {
      const ranked = [...inCategory].sort(rank);
      return { category: category.name, services: ranked.slice(0, PER_CATEGORY), more: Math.max(0, ranked.length - PER_CATEGORY) };
    });
  }

  override updated(): void {
    this.toggleAttribute('data-ready', this.#data.state.state === 'ready' && this.#besideCatalogue.state.state === 'ready');
    // Print type size follows the number of categories (see the styles), the legal frame counting as
    // two more rows; CSSOM, as CSP forbids style attributes.
    const data = this.#data.value;
    if (data) this.style.setProperty('--groups', String(data.groups.length + (data.frames.length ? 2 : 0)));
  }

  #cell(lang: Lang, service: ServiceSummary, contacts: Contact[]) {
    const text = (value: Translated | undefined) => {
      const picked = pickText(value, lang);
      return picked ? html`<span lang=${picked.lang}>${picked.text}</span>` : nothing;
    };
    return html`<td lang=${lang} dir=${lang === 'en' ? 'ltr' : 'rtl'}>
      <strong>${text(service.name)}</strong>
      ${contacts.slice(0, 1).map((c) => html` · <span class="person">${c.name}${c.title ? html`, ${text(c.title)}` : nothing}</span>`)}
      ${(service.capacity ?? []).map((c) => html`<br /><span class="capacity-figure ${c.stale ? 'stale' : 'current'}">${capacityLineIn(lang, c)}</span>`)}
    </td>`;
  }

  #phones(phones: Phone[]) {
    return html`<td class="phones" dir="ltr">
      ${phones.slice(0, 2).map((p) => html`<a href=${telUri(p.number)}>${phoneForReading(p.number)}</a><br />`)}
    </td>`;
  }

  override render() {
    const i18n = this.#i18n;
    // Rendered once the second language's messages are in (loadCatalogue settles either way).
    const data = this.#besideCatalogue.value === undefined ? undefined : this.#data.value;
    const code = this.#routes.route.params.code ?? '';
    const toolbar = html`<p class="toolbar">
      <a href="/governorates/${encodeURIComponent(code)}">${i18n.t('print.back')}</a>
      <button type="button" class="button" ?disabled=${!data} @click=${() => window.print()}>${i18n.t('print.button')}</button>
    </p>`;
    if (!data) {
      return html`${toolbar}<p class="muted" role="status">
          ${this.#data.state.state === 'failed' ? i18n.t('error.generic') : i18n.t('app.loading')}
        </p>`;
    }
    const left: Lang = 'en';
    const right = besideEnglish(i18n.lang, data.kurdistanRegion);
    const title = (lang: Lang) => `${translate(lang, 'print.title')} — ${pickText(data.name, lang)?.text ?? ''}`;
    setPageTitle(i18n, title(i18n.lang));
    const today = new Date();
    // The governorate's live page, in the language this pathway was printed in.
    const pageLink = `${location.origin}/governorates/${encodeURIComponent(code)}?lang=${i18n.lang}`;
    return html`${toolbar}
      <article class="sheet">
        <header>
          <div lang=${left} dir="ltr">
            <h1>${title(left)}</h1>
            <p>${translate(left, 'print.printed', { date: formatDate(left, today) })}</p>
          </div>
          <div lang=${right} dir="rtl">
            <h1>${title(right)}</h1>
            <p>${translate(right, 'print.printed', { date: formatDate(right, today) })}</p>
          </div>
        </header>
        ${data.frames.length
          ? html`<div class="frames">${renderLegalFrames(left, data.frames)} ${renderLegalFrames(right, data.frames)}</div>`
          : nothing}
        <table>
          <colgroup>
            <col class="text" />
            <col class="numbers" />
            <col class="text" />
          </colgroup>
          <thead>
            <tr>
              <th lang=${left} dir="ltr" scope="col">${translate(left, 'service.provider')}</th>
              <th scope="col">${translate(left, 'service.phone')} / <span lang=${right}>${translate(right, 'service.phone')}</span></th>
              <th lang=${right} dir="rtl" scope="col">${translate(right, 'service.provider')}</th>
            </tr>
          </thead>
          ${data.groups.map(
            (group) => html`<tbody>
              <tr class="category">
                <th colspan="3" scope="rowgroup">
                  <span lang=${left} dir="ltr">
                    ${pickText(group.category, left)?.text}
                    ${group.more ? html`<span class="more">${translatePlural(left, 'print.more', group.more)}</span>` : nothing}
                  </span>
                  <span lang=${right} dir="rtl">
                    ${pickText(group.category, right)?.text}
                    ${group.more ? html`<span class="more">${translatePlural(right, 'print.more', group.more)}</span>` : nothing}
                  </span>
                </th>
              </tr>
              ${group.services.map((service) => {
                const { contacts, phones } = referralContacts(data.details.get(service.id));
                const numbers = [...contacts.flatMap((c) => c.phones), ...phones];
                return html`<tr>
                  ${this.#cell(left, service, contacts)} ${this.#phones(numbers)} ${this.#cell(right, service, contacts)}
                </tr>`;
              })}
            </tbody>`,
          )}
        </table>
        <footer>
          <div lang=${left} dir="ltr">
            <p>${translate(left, 'print.footer')}</p>
            <p>${translate(left, 'print.scan')}</p>
          </div>
          <ct-qr-code .value=${pageLink} .label=${pageLink}></ct-qr-code>
          <div lang=${right} dir="rtl">
            <p>${translate(right, 'print.footer')}</p>
            <p>${translate(right, 'print.scan')}</p>
          </div>
        </footer>
      </article>`;
  }
}

customElements.define('ct-governorate-print-view', GovernoratePrintView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-governorate-print-view': GovernoratePrintView;
  }
}
