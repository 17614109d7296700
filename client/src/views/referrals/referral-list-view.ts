import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { REFERRAL_KINDS, REFERRAL_STATUSES, URGENCIES } from '../../../../server/contract/referrals/vocabulary.js';
import { loadReference, type Reference } from '../../api/reference.js';
import { getReferralCounts, listReferrals, type ReferralCounts, type ReferralPage, type ReferralSummary } from '../../api/referrals.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { can } from '../../permissions.js';
import { navigate, RouteController } from '../../router.js';
import { ResourceController } from '../../resource-controller.js';
import { SessionController } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { referralLabel, renderKind, renderOverdue, renderStatus, renderUrgency, withheldMark } from './referral-labels.js';
import { referralStyles } from './referral.styles.js';
import { styles } from './referral-list-view.styles.js';
import { TableCellLabels } from '../../styles/table-labels.js';

type Box = 'in' | 'out';
const PAGE_SIZE = 25;

/** The filters of the list, read from and written to the URL so a filtered list can be shared and reloaded. */
const FILTERS = ['status', 'urgency', 'kind', 'governorate', 'overdue'] as const;

/** Inbox and outbox of the user's organisation, filtered by the URL, with counts for each. */
export class ReferralListView extends LitElement {
  static override styles = [sharedStyles, referralStyles, styles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = { reference: { state: true }, counts: { state: true } };

  declare reference: Reference | null;
  declare counts: ReferralCounts | null;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #session = new SessionController(this);
  readonly #list = new ResourceController<ReferralPage>(
    this,
    () => (this.#routes.route.name === 'referrals' ? `${this.#box()}?${this.#routes.route.query.toString()}` : undefined),
    (_key, signal) => {
      const q = this.#routes.route.query;
      return listReferrals(
        {
          box: this.#box() === 'in' ? 'inbox' : 'outbox',
          status: q.get('status'),
          urgency: q.get('urgency'),
          kind: q.get('kind'),
          governorate: q.get('governorate'),
          overdue: q.get('overdue') === 'true',
          page: q.get('page'),
          pageSize: PAGE_SIZE,
        },
        signal,
      );
    },
  );

  constructor() {
    super();
    this.reference = null;
    this.counts = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadReference().then(
      (reference) => (this.reference = reference),
      () => (this.reference = null),
    );
    getReferralCounts().then(
      (counts) => (this.counts = counts),
      () => (this.counts = null),
    );
  }

  #box(): Box {
    const asked = this.#routes.route.query.get('box');
    if (asked === 'out' || asked === 'in') return asked;
    return can(this.#session.user, 'referral:receive') ? 'in' : 'out';
  }

  /** This list's URL with some query values changed (a change of filters goes back to page 1). */
  #href(changes: Record<string, string | null>): string {
    const query = new URLSearchParams(this.#routes.route.query);
    if (!('page' in changes)) query.delete('page');
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') query.delete(key);
      else query.set(key, value);
    }
    const search = query.toString();
    return search ? `/referrals?${search}` : '/referrals';
  }

  #filter(name: (typeof FILTERS)[number], value: string): void {
    navigate(this.#href({ [name]: value || null }));
  }

