import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import {
  listActivities,
  listContacts,
  listLocations,
  listServices,
  recordAction,
  type ActivityView,
  type Archivable,
  type ContactView,
} from '../../api/workspace.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import type { TextKey } from '../../i18n/en.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { can, type Action } from '../../permissions.js';
import { ResourceController } from '../../resource-controller.js';
import { RouteController } from '../../router.js';
import { SessionController } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import './agreements-section.js';
import { activityForm, contactForm, locationForm, profileForm, serviceForm } from './definitions.js';
import './members-section.js';
import './record-form.js';
import type { RecordFormDefinition } from './record-form.js';
import { styles } from './workspace.styles.js';

type Section = 'profile' | 'services' | 'locations' | 'contacts' | 'members' | 'agreements' | 'activities';

/** The sections, and the permission that makes each editable (members: visible at all). */
const SECTIONS: ReadonlyArray<{ name: Section; edit: Action }> = [
  { name: 'profile', edit: 'organization:update' },
  { name: 'services', edit: 'service:write' },
  { name: 'locations', edit: 'location:write' },
  { name: 'contacts', edit: 'contact:write' },
  { name: 'members', edit: 'member:manage' },
  { name: 'agreements', edit: 'agreement:manage' },
  { name: 'activities', edit: 'activity:write' },
];

const FORMS: Partial<Record<Section, RecordFormDefinition<never>>> = {
  services: serviceForm,
  locations: locationForm,
  contacts: contactForm,
  activities: activityForm,
};

interface ListRow {
  id: string;
  name: string;
  detail: string;
  /** Archived records are listed to their writers, marked, with Restore. */
  archived: boolean;
}

/**
 * The signed-in user's organisation workspace: its directory entry (profile, services, contacts),
 * members, referral agreements and activities. Editors see forms; other members read the same.
 */
