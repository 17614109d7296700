import { html, LitElement, type TemplateResult } from 'lit';
import { I18nController } from '../../i18n/i18n.js';
import type { TextKey } from '../../i18n/en.js';
import { setPageTitle } from '../../page-title.js';
import { can } from '../../permissions.js';
import { RouteController } from '../../router.js';
import { SessionController } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './admin-view.styles.js';
import './verification-queue/verification-queue.js';
import './organizations/admin-organizations.js';
import './taxonomy/admin-taxonomy.js';
import './hotlines/admin-hotlines.js';
import './legal-frames/admin-legal-frames.js';
import './users/admin-users.js';
import './audit-log/audit-log.js';
import './import/admin-import.js';
import './sample-data/sample-data.js';

interface Section {
  path: string;
  title: TextKey;
  render: () => TemplateResult;
}

/** The sections of /admin/<section>; the first is the landing page. */
const SECTIONS: Section[] = [
  { path: 'verification', title: 'admin.verification.title', render: () => html`<ct-admin-verification></ct-admin-verification>` },
  { path: 'organizations', title: 'admin.organizations.title', render: () => html`<ct-admin-organizations></ct-admin-organizations>` },
  { path: 'taxonomy', title: 'admin.taxonomy.title', render: () => html`<ct-admin-taxonomy></ct-admin-taxonomy>` },
  { path: 'hotlines', title: 'admin.hotlines.title', render: () => html`<ct-admin-hotlines></ct-admin-hotlines>` },
  { path: 'legal-frames', title: 'admin.legalFrames.title', render: () => html`<ct-admin-legal-frames></ct-admin-legal-frames>` },
  { path: 'users', title: 'admin.users.title', render: () => html`<ct-admin-users></ct-admin-users>` },
  { path: 'audit', title: 'admin.audit.title', render: () => html`<ct-admin-audit></ct-admin-audit>` },
  { path: 'import', title: 'admin.import.title', render: () => html`<ct-admin-import></ct-admin-import>` },
  { path: 'sample-data', title: 'admin.sample.title', render: () => html`<ct-admin-sample-data></ct-admin-sample-data>` },
];

/** Platform administration: verification, organisations, categories, hotlines, legal frames, accounts, audit log, import/export, sample data. */
export class AdminView extends LitElement {
  static override styles = [sharedStyles, styles];

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #session = new SessionController(this);

  override render() {
    const i18n = this.#i18n;
    const user = this.#session.user;
    const asked = this.#routes.route.params.section;
    const section = SECTIONS.find((s) => s.path === (asked ?? SECTIONS[0]!.path));
    setPageTitle(i18n, section ? i18n.t(section.title) : i18n.t('nav.admin'));
    if (!user) return html`<p class="muted" role="status">${i18n.t('app.loading')}</p>`;
    // Every section needs the "everywhere" permissions of platform admins.
    if (!can(user, 'organization:verify', null)) {
      return html`<h1>${i18n.t('nav.admin')}</h1>
        <p class="error" role="alert">${i18n.t('error.forbidden')}</p>`;
    }
    return html`<h1>${i18n.t('nav.admin')}</h1>
      <nav aria-label=${i18n.t('admin.sections')}>
        <ul>
          ${SECTIONS.map(
            (s) => html`<li><a href="/admin/${s.path}" aria-current=${s === section ? 'page' : 'false'}>${i18n.t(s.title)}</a></li>`,
          )}
        </ul>
      </nav>
      ${section ? section.render() : html`<p class="error" role="alert">${i18n.t('error.notFound')}</p>`}`;
  }
}

customElements.define('ct-admin-view', AdminView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-view': AdminView;
  }
}
