import { html, LitElement, nothing } from 'lit';
import { getVerificationQueue, rejectChange, verifyRecord, type QueueEntry } from '../../../api/admin.js';
import { failureMessage } from '../failure.js';
import { renderLoadStatus } from '../../../components/load-status/load-status.js';
import { I18nController } from '../../../i18n/i18n.js';
import { ResourceController } from '../../../resource-controller.js';
import { sharedStyles } from '../../../styles/shared.styles.js';
import { adminStyles } from '../admin.styles.js';
import { fieldLabel } from '../fields.js';
import { renderChange } from './change-values.js';
import { renderPager } from '../pager.js';
import { styles } from './verification-queue.styles.js';
import { TableCellLabels } from '../../../styles/table-labels.js';

/** New and changed organisations and services, most recently changed first, verified one by one. */
export class AdminVerification extends LitElement {
  static override styles = [sharedStyles, adminStyles, styles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = {
    page: { state: true },
    busy: { state: true },
    message: { state: true },
    failure: { state: true },
    rejecting: { state: true },
  };

  declare page: number;
  /** The entry whose reject form is open. */
  declare rejecting: string | null;
  declare busy: string | null;
  declare message: string;
  declare failure: string;
  /** Bumped to load the queue again after a verification. */
  #round = 0;

  readonly #i18n = new I18nController(this);
  readonly #queue = new ResourceController(this, () => `${this.page}:${this.#round}`, (_key, signal) => getVerificationQueue(this.page, signal));

  constructor() {
    super();
    this.page = 1;
    this.busy = null;
    this.message = '';
    this.failure = '';
    this.rejecting = null;
  }

  async #verify(entry: QueueEntry): Promise<void> {
    const name = this.#i18n.text(entry.name);
    this.busy = entry.id;
    this.failure = '';
    try {
      await verifyRecord(entry.kind, entry.id);
      this.message = this.#i18n.t('admin.verification.done', { name });
      this.#round++;
      // The row is gone: keep keyboard users in the section, at the announcement.
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.failure = failureMessage(this.#i18n, error);
    } finally {
      this.busy = null;
    }
  }

  async #reject(event: SubmitEvent, entry: QueueEntry): Promise<void> {
    event.preventDefault();
    const name = this.#i18n.text(entry.name);
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '');
    this.busy = entry.id;
    this.failure = '';
    try {
      await rejectChange(entry, reason);
      this.message = this.#i18n.t('admin.verification.rejected', { name });
      this.rejecting = null;
      this.#round++;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.failure = failureMessage(this.#i18n, error);
    } finally {
      this.busy = null;
    }
  }

  #rejectForm(entry: QueueEntry, name: string) {
    const i18n = this.#i18n;
    const id = `reason-${entry.id}`;
    return html`<form class="reject" @submit=${(e: SubmitEvent) => this.#reject(e, entry)} aria-label=${i18n.t('admin.verification.rejectNamed', { name })}>
      <label for=${id}>${i18n.t('admin.verification.reason')}</label>
      <textarea id=${id} name="reason" required minlength="3" maxlength="1000" rows="3"></textarea>
      <button type="submit" class="button" ?disabled=${this.busy !== null}>${i18n.t('admin.verification.rejectConfirm')}</button>
    </form>`;
  }

  #row(entry: QueueEntry) {
    const i18n = this.#i18n;
    const name = i18n.text(entry.name);
    const href = `/${entry.kind === 'organization' ? 'organizations' : 'services'}/${entry.id}`;
    return html`<tr>
      <th scope="row">
        <span class="badge kind">${i18n.t(entry.kind === 'organization' ? 'admin.verification.organization' : 'admin.verification.service')}</span>
        <a href=${href}>${name}</a>
      </th>
      <td>${entry.organization ? i18n.text(entry.organization.name) : nothing}</td>
      <td>
        ${entry.isNew ? html`<span class="badge warning">${i18n.t('admin.verification.new')}</span>` : nothing}
        ${entry.changes.length
          ? html`<dl class="changed">
              ${entry.changes.map(
                (c) => html`<div>
                  <dt>${fieldLabel(i18n, c.field)}</dt>
                  ${entry.isNew ? nothing : html`<dd class="before"><span class="muted">${i18n.t('admin.verification.before')}:</span> ${renderChange(i18n, c.before)}</dd>`}
                  <dd class="after"><span class="muted">${i18n.t('admin.verification.after')}:</span> ${renderChange(i18n, c.after)}</dd>
                </div>`,
              )}
            </dl>`
          : nothing}
      </td>
      <td>${entry.updatedAt ? i18n.date(entry.updatedAt) : nothing}</td>
      <td>
        <button
          type="button"
          class="button"
          ?disabled=${this.busy !== null}
          aria-label=${i18n.t('admin.verification.verifyNamed', { name })}
          @click=${() => this.#verify(entry)}
        >
          ${i18n.t('admin.verification.verify')}
        </button>
        ${entry.isNew
          ? nothing
          : html`<button
              type="button"
              class="button secondary"
              aria-expanded=${this.rejecting === entry.id ? 'true' : 'false'}
              aria-label=${i18n.t('admin.verification.rejectNamed', { name })}
              @click=${() => (this.rejecting = this.rejecting === entry.id ? null : entry.id)}
            >
              ${i18n.t('admin.verification.reject')}
            </button>`}
        ${this.rejecting === entry.id ? this.#rejectForm(entry, name) : nothing}
      </td>
    </tr>`;
  }

  override render() {
    const i18n = this.#i18n;
    const state = this.#queue.state;
    const queue = this.#queue.value;
    return html`<h2 tabindex="-1">${i18n.t('admin.verification.title')}</h2>
      <p>${i18n.t('admin.verification.intro')}</p>
      <p class="status" role="status">${this.message}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      ${!queue
        ? renderLoadStatus(i18n, state, () => this.#queue.retry())
        : queue.items.length === 0
          ? html`<p>${i18n.t('admin.verification.empty')}</p>`
          : html`<div class="table-wrap">
                <table>
                  <caption>
                    ${i18n.plural('admin.verification.count', queue.total)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${i18n.t('admin.verification.record')}</th>
                      <th scope="col">${i18n.t('admin.verification.organizationColumn')}</th>
                      <th scope="col">${i18n.t('admin.verification.changes')}</th>
                      <th scope="col">${i18n.t('admin.verification.changedAt')}</th>
                      <th scope="col"><span class="visually-hidden">${i18n.t('admin.actions')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${queue.items.map((entry) => this.#row(entry))}
                  </tbody>
                </table>
              </div>
              ${renderPager(i18n, { page: queue.page, perPage: queue.perPage, total: queue.total }, (page) => (this.page = page))}`}`;
  }
}

customElements.define('ct-admin-verification', AdminVerification);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-verification': AdminVerification;
  }
}