export class WorkspaceView extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = { reference: { state: true }, restoring: { state: true }, restoreOutcome: { state: true } };

  declare reference: Reference | null;
  /** The id of the archived record being restored from the list. */
  declare restoring: string | null;
  /** What the last restore from the list came to, read out in the list's status line. */
  declare restoreOutcome: { section: Section; ok: boolean; message: string } | null;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #session = new SessionController(this);
  /** Bumped after a record is created or changed, so the section's list is read again. */
  #generation = 0;

  readonly #list = new ResourceController<ListRow[]>(
    this,
    () => {
      const section = this.#section;
      const org = this.#organizationId;
      return org && FORMS[section] && !this.#routes.route.params.id ? `${section}:${org}:${this.#generation}` : undefined;
    },
    (key, signal) => this.#loadList(key.split(':')[0] as Section, key.split(':')[1] ?? '', signal),
  );

  constructor() {
    super();
    this.reference = null;
    this.restoring = null;
    this.restoreOutcome = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadReference().then(
      (reference) => (this.reference = reference),
      () => (this.reference = null),
    );
  }

  get #organizationId(): string | undefined {
    return this.#session.user?.organization?.id;
  }

  get #section(): Section {
    const asked = this.#routes.route.params.section;
    return SECTIONS.find((s) => s.name === asked)?.name ?? 'profile';
  }

  #mayEdit(section: Section): boolean {
    const edit = SECTIONS.find((s) => s.name === section)?.edit;
    return edit ? can(this.#session.user, edit, this.#organizationId) : false;
  }

  async #loadList(section: Section, organizationId: string, signal: AbortSignal): Promise<ListRow[]> {
    const i18n = this.#i18n;
    const withArchived = this.#mayEdit(section);
    const archived = (record: Archivable<object>) => Boolean(record.archivedAt);
    if (section === 'contacts') {
      const { items } = await listContacts(organizationId, signal, withArchived);
      return items.map((c: Archivable<ContactView>) => ({
        id: c.id,
        name: c.name,
        detail: [i18n.text(c.title), c.referralFocalPoint ? i18n.t('workspace.field.referralFocalPoint') : ''].filter(Boolean).join(' · '),
        archived: archived(c),
      }));
    }
    if (section === 'locations') {
      const { items } = await listLocations(organizationId, signal, withArchived);
      return items.map((l) => ({
        id: l.id,
        name: i18n.text(l.name),
        detail: [
          this.reference ? i18n.text(this.reference.governorateName(l.address.governorate)) : l.address.governorate,
          l.confidential ? i18n.t('workspace.field.confidential') : '',
        ]
          .filter(Boolean)
          .join(' · '),
        archived: archived(l),
      }));
    }
    if (section === 'activities') {
      const { items } = await listActivities(organizationId, signal);
      return items.map((a: ActivityView) => ({
        id: a.id,
        name: i18n.text(a.title),
        detail: [
          i18n.t(`workspace.kind.${a.kind}`),
          i18n.list(a.governorates.map((g) => (this.reference ? i18n.text(this.reference.governorateName(g)) : g))),
          a.startDate === a.endDate ? i18n.date(a.startDate) : `${i18n.date(a.startDate)} – ${i18n.date(a.endDate)}`,
          i18n.plural('workspace.reached', a.reached.total),
        ].join(' · '),
        // Activities have no restore: archived ones are not listed.
        archived: false,
      }));
    }
    const { items } = await listServices(organizationId, signal, withArchived);
    return items.map((s) => ({
      id: s.id,
      name: i18n.text(s.name),
      detail: [i18n.vocab('status', s.status), s.confidential ? i18n.t('workspace.field.confidential') : ''].filter(Boolean).join(' · '),
      archived: archived(s),
    }));
  }

  async #restore(definition: RecordFormDefinition<never>, row: ListRow): Promise<void> {
    const t = this.#i18n;
    this.restoring = row.id;
    this.restoreOutcome = null;
    try {
      await recordAction(`/${definition.collection}/${encodeURIComponent(row.id)}`, 'restore');
      this.restoreOutcome = { section: definition.section as Section, ok: true, message: t.t('workspace.restored', { name: row.name || t.t('workspace.untitled') }) };
      this.#generation++;
    } catch (error) {
      this.restoreOutcome = { section: definition.section as Section, ok: false, message: t.t(error instanceof ApiError && error.isNetwork ? 'error.network' : 'error.generic') };
    } finally {
      this.restoring = null;
    }
  }

  #renderNav(current: Section) {
    const t = this.#i18n;
    const visible = SECTIONS.filter((s) => s.name !== 'members' || this.#mayEdit('members'));
    return html`<nav class="sections" aria-label=${t.t('workspace.sections')}>
      <ul>
        ${visible.map(
          (s) => html`<li>
            <a href="/workspace/${s.name}" aria-current=${s.name === current ? 'page' : nothing}>${t.t(`workspace.section.${s.name}`)}</a>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  #renderList(section: Section): TemplateResult {
    const t = this.#i18n;
    const state = this.#list.state;
    const mayEdit = this.#mayEdit(section);
    const add = mayEdit
      ? html`<a class="button" href="/workspace/${section}/new">${t.t(`workspace.${section}.new` as TextKey)}</a>`
      : nothing;
    if (state.state !== 'ready') return html`${add}${renderLoadStatus(t, state, () => this.#list.retry())}`;
    const rows = state.value;
    const definition = FORMS[section];
    const outcome = this.restoreOutcome?.section === section ? this.restoreOutcome : null;
    return html`<div class="list-header">
        <h2>${t.t(`workspace.section.${section}`)}</h2>
        ${add}
      </div>
      <p role="status" class=${outcome && !outcome.ok ? 'error' : 'muted'}>${outcome?.message ?? ''}</p>
      ${rows.length
        ? html`<ul class="records">
            ${rows.map((row) => {
              const name = row.name || t.t('workspace.untitled');
              return html`<li class=${row.archived ? 'archived' : ''}>
                <a href="/workspace/${section}/${encodeURIComponent(row.id)}">${name}</a>
                <span class="muted">${row.archived ? html`<span class="badge">${t.t('workspace.archivedBadge')}</span> ` : nothing}${row.detail}</span>
                ${row.archived && mayEdit && definition
                  ? html`<button
                      type="button"
                      class="button secondary"
                      ?disabled=${this.restoring !== null}
                      @click=${() => void this.#restore(definition, row)}
                    >
                      ${t.t('workspace.restoreNamed', { name })}
                    </button>`
                  : nothing}
              </li>`;
            })}
          </ul>`
        : html`<p class="muted">${t.t('workspace.none')}</p>`}`;
  }

  #renderSection(section: Section, organizationId: string): TemplateResult {
    const id = this.#routes.route.params.id;
    const readOnly = !this.#mayEdit(section);
    const form = (definition: RecordFormDefinition<never>, recordId: string) =>
      html`<ct-record-form
        .definition=${definition as RecordFormDefinition<unknown>}
        .recordId=${recordId}
        .organizationId=${organizationId}
        .reference=${this.reference}
        ?readOnly=${readOnly}
        @record-saved=${() => this.#generation++}
      ></ct-record-form>`;
    if (section === 'profile') return form(profileForm, organizationId);
    if (section === 'members') return html`<ct-workspace-members .organizationId=${organizationId}></ct-workspace-members>`;
    if (section === 'agreements') {
      return html`<ct-workspace-agreements
        .organizationId=${organizationId}
        .reference=${this.reference}
        ?mayManage=${!readOnly}
      ></ct-workspace-agreements>`;
    }
    const definition = FORMS[section];
    if (!definition) return html``;
    if (id && (id !== 'new' || !readOnly)) {
      return html`<p><a href="/workspace/${section}">${this.#i18n.t('workspace.backToList')}</a></p>${form(definition, id)}`;
    }
    return this.#renderList(section);
  }

  override render() {
    const t = this.#i18n;
    const organizationId = this.#organizationId;
    const section = this.#section;
    setPageTitle(t, t.t(`workspace.section.${section}`), t.t('nav.workspace'));
    if (!organizationId) return html`<h1>${t.t('nav.workspace')}</h1><p>${t.t('workspace.noOrganization')}</p>`;
    const user = this.#session.user;
    const name = user?.organization ? (typeof user.organization.name === 'string' ? user.organization.name : t.text(user.organization.name)) : '';
    return html`<h1>${t.t('nav.workspace')}${name ? html`: <span dir="auto">${name}</span>` : nothing}</h1>
      ${this.#mayEdit(section) ? nothing : html`<p class="notice">${t.t('workspace.readOnly')}</p>`}
      <div class="workspace">
        ${this.#renderNav(section)}
        <div class="section-body">${this.#renderSection(section, organizationId)}</div>
      </div>`;
  }
}

customElements.define('ct-workspace-view', WorkspaceView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-workspace-view': WorkspaceView;
  }
}
