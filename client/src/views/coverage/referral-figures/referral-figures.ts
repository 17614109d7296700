import { html, LitElement, nothing } from 'lit';
import type { z } from 'zod';
import type { NetworkView } from '../../../../../server/contract/referrals/referral.schemas.js';
import type { StatsView } from '../../../../../server/contract/referrals/referral.schemas.js';
import { REFERRAL_STATUSES, URGENCIES } from '../../../../../server/contract/referrals/vocabulary.js';
import { getSignedIn } from '../../../api/client.js';
import '../../../components/bar-chart/bar-chart.js';
import type { Bar, BarSeries } from '../../../components/bar-chart/bar-chart.js';
import '../../../components/coverage-figure/coverage-figure.js';
import { renderLoadStatus } from '../../../components/load-status/load-status.js';
import { I18nController } from '../../../i18n/i18n.js';
import type { Translated } from '../../../i18n/types.js';
import { ResourceController } from '../../../resource-controller.js';
import { sharedStyles } from '../../../styles/shared.styles.js';
import { styles as coverageStyles } from '../coverage-view.styles.js';
import { figureTable } from '../governorate-table.js';
import { styles } from './referral-figures.styles.js';
import { TableCellLabels } from '../../../styles/table-labels.js';

type Stats = z.infer<typeof StatsView>;
type Network = z.infer<typeof NetworkView>;

interface Period {
  /** yyyy-mm-dd, both days included; '' for open-ended. */
  from: string;
  to: string;
}

/** One pair of organisations that work together, named for the reader. */
interface Pair {
  a: string;
  b: string;
  agreements: number;
  /** Null between two other organisations: the direction is not shown. */
  aToB: number | null;
  bToA: number | null;
  /** Null when there were between 1 and 4 (`fewerThanFive`). */
  referrals: number | null;
  fewerThanFive: boolean;
}

type PairKey = Exclude<keyof Pair, 'fewerThanFive'>;
const PAIR_COLUMNS: PairKey[] = ['a', 'b', 'agreements', 'aToB', 'bToA', 'referrals'];
const COLOUR = '#0f5c4f';

/**
 * Referral volumes by status and urgency (a member's own organisation, everything for liaisons and
 * platform admins) and the partner network as a sortable table of organisation pairs, over a period.
 */
export class ReferralFigures extends LitElement {
  static override styles = [sharedStyles, coverageStyles, styles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = {
    period: { state: true },
    sort: { state: true },
  };

  declare period: Period;
  declare sort: { key: PairKey; descending: boolean };

  readonly #i18n = new I18nController(this);
  readonly #figures = new ResourceController<[Stats, Network]>(
    this,
    () => JSON.stringify(this.period),
    (_key, signal) => {
      const query = { from: this.period.from, to: this.period.to };
      return Promise.all([getSignedIn<Stats>('/referrals/stats', query, signal), getSignedIn<Network>('/network', query, signal)]);
    },
  );

  constructor() {
    super();
    this.period = { from: '', to: '' };
    this.sort = { key: 'referrals', descending: true };
  }

