import { html, LitElement, nothing } from 'lit';
import { getGovernorateShapes, getMeta } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import type { GovernorateCollection } from '../../../../server/contract/directory/governorates/governorate.schemas.js';
import type { Meta } from '../../../../server/contract/site/meta.schemas.js';
import type { Coverage, EscalatedReferrals, ReferralCoverage } from '../../../../server/contract/coverage/coverage.schemas.js';
import { POPULATIONS } from '../../../../server/contract/directory/vocabulary.js';
import { REACH_GROUPS } from '../../../../server/contract/activities/vocabulary.js';
import '../../components/bar-chart/bar-chart.js';
import type { Bar, BarSeries } from '../../components/bar-chart/bar-chart.js';
import '../../components/coverage-figure/coverage-figure.js';
import '../../components/coverage-matrix/coverage-matrix.js';
import type { MatrixRows } from '../../components/coverage-matrix/coverage-matrix.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { can } from '../../permissions.js';
import { ResourceController } from '../../resource-controller.js';
import { navigate, RouteController } from '../../router.js';
import { SessionController } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { governorateTable } from './governorate-table.js';
import './referral-figures/referral-figures.js';
import { coverageUrl, exportUrl, loadCoverage, loadEscalatedReferrals, loadReferralCoverage, parseCoverageState, type CoverageState } from './coverage-data.js';
import { styles } from './coverage-view.styles.js';
import { TableCellLabels } from '../../styles/table-labels.js';

const REACH_COLOURS: Record<(typeof REACH_GROUPS)[number], string> = {
  women: '#b45309',
  men: '#0b5aa6',
  girls: '#be185d',
  boys: '#0f766e',
};
const DECISION_COLOURS = { accepted: '#14532d', declined: '#991b1b', undecided: '#8a94a3' };
const ONE_SERIES: BarSeries[] = [{ label: '', colour: '#0f5c4f' }];

/**
 * The coverage and gaps dashboard: the category × governorate matrix, a map per category, activity
 * reach per governorate and, for those allowed, referral figures per governorate, referral volumes
 * and the partner network. Filters live in the URL; every chart has its table.
 */
export class CoverageView extends LitElement {
  static override styles = [sharedStyles, styles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = {
    reference: { state: true },
    shapes: { state: true },
    meta: { state: true },
    mapModule: { state: true },
  };

  declare reference: Reference | null;
  declare shapes: GovernorateCollection | null;
  declare meta: Meta | null;
  declare mapModule: 'loading' | 'ready' | 'failed';

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #session = new SessionController(this);
  readonly #coverage = new ResourceController<Coverage>(
    this,
    () => (this.#routes.route.name === 'coverage' ? JSON.stringify([this.#state.category, this.#state.population]) : undefined),
    (_key, signal) => loadCoverage(this.#state, signal),
  );
  readonly #referrals = new ResourceController<ReferralCoverage>(
    this,
    () => (this.#mayReadReferrals ? this.#session.user!.id : undefined),
    (_key, signal) => loadReferralCoverage(signal),
  );
  readonly #escalated = new ResourceController<EscalatedReferrals>(
    this,
    () => (this.#mayReadReferrals ? this.#session.user!.id : undefined),
    (_key, signal) => loadEscalatedReferrals(signal),
  );

  constructor() {
    super();
    this.reference = null;
    this.shapes = null;
    this.meta = null;
    this.mapModule = 'loading';
  }

  get #state(): CoverageState {
    return parseCoverageState(this.#routes.route.query);
  }

  get #mayReadReferrals(): boolean {
    return can(this.#session.user, 'coverage:referral-stats');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadReference().then(
      (reference) => (this.reference = reference),
      () => (this.reference = null),
    );
    void this.#loadMap();
  }

  async #loadMap(): Promise<void> {
    try {
      const [, shapes, meta] = await Promise.all([import('../../components/choropleth-map/choropleth-map.js'), getGovernorateShapes(), getMeta()]);
      this.shapes = shapes;
      this.meta = meta;
      this.mapModule = 'ready';
    } catch {
      this.mapModule = 'failed';
    }
  }

