import { html, nothing } from 'lit';
import type { I18nController } from '../../i18n/i18n.js';

/**
 * "Updated by the organisation on <date>, not yet verified": an organisation's change is published at
 * once, and readers are told a platform admin has not checked it yet (service and organisation pages).
 */
export function renderUnverifiedChange(i18n: I18nController, change: { at: string } | null | undefined) {
  if (!change) return nothing;
  return html`<p class="notice unverified-change">${i18n.t('service.unverifiedChange', { date: i18n.date(change.at) })}</p>`;
}
