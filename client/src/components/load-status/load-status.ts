import { html, type TemplateResult } from 'lit';
import { ApiError } from '../../api/client.js';
import type { I18nController } from '../../i18n/i18n.js';
import type { Loadable } from '../../resource-controller.js';

/** What a screen shows while its data loads or after loading failed (with a retry where it may help). */
export function renderLoadStatus(i18n: I18nController, state: Loadable<unknown>, retry: () => void): TemplateResult {
  if (state.state !== 'failed') return html`<p class="muted" role="status">${i18n.t('app.loading')}</p>`;
  const error = state.error;
  if (error instanceof ApiError && error.status === 404) {
    return html`<div class="error" role="alert">
      <h1>${i18n.t('notFound.title')}</h1>
      <p>${i18n.t('error.notFound')}</p>
      <p><a href="/">${i18n.t('notFound.home')}</a></p>
    </div>`;
  }
  if (error instanceof ApiError && error.status === 403) {
    return html`<div class="error" role="alert"><p>${i18n.t('error.forbidden')}</p></div>`;
  }
  const message = error instanceof ApiError && !error.isNetwork ? i18n.t('error.generic') : i18n.t('error.network');
  return html`<div class="error" role="alert">
    <p>${message}</p>
    <button type="button" class="button secondary" @click=${retry}>${i18n.t('app.retry')}</button>
  </div>`;
}