  #go(change: Partial<CoverageState>): void {
    navigate(coverageUrl({ ...this.#state, ...change }), { replace: true });
  }

  #category(code: string): string {
    return this.reference ? this.#i18n.text(this.reference.categoryName(code)) : code;
  }

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('coverage.title'));
    const coverage = this.#coverage.value;
    return html`<header>
        <h1>${i18n.t('coverage.title')}</h1>
        <p>${i18n.t('coverage.intro')}</p>
      </header>
      ${this.#renderFilters()}
      ${coverage && this.reference
        ? html`${this.#renderSummary(coverage)} ${this.#renderMatrix(coverage)} ${this.#renderMap(coverage)} ${this.#renderActivities(coverage)}`
        : renderLoadStatus(i18n, this.#coverage.state, () => this.#coverage.retry())}
      ${this.#mayReadReferrals ? [this.#renderReferrals(), this.#renderEscalated()] : nothing}
      ${can(this.#session.user, 'referral:stats') ? html`<ct-referral-figures></ct-referral-figures>` : nothing}`;
  }

  #renderFilters() {
    const i18n = this.#i18n;
    const state = this.#state;
    const reference = this.reference;
    return html`<form class="controls" @submit=${(event: Event) => event.preventDefault()}>
      <div class="field">
        <label for="category">${i18n.t('filters.category')}</label>
        <select id="category" @change=${(event: Event) => this.#go({ category: (event.target as HTMLSelectElement).value, map: '' })}>
          <option value="" ?selected=${state.category === ''}>${i18n.t('coverage.allCategories')}</option>
          ${(reference?.groups ?? []).map(
            (group) => html`<optgroup label=${i18n.text(group.name)}>
              <option value=${group.code} ?selected=${state.category === group.code}>${i18n.text(group.name)}</option>
              ${reference!.categories
                .filter((category) => category.parent === group.code)
                .map((category) => html`<option value=${category.code} ?selected=${state.category === category.code}>${i18n.text(category.name)}</option>`)}
            </optgroup>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="population">${i18n.t('filters.population')}</label>
        <select id="population" @change=${(event: Event) => this.#go({ population: (event.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${state.population === ''}>${i18n.t('coverage.allPopulations')}</option>
          ${POPULATIONS.map((code) => html`<option value=${code} ?selected=${state.population === code}>${i18n.vocab('population', code)}</option>`)}
        </select>
      </div>
      <div class="field">
        <span class="label" id="export-label"><strong>${i18n.t('coverage.export')}</strong></span>
        <div class="actions" role="group" aria-labelledby="export-label" aria-describedby="export-note">
          <a class="button secondary" href=${exportUrl(state, false)} download>${i18n.t('coverage.csv')}</a>
          <a class="button secondary" href=${exportUrl(state, true)} download>${i18n.t('coverage.hxl')}</a>
        </div>
        <p id="export-note" class="muted">${i18n.t('coverage.exportNote')}</p>
      </div>
    </form>`;
  }

  #renderSummary(coverage: Coverage) {
    const i18n = this.#i18n;
    const gaps = coverage.governorates.reduce((sum, g) => sum + g.gaps.length, 0);
    return html`<p class="summary" role="status">
      ${i18n.t('coverage.summary', {
        services: i18n.plural('coverage.services', coverage.national.totals.services),
        organizations: i18n.plural('coverage.organizations', coverage.national.totals.organizations),
        gaps: i18n.plural('coverage.gapCount', gaps),
      })}
    </p>`;
  }

  #renderMatrix(coverage: Coverage) {
    const i18n = this.#i18n;
    const rows = this.#state.rows;
    const choice = (value: MatrixRows, label: string) =>
      html`<label class="choice"
        ><input type="radio" name="rows" value=${value} .checked=${rows === value} @change=${() => this.#go({ rows: value })} />${label}</label
      >`;
    return html`<section aria-labelledby="matrix-title">
      <h2 id="matrix-title">${i18n.t('coverage.matrix.title')}</h2>
      <fieldset class="controls">
        <legend>${i18n.t('coverage.matrix.layout')}</legend>
        ${choice('governorates', i18n.t('coverage.matrix.rowsGovernorates'))} ${choice('categories', i18n.t('coverage.matrix.rowsCategories'))}
      </fieldset>
      <ct-coverage-matrix .coverage=${coverage} .reference=${this.reference} rows=${rows}></ct-coverage-matrix>
    </section>`;
  }

  #renderMap(coverage: Coverage) {
    const i18n = this.#i18n;
    const requested = this.#state.map;
    const category = coverage.categories.includes(requested) ? requested : coverage.categories[0];
    if (!category) return nothing;
    const counts = Object.fromEntries(coverage.governorates.map((g) => [g.code, g.categories[category]!.services]));
    const name = this.#category(category);
    return html`<section aria-labelledby="map-title">
      <h2 id="map-title">${i18n.t('coverage.map.title')}</h2>
      <div class="controls">
        <div class="field">
          <label for="map-category">${i18n.t('coverage.map.category')}</label>
          <select id="map-category" @change=${(event: Event) => this.#go({ map: (event.target as HTMLSelectElement).value })}>
            ${coverage.categories.map((code) => html`<option value=${code} ?selected=${code === category}>${this.#category(code)}</option>`)}
          </select>
        </div>
      </div>
      <ct-coverage-figure caption=${i18n.t('coverage.map.table', { category: name })}>
        <div slot="chart">
          ${this.mapModule === 'ready'
            ? html`<ct-choropleth-map
                .shapes=${this.shapes}
                .counts=${counts}
                .tileUrl=${this.meta?.tileUrl ?? null}
                .tileAttribution=${this.meta?.tileAttribution ?? ''}
              ></ct-choropleth-map>`
            : html`<p class="muted" role="status">${i18n.t(this.mapModule === 'failed' ? 'map.failed' : 'map.loading')}</p>`}
        </div>
        ${governorateTable(
          i18n,
          [i18n.t('coverage.map.legend'), i18n.t('coverage.map.organizations')],
          coverage.governorates.map((g) => {
            const cell = g.categories[category]!;
            return {
              header: html`<a href="/governorates/${encodeURIComponent(g.code)}">${i18n.text(g.name)}</a>`,
              cells: cell.gap
                ? [i18n.t('coverage.map.gap'), '']
                : [i18n.plural('coverage.services', cell.services), i18n.plural('coverage.organizations', cell.organizations)],
            };
          }),
        )}
      </ct-coverage-figure>
    </section>`;
  }

  #renderActivities(coverage: Coverage) {
    const i18n = this.#i18n;
    const series = REACH_GROUPS.map((group) => ({ label: i18n.vocab('population', group), colour: REACH_COLOURS[group] }));
    const byReach = [...coverage.governorates].sort((a, b) => b.activities.reached.total - a.activities.reached.total);
    const bars: Bar[] = byReach.map((g) => ({
      label: i18n.text(g.name),
      values: REACH_GROUPS.map((group) => g.activities.reached[group]),
      display: i18n.number(g.activities.reached.total),
    }));
    return html`<section aria-labelledby="activities-title">
      <h2 id="activities-title">${i18n.t('coverage.activities.title')}</h2>
      <p>${i18n.t('coverage.activities.period', { from: i18n.date(coverage.period.from), to: i18n.date(coverage.period.to) })}</p>
      <ct-coverage-figure caption=${i18n.t('coverage.activities.caption')}>
        <ct-bar-chart slot="chart" .series=${series} .bars=${bars}></ct-bar-chart>
        ${governorateTable(
          i18n,
          [i18n.t('coverage.activities.count'), ...series.map((s) => s.label), i18n.t('coverage.activities.reached')],
          byReach.map((g) => ({
            header: i18n.text(g.name),
            cells: [g.activities.count, ...REACH_GROUPS.map((group) => g.activities.reached[group]), g.activities.reached.total].map((n) => i18n.number(n)),
          })),
        )}
      </ct-coverage-figure>
    </section>`;
  }

  #renderReferrals() {
    const i18n = this.#i18n;
    const data = this.#referrals.value;
    const body = data ? this.#renderReferralFigures(data) : renderLoadStatus(i18n, this.#referrals.state, () => this.#referrals.retry());
    return html`<section aria-labelledby="referrals-title">
      <h2 id="referrals-title">${i18n.t('coverage.referrals.title')}</h2>
      ${body}
    </section>`;
  }

  /** Urgent referrals still unacknowledged a second commitment period after falling overdue: counts only. */
  #renderEscalated() {
    const i18n = this.#i18n;
    const data = this.#escalated.value;
    const body = data
      ? html`<p>${i18n.t('coverage.escalated.intro')} ${i18n.t('coverage.smallCountRule')}</p>
          ${governorateTable(
            i18n,
            [i18n.t('coverage.escalated.count')],
            data.governorates.map((g) => ({
              header: i18n.text(g.name),
              cells: [g.count === null ? i18n.t('coverage.fewerThanFive') : i18n.number(g.count)],
            })),
          )}`
      : renderLoadStatus(i18n, this.#escalated.state, () => this.#escalated.retry());
    return html`<section aria-labelledby="escalated-title">
      <h2 id="escalated-title">${i18n.t('coverage.escalated.title')}</h2>
      ${body}
    </section>`;
  }

  #renderReferralFigures(data: ReferralCoverage) {
    const i18n = this.#i18n;
    const none = i18n.t('coverage.noFigure');
    const rate = (value: number | null) => (value === null ? none : i18n.number(value, { style: 'percent' }));
    const hours = (value: number | null) =>
      value === null ? none : i18n.number(value, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 });
    // A withheld count (null: the small-count rule) reads "fewer than 5" and draws no bar.
    const count = (value: number | null) => (value === null ? i18n.t('coverage.fewerThanFive') : i18n.number(value));
    const governorates = [...data.governorates].sort((a, b) => (b.sent ?? 0) - (a.sent ?? 0));
    const decisions: BarSeries[] = [
      { label: i18n.t('coverage.referrals.accepted'), colour: DECISION_COLOURS.accepted },
      { label: i18n.t('coverage.referrals.declined'), colour: DECISION_COLOURS.declined },
      { label: i18n.t('coverage.referrals.undecided'), colour: DECISION_COLOURS.undecided },
    ];
    const volumes: Bar[] = governorates.map((g) => ({
      label: i18n.text(g.name),
      values: g.sent === null || g.accepted === null || g.declined === null ? [0, 0, 0] : [g.accepted, g.declined, g.sent - g.accepted - g.declined],
      display: count(g.sent),
    }));
    const decided = governorates.filter((g) => g.acceptanceRate !== null);
    const rates: Bar[] = decided.map((g) => ({ label: i18n.text(g.name), values: [g.acceptanceRate!], display: rate(g.acceptanceRate) }));
    const acknowledged = governorates.filter((g) => g.medianHoursToAcknowledge !== null);
    const medians: Bar[] = acknowledged.map((g) => ({
      label: i18n.text(g.name),
      values: [g.medianHoursToAcknowledge!],
      display: hours(g.medianHoursToAcknowledge),
    }));
    const columns = ['sent', 'acknowledged', 'accepted', 'declined'] as const;
    // The months counted (the end is exclusive), not the days asked: see the small-count rule.
    const lastDay = new Date(new Date(data.aggregatedPeriod.to).getTime() - 86_400_000);
    return html`<p>
        ${i18n.t('coverage.referrals.period', { from: i18n.date(data.aggregatedPeriod.from), to: i18n.date(lastDay) })}
        ${i18n.t('coverage.smallCountRule')}
      </p>
      <p class="summary">
        ${i18n.t('coverage.referrals.summary', {
          sent: data.national.sent === null ? i18n.t('coverage.sentFewerThanFive') : i18n.plural('coverage.referrals.sentCount', data.national.sent),
          rate: rate(data.national.acceptanceRate),
          median: hours(data.national.medianHoursToAcknowledge),
        })}
      </p>
      <ct-coverage-figure caption=${i18n.t('coverage.referrals.caption')}>
        <div slot="chart" class="charts">
          <div>
            <h3>${i18n.t('coverage.referrals.sent')}</h3>
            <ct-bar-chart .series=${decisions} .bars=${volumes}></ct-bar-chart>
          </div>
          <div>
            <h3>${i18n.t('coverage.referrals.rate')}</h3>
            <ct-bar-chart .series=${ONE_SERIES} .bars=${rates} .max=${1}></ct-bar-chart>
          </div>
          <div>
            <h3>${i18n.t('coverage.referrals.median')}</h3>
            <ct-bar-chart .series=${ONE_SERIES} .bars=${medians}></ct-bar-chart>
          </div>
        </div>
        ${governorateTable(
          i18n,
          [...columns.map((column) => i18n.t(`coverage.referrals.${column}`)), i18n.t('coverage.referrals.rate'), i18n.t('coverage.referrals.median')],
          governorates.map((g) => ({
            header: i18n.text(g.name),
            cells: [...columns.map((column) => count(g[column])), rate(g.acceptanceRate), hours(g.medianHoursToAcknowledge)],
          })),
        )}
      </ct-coverage-figure>`;
  }
}

customElements.define('ct-coverage-view', CoverageView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-coverage-view': CoverageView;
  }
}
