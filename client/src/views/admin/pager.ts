import { html, nothing } from 'lit';
import type { I18nController } from '../../i18n/i18n.js';

/** Previous / next for a paged admin list; nothing when everything fits on one page. */
export function renderPager(i18n: I18nController, at: { page: number; perPage: number; total: number }, go: (page: number) => void) {
  const pages = Math.max(1, Math.ceil(at.total / at.perPage));
  if (pages === 1) return nothing;
  return html`<nav class="pager" aria-label=${i18n.t('admin.pager.label')}>
    <button type="button" class="button secondary" ?disabled=${at.page <= 1} @click=${() => go(at.page - 1)}>${i18n.t('admin.pager.previous')}</button>
    <span>${i18n.t('admin.pager.position', { page: at.page, pages })}</span>
    <button type="button" class="button secondary" ?disabled=${at.page >= pages} @click=${() => go(at.page + 1)}>${i18n.t('admin.pager.next')}</button>
  </nav>`;
}