  #applyPeriod(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.period = { from: String(data.get('from') ?? ''), to: String(data.get('to') ?? '') };
  }

  override render() {
    const i18n = this.#i18n;
    const figures = this.#figures.value;
    return html`<section aria-labelledby="figures-title">
      <h2 id="figures-title">${i18n.t('coverage.figures.title')}</h2>
      ${this.#periodForm()}
      ${figures ? this.#volumes(figures[0]) : renderLoadStatus(i18n, this.#figures.state, () => this.#figures.retry())}
    </section>
    ${figures ? this.#network(figures[1]) : nothing}`;
  }

  #periodForm() {
    const i18n = this.#i18n;
    const { from, to } = this.period;
    return html`<form class="controls" aria-label=${i18n.t('coverage.figures.period')} @submit=${this.#applyPeriod}>
      <div class="field">
        <label for="period-from">${i18n.t('coverage.figures.from')}</label>
        <input id="period-from" name="from" type="date" .value=${from} max=${to || nothing} />
      </div>
      <div class="field">
        <label for="period-to">${i18n.t('coverage.figures.to')}</label>
        <input id="period-to" name="to" type="date" .value=${to} min=${from || nothing} />
      </div>
      <button type="submit" class="button secondary">${i18n.t('coverage.figures.apply')}</button>
    </form>`;
  }

  #periodText(): string {
    const i18n = this.#i18n;
    const { from, to } = this.period;
    if (from && to) return i18n.t('coverage.figures.between', { from: i18n.date(from), to: i18n.date(to) });
    if (from) return i18n.t('coverage.figures.since', { from: i18n.date(from) });
    if (to) return i18n.t('coverage.figures.until', { to: i18n.date(to) });
    return i18n.t('coverage.figures.allTime');
  }

  /** Counts in vocabulary order, every value present (zero when none), as bars and as a table. */
  #countFigure<C extends string>(caption: string, heading: string, codes: readonly C[], counts: Map<string, number | null>, label: (code: C) => string) {
    const i18n = this.#i18n;
    const series: BarSeries[] = [{ label: '', colour: COLOUR }];
    // A withheld count (null) reads "fewer than 5" and draws no bar.
    // `??` would turn a withheld null into 0: only an absent code counts as none.
    const shown = (code: C) => {
      const count = counts.has(code) ? counts.get(code)! : 0;
      return count === null ? i18n.t('coverage.fewerThanFive') : i18n.number(count);
    };
    const bars: Bar[] = codes.map((code) => ({ label: label(code), values: [counts.get(code) ?? 0], display: shown(code) }));
    return html`<ct-coverage-figure caption=${caption}>
      <ct-bar-chart slot="chart" .series=${series} .bars=${bars}></ct-bar-chart>
      ${figureTable(
        heading,
        [i18n.t('coverage.figures.referrals')],
        codes.map((code) => ({ header: label(code), cells: [shown(code)] })),
      )}
    </ct-coverage-figure>`;
  }

  #volumes(stats: Stats) {
    const i18n = this.#i18n;
    const byStatus = new Map(stats.byStatus.map((row) => [String(row.status), row.count as number | null]));
    const byUrgency = new Map(stats.byUrgency.map((row) => [String(row.urgency), row.count as number | null]));
    const withheld = stats.fewerThanFive || [...stats.byStatus, ...stats.byUrgency].some((row) => row.fewerThanFive);
    // Drafts were never sent, so they are never counted.
    const statuses = REFERRAL_STATUSES.filter((status) => status !== 'draft');
    return html`<p>${i18n.t(stats.scope.organizationId ? 'coverage.figures.scopeOwn' : 'coverage.figures.scopeAll')} ${this.#periodText()}</p>
      ${withheld ? html`<p>${i18n.t('coverage.smallCountRule')}</p>` : nothing}
      <p class="summary" role="status">${stats.total === null ? i18n.t('coverage.sentFewerThanFive') : i18n.plural('coverage.figures.total', stats.total)}</p>
      <div class="charts">
        ${this.#countFigure(i18n.t('coverage.figures.byStatus'), i18n.t('coverage.figures.status'), statuses, byStatus, (s) => i18n.t(`referrals.status.${s}`))}
        ${this.#countFigure(i18n.t('coverage.figures.byUrgency'), i18n.t('coverage.figures.urgency'), URGENCIES, byUrgency, (u) => i18n.t(`referrals.urgency.${u}`))}
      </div>`;
  }

  #pairs(network: Network): Pair[] {
    const i18n = this.#i18n;
    const names = new Map(network.nodes.map((node) => [node.id, i18n.text(node.name as Translated)]));
    return network.edges.map((edge) => {
      // Each pair reads in alphabetical order, so "A → B" is stable whatever the ids.
      const [first, second] = [edge.source, edge.target].map((id) => names.get(id) ?? id);
      const flipped = first!.localeCompare(second!, i18n.lang) > 0;
      return {
        a: flipped ? second! : first!,
        b: flipped ? first! : second!,
        agreements: edge.agreements,
        aToB: flipped ? edge.targetToSource : edge.sourceToTarget,
        bToA: flipped ? edge.sourceToTarget : edge.targetToSource,
        referrals: edge.referrals,
        fewerThanFive: edge.fewerThanFive,
      };
    });
  }

  #sorted(pairs: Pair[]): Pair[] {
    const { key, descending } = this.sort;
    const lang = this.#i18n.lang;
    // "Fewer than 5" sorts between 0 and 5; a count not shown sorts below every number.
    const value = (p: Pair) => (key === 'referrals' && p.fewerThanFive ? 0.5 : p[key] ?? -1);
    const compare = (x: Pair, y: Pair) => {
      const a = value(x);
      const b = value(y);
      return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), lang);
    };
    return [...pairs].sort((x, y) => (descending ? -1 : 1) * compare(x, y) || x.a.localeCompare(y.a, lang));
  }

  #sortBy(key: PairKey): void {
    const numeric = key !== 'a' && key !== 'b';
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: numeric };
  }

  #columnHeader(key: PairKey) {
    const active = this.sort.key === key;
    const order = active ? (this.sort.descending ? 'descending' : 'ascending') : 'none';
    return html`<th scope="col" aria-sort=${order}>
      <button type="button" class="sort" @click=${() => this.#sortBy(key)}>
        <span>${this.#i18n.t(`coverage.network.${key}`)}</span><span class="arrow" aria-hidden="true">${active ? (this.sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>`;
  }

  #count(pair: Pair, key: 'agreements' | 'aToB' | 'bToA' | 'referrals'): string {
    const count = pair[key];
    if (count !== null) return this.#i18n.number(count);
    return this.#i18n.t(key === 'referrals' && pair.fewerThanFive ? 'coverage.fewerThanFive' : 'coverage.network.notShown');
  }

  #network(network: Network) {
    const i18n = this.#i18n;
    const pairs = this.#sorted(this.#pairs(network));
    return html`<section aria-labelledby="network-title">
      <h2 id="network-title">${i18n.t('coverage.network.title')}</h2>
      <p>${i18n.t('coverage.network.intro')} ${this.#periodText()}</p>
      ${network.edges.some((edge) => edge.detail === 'aggregate') ? html`<p>${i18n.t('coverage.network.aggregateRule')}</p>` : nothing}
      ${pairs.length
        ? html`<div class="table-wrap">
            <table class="network">
              <caption>${i18n.plural('coverage.network.count', pairs.length)}</caption>
              <thead>
                <tr>${PAIR_COLUMNS.map((key) => this.#columnHeader(key))}</tr>
              </thead>
              <tbody>
                ${pairs.map(
                  (pair) => html`<tr>
                    <th scope="row">${pair.a}</th>
                    <td>${pair.b}</td>
                    ${(['agreements', 'aToB', 'bToA', 'referrals'] as const).map((key) => html`<td class="number">${this.#count(pair, key)}</td>`)}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${i18n.t('coverage.network.none')}</p>`}
    </section>`;
  }
}

customElements.define('ct-referral-figures', ReferralFigures);

declare global {
  interface HTMLElementTagNameMap {
    'ct-referral-figures': ReferralFigures;
  }
}
