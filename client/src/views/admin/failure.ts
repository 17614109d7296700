import { ApiError } from '../../api/client.js';
import type { I18nController } from '../../i18n/i18n.js';

/** A failed request in the reader's language (the server's own words are English only). */
export function failureMessage(i18n: I18nController, error: unknown): string {
  if (!(error instanceof ApiError) || error.isNetwork) return i18n.t('error.network');
  if (error.status === 403) return i18n.t('error.forbidden');
  if (error.status === 404) return i18n.t('error.notFound');
  if (error.status === 409) return i18n.t('admin.error.conflict');
  return i18n.t('error.generic');
}