  #renderTabs(): TemplateResult {
    const i18n = this.#i18n;
    const box = this.#box();
    const counts = this.counts;
    const tab = (value: Box, label: string, waiting: number | undefined) =>
      html`<a class="tab" href=${`/referrals?box=${value}`} aria-current=${box === value ? 'page' : nothing}>
        ${label}${waiting ? html` <span class="count">${i18n.number(waiting)}</span>` : nothing}
      </a>`;
    return html`<nav class="tabs" aria-label=${i18n.t('referrals.list.boxes')}>
      ${tab('in', i18n.t('referrals.list.inbox'), counts?.inbox.awaitingAcknowledgement)}
      ${tab('out', i18n.t('referrals.list.outbox'), counts?.outbox.drafts)}
    </nav>`;
  }

  /** What waits in this box, each count a link to the list it counts. */
  #renderCounts(): TemplateResult | typeof nothing {
    const i18n = this.#i18n;
    const counts = this.counts;
    if (!counts) return nothing;
    const box = this.#box() === 'in' ? counts.inbox : counts.outbox;
    const items: [string, Record<string, string>][] = [
      [i18n.plural('referrals.count.waiting', box.awaitingAcknowledgement), { status: 'sent' }],
      [i18n.plural('referrals.count.overdue', box.overdue), { overdue: 'true' }],
      [i18n.plural('referrals.count.inProgress', box.inProgress), { status: 'acknowledged,accepted' }],
    ];
    if (this.#box() === 'out') items.unshift([i18n.plural('referrals.count.drafts', counts.outbox.drafts), { status: 'draft' }]);
    return html`<ul class="counts" aria-label=${i18n.t('referrals.list.countsLabel')}>
      ${items.map(
        ([text, filter]) => html`<li><a href=${this.#href({ status: null, overdue: null, urgency: null, kind: null, governorate: null, ...filter })}>${text}</a></li>`,
      )}
    </ul>`;
  }

  #renderFilters(): TemplateResult {
    const i18n = this.#i18n;
    const q = this.#routes.route.query;
    const select = (name: 'status' | 'urgency' | 'kind' | 'governorate', label: string, known: readonly (readonly [string, string])[]) => {
      // A count link may ask for several statuses at once: show that choice as it is.
      const asked = q.get(name);
      const options =
        asked && !known.some(([value]) => value === asked)
          ? [...known, [asked, i18n.list(asked.split(',').map((code) => referralLabel(i18n, name === 'status' ? 'status' : 'urgency', code)))] as const]
          : known;
      return html`<div class="filter">
        <label for="filter-${name}">${label}</label>
        <select id="filter-${name}" @change=${(e: Event) => this.#filter(name, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!q.get(name)}>${i18n.t('referrals.list.any')}</option>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${asked === value}>${text}</option>`)}
        </select>
      </div>`;
    };
    const statuses = REFERRAL_STATUSES.filter((s) => this.#box() === 'out' || s !== 'draft');
    return html`<form class="filters" aria-label=${i18n.t('filters.title')} @submit=${(e: Event) => e.preventDefault()}>
      ${select('status', i18n.t('referrals.field.status'), statuses.map((s) => [s, referralLabel(i18n, 'status', s)] as const))}
      ${select('urgency', i18n.t('referrals.field.urgency'), URGENCIES.map((u) => [u, referralLabel(i18n, 'urgency', u)] as const))}
      ${select('kind', i18n.t('referrals.field.kind'), REFERRAL_KINDS.map((k) => [k, referralLabel(i18n, 'kind', k)] as const))}
      ${select('governorate', i18n.t('referrals.field.governorate'), (this.reference?.governorates ?? []).map((g) => [g.code, i18n.text(g.name)] as const))}
      <label class="choice filter-check">
        <input
          type="checkbox"
          .checked=${q.get('overdue') === 'true'}
          @change=${(e: Event) => this.#filter('overdue', (e.target as HTMLInputElement).checked ? 'true' : '')}
        />${i18n.t('referrals.list.overdueOnly')}
      </label>
      ${FILTERS.some((f) => q.get(f)) ? html`<a class="clear" href=${`/referrals?box=${this.#box()}`}>${i18n.t('filters.clear')}</a>` : nothing}
    </form>`;
  }

  #renderRow(r: ReferralSummary): TemplateResult {
    const i18n = this.#i18n;
    const other = this.#box() === 'in' ? r.from : r.to;
    const href = r.status === 'draft' ? `/referrals/new?draft=${encodeURIComponent(r.id)}` : `/referrals/${encodeURIComponent(r.id)}`;
    return html`<tr class=${r.overdue ? 'overdue-row' : ''}>
      <th scope="row"><a href=${href}><bdi dir="ltr">${r.caseCode}</bdi></a></th>
      <td>${renderStatus(i18n, r.status)} ${renderKind(i18n, r.kind)} ${r.overdue ? renderOverdue(i18n) : nothing}</td>
      <td>${r.urgency ? renderUrgency(i18n, r.urgency) : withheldMark(i18n)}</td>
      <td>${i18n.text(other.name)}</td>
      <td>${r.needs ? i18n.list(r.needs.map((n) => i18n.text(this.reference?.categoryName(n)))) : withheldMark(i18n)}</td>
      <td>${i18n.text(this.reference?.governorateName(r.governorate))}</td>
      <td>${r.sentAt ? i18n.date(r.sentAt) : i18n.t('referrals.list.notSent')}</td>
    </tr>`;
  }

  #renderPagination(page: ReferralPage): TemplateResult | typeof nothing {
    const pages = Math.ceil(page.total / page.pageSize);
    if (pages <= 1) return nothing;
    const i18n = this.#i18n;
    return html`<nav class="pagination" aria-label=${i18n.t('directory.pagination')}>
      ${page.page > 1 ? html`<a class="button secondary" href=${this.#href({ page: String(page.page - 1) })}>${i18n.t('directory.previous')}</a>` : nothing}
      <span>${i18n.t('directory.page', { page: page.page, pages })}</span>
      ${page.page < pages ? html`<a class="button secondary" href=${this.#href({ page: String(page.page + 1) })}>${i18n.t('directory.next')}</a>` : nothing}
    </nav>`;
  }

  #renderList(page: ReferralPage): TemplateResult {
    const i18n = this.#i18n;
    const inbox = this.#box() === 'in';
    if (!page.items.length) return html`<p class="muted" role="status">${i18n.t('referrals.list.empty')}</p>`;
    return html`<p role="status">${i18n.plural('referrals.list.total', page.total)}</p>
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="list-caption">
        <table>
          <caption id="list-caption">${inbox ? i18n.t('referrals.list.inbox') : i18n.t('referrals.list.outbox')}</caption>
          <thead>
            <tr>
              <th scope="col">${i18n.t('referrals.field.caseCode')}</th>
              <th scope="col">${i18n.t('referrals.field.status')}</th>
              <th scope="col">${i18n.t('referrals.field.urgency')}</th>
              <th scope="col">${inbox ? i18n.t('referrals.field.from') : i18n.t('referrals.field.to')}</th>
              <th scope="col">${i18n.t('referrals.field.needs')}</th>
              <th scope="col">${i18n.t('referrals.field.governorate')}</th>
              <th scope="col">${i18n.t('referrals.field.sentAt')}</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map((r) => this.#renderRow(r))}
          </tbody>
        </table>
      </div>
      ${this.#renderPagination(page)}`;
  }

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('nav.referrals'));
    const page = this.#list.value;
    return html`<div class="title-row">
        <h1>${i18n.t('nav.referrals')}</h1>
        ${can(this.#session.user, 'referral:send') ? html`<a class="button" href="/referrals/new">${i18n.t('referrals.list.new')}</a>` : nothing}
      </div>
      ${this.#renderTabs()} ${this.#renderCounts()} ${this.#renderFilters()}
      ${page ? this.#renderList(page) : renderLoadStatus(i18n, this.#list.state, () => this.#list.retry())}`;
  }
}

customElements.define('ct-referral-list-view', ReferralListView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-referral-list-view': ReferralListView;
  }
}
