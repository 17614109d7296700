import { html, LitElement, nothing } from 'lit';
import { listUsers, readAuditLog, type AuditEntryView, type AuditFilter, type MemberView } from '../../../api/admin.js';
import { renderLoadStatus } from '../../../components/load-status/load-status.js';
import { I18nController } from '../../../i18n/i18n.js';
import { ResourceController } from '../../../resource-controller.js';
import { sharedStyles } from '../../../styles/shared.styles.js';
import { adminStyles } from '../admin.styles.js';
import { fieldLabel } from '../fields.js';
import { renderPager } from '../pager.js';
import { styles } from './audit-log.styles.js';
import { TableCellLabels } from '../../../styles/table-labels.js';

/** Record types that appear in the audit log, for the filter. */
const ENTITIES = [
  'organization',
  'service',
  'location',
  'contact',
  'taxonomyTerm',
  'hotline',
  'legalFrame',
  'user',
  'invitation',
  'referral',
  'agreement',
  'activity',
  'hsds-package',
  'sample-data',
] as const;
type Entity = (typeof ENTITIES)[number];
const isEntity = (value: string): value is Entity => (ENTITIES as readonly string[]).includes(value);

/** One day after a yyyy-mm-dd date: the filter's "to" includes the whole day. */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();

/** Every write, newest first, filtered by who, what, which kind of record and when. */
export class AdminAudit extends LitElement {
  static override styles = [sharedStyles, adminStyles, styles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = { filter: { state: true } };

  declare filter: AuditFilter;

  readonly #i18n = new I18nController(this);
  readonly #log = new ResourceController(this, () => JSON.stringify(this.filter), (_key, signal) => readAuditLog(this.filter, signal));
  readonly #actors = new ResourceController<MemberView[]>(this, () => 'all', async (_key, signal) => (await listUsers({ pageSize: 200 }, signal)).items);

  constructor() {
    super();
    this.filter = { page: 1 };
  }

  #applyFilter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const from = value('from');
    const to = value('to');
    this.filter = {
      actor: value('actor'),
      action: value('action'),
      entity: value('entity'),
      from: from ? new Date(`${from}T00:00:00Z`).toISOString() : undefined,
      to: to ? dayAfter(to) : undefined,
      page: 1,
    };
  }

  #changes(entry: AuditEntryView) {
    const i18n = this.#i18n;
    if (!entry.changes.length) return nothing;
    return html`<details>
      <summary>${i18n.plural('admin.audit.fieldCount', entry.changes.length)}</summary>
      <ul class="changes">
        ${entry.changes.map(
          (c) => html`<li>
            <strong>${fieldLabel(i18n, c.field)}</strong>:
            <code dir="ltr">${c.before || '—'}</code> → <code dir="ltr">${c.after || '—'}</code>
          </li>`,
        )}
      </ul>
    </details>`;
  }

  #table() {
    const i18n = this.#i18n;
    const log = this.#log.value;
    if (!log) return renderLoadStatus(i18n, this.#log.state, () => this.#log.retry());
    if (!log.items.length) return html`<p>${i18n.t('admin.audit.none')}</p>`;
    return html`<div class="table-wrap">
        <table>
          <caption>${i18n.plural('admin.audit.count', log.total)}</caption>
          <thead>
            <tr>
              <th scope="col">${i18n.t('admin.audit.at')}</th>
              <th scope="col">${i18n.t('admin.audit.actor')}</th>
              <th scope="col">${i18n.t('admin.audit.action')}</th>
              <th scope="col">${i18n.t('admin.audit.record')}</th>
              <th scope="col">${i18n.t('admin.audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            ${log.items.map(
              (e) => html`<tr>
                <td>${i18n.date(e.at)} <span class="muted">${new Date(e.at).toISOString().slice(11, 16)} UTC</span></td>
                <td>${e.actor.name ? html`<bdi>${e.actor.name}</bdi> ` : nothing}<bdi class="ltr muted">${e.actor.email ?? e.actor.role ?? '—'}</bdi></td>
                <th scope="row"><code dir="ltr">${e.action}</code></th>
                <td>
                  ${isEntity(e.entity) ? i18n.t(`admin.entity.${e.entity}`) : e.entity}
                  ${e.entityName ? html`<bdi class="record-name" title=${e.entityId ?? ''}>${typeof e.entityName === 'string' ? e.entityName : i18n.text(e.entityName)}</bdi>` : e.entityId ? html`<code dir="ltr">${e.entityId}</code>` : nothing}
                </td>
                <td>${this.#changes(e)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${renderPager(i18n, { page: log.page, perPage: log.pageSize, total: log.total }, (page) => (this.filter = { ...this.filter, page }))}`;
  }

  override render() {
    const i18n = this.#i18n;
    const f = this.filter;
    return html`<h2>${i18n.t('admin.audit.title')}</h2>
      <p>${i18n.t('admin.audit.intro')}</p>
      <form class="filters" role="search" aria-label=${i18n.t('admin.audit.filters')} @submit=${this.#applyFilter}>
        <div>
          <label for="audit-actor">${i18n.t('admin.audit.actor')}</label>
          <select id="audit-actor" name="actor">
            <option value="">${i18n.t('admin.all')}</option>
            ${(this.#actors.value ?? []).map((u) => html`<option value=${u.id} ?selected=${u.id === f.actor}>${u.email}</option>`)}
          </select>
        </div>
        <div>
          <label for="audit-action">${i18n.t('admin.audit.action')}</label>
          <input id="audit-action" name="action" dir="ltr" .value=${f.action ?? ''} placeholder="service.verify" />
        </div>
        <div>
          <label for="audit-entity">${i18n.t('admin.audit.recordType')}</label>
          <select id="audit-entity" name="entity">
            <option value="">${i18n.t('admin.all')}</option>
            ${ENTITIES.map((e) => html`<option value=${e} ?selected=${e === f.entity}>${i18n.t(`admin.entity.${e}`)}</option>`)}
          </select>
        </div>
        <div>
          <label for="audit-from">${i18n.t('admin.audit.from')}</label>
          <input id="audit-from" name="from" type="date" />
        </div>
        <div>
          <label for="audit-to">${i18n.t('admin.audit.to')}</label>
          <input id="audit-to" name="to" type="date" />
        </div>
        <button class="button secondary" type="submit">${i18n.t('admin.filter')}</button>
      </form>
      ${this.#table()}`;
  }
}

customElements.define('ct-admin-audit', AdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-audit': AdminAudit;
  }
}
