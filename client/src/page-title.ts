import type { I18nController } from './i18n/i18n.js';

/** The document title: the screen's own title first, then the directory's name. */
export function setPageTitle(i18n: I18nController, ...parts: string[]): void {
  document.title = [...parts.filter(Boolean), i18n.t('app.title')].join(' · ');
}
