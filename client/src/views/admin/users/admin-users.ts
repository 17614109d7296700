import { html, LitElement, nothing } from 'lit';
import { ROLES, type Role } from '../../../../../server/contract/accounts/permission-matrix.js';
import { InvitationBody, MEMBER_ROLES, UsersQuery, type MemberRole } from '../../../../../server/contract/accounts/members.schemas.js';
import {
  changeRole,
  confirmUser,
  deactivateUser,
  inviteUser,
  listUsers,
  organizationNames,
  type MemberView,
  type OrganizationName,
  type UserFilter,
} from '../../../api/admin.js';
import { renderLoadStatus } from '../../../components/load-status/load-status.js';
import { check, FieldProblems, focusFirstInvalid, localised } from '../../../forms/field-problems.js';
import { I18nController } from '../../../i18n/i18n.js';
import { ResourceController } from '../../../resource-controller.js';
import { session } from '../../../session.js';
import { sharedStyles } from '../../../styles/shared.styles.js';
import { adminStyles } from '../admin.styles.js';
import { failureMessage } from '../failure.js';
import { renderPager } from '../pager.js';
import { roleLabel } from '../roles.js';
import { TableCellLabels } from '../../../styles/table-labels.js';

const STATUS_LABELS = { active: 'admin.users.active', pending: 'admin.users.pendingStatus', deactivated: 'admin.users.deactivatedStatus' } as const;

const isMemberRole = (role: string): role is MemberRole => (MEMBER_ROLES as readonly string[]).includes(role);

/** Every account: filter, invite (platform admins too), change a member's role, deactivate. */
export class AdminUsers extends LitElement {
  static override styles = [sharedStyles, adminStyles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = {
    filter: { state: true },
    inviteRole: { state: true },
    problems: { state: true },
    confirming: { state: true },
    busy: { state: true },
    message: { state: true },
    failure: { state: true },
  };

  declare filter: UserFilter;
  declare inviteRole: Role;
  declare problems: FieldProblems;
  /** The member whose deactivation waits for a second click. */
  declare confirming: string | null;
  declare busy: boolean;
  declare message: string;
  declare failure: string;
  #round = 0;

  readonly #i18n = new I18nController(this);
  readonly #users = new ResourceController(this, () => `${JSON.stringify(this.filter)}:${this.#round}`, (_key, signal) => listUsers(this.filter, signal));
  readonly #organizations = new ResourceController<OrganizationName[]>(this, () => 'all', (_key, signal) => organizationNames(signal));

  constructor() {
    super();
    this.filter = { page: 1 };
    this.inviteRole = 'caseworker';
    this.problems = new FieldProblems();
    this.confirming = null;
    this.busy = false;
    this.message = '';
    this.failure = '';
  }

  #applyFilter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '') || undefined;
    // The server's own query schema: a value it would refuse is no filter.
    const filter = UsersQuery.safeParse({ role: value('role'), organizationId: value('organizationId'), status: value('status') });
    this.filter = filter.success ? filter.data : { page: 1 };
  }

  async #run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    this.busy = true;
    this.failure = '';
    this.message = '';
    try {
      await action();
      this.message = done;
      this.#round++;
      return true;
    } catch (error) {
      const fields = FieldProblems.fromApi(error);
      if (fields) {
        this.problems = new FieldProblems(localised(fields, this.#inviteMessages()));
        this.busy = false;
        await focusFirstInvalid(this);
      } else this.failure = failureMessage(this.#i18n, error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  #inviteMessages(): Record<string, string> {
    return { email: this.#i18n.t('admin.users.emailInvalid'), organizationId: this.#i18n.t('admin.users.organizationRequired') };
  }

  async #invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const role = this.inviteRole;
    const organizationId = role === 'platform-admin' ? null : String(data.get('organizationId') ?? '');
    const checked = check(InvitationBody, { email: String(data.get('email') ?? '').trim(), role, organizationId });
    if (!checked.ok) {
      this.problems = new FieldProblems(localised(checked.problems, this.#inviteMessages()));
      await focusFirstInvalid(this);
      return;
    }
    this.problems = new FieldProblems();
    if (await this.#run(() => inviteUser(checked.value), this.#i18n.t('admin.users.invited', { email: checked.value.email }))) form.reset();
  }

  #roleOptions(roles: readonly Role[], selected?: string) {
    return roles.map((r) => html`<option value=${r} ?selected=${r === selected}>${roleLabel(this.#i18n, r)}</option>`);
  }

  #organizationOptions(selected?: string) {
    const organizations = this.#organizations.value ?? [];
    return organizations.map((o) => html`<option value=${o.id} ?selected=${o.id === selected}>${this.#i18n.text(o.name)}</option>`);
  }

  #actions(member: MemberView) {
    const i18n = this.#i18n;
    const organizationId = member.organization?.id;
    if (member.status === 'pending') {
      return html`<button type="button" class="button" ?disabled=${this.busy}
        @click=${() => this.#run(() => confirmUser(member), i18n.t('admin.users.confirmed', { name: member.name }))}>
        ${i18n.t('admin.users.confirm')}<span class="visually-hidden">: ${member.name}</span>
      </button>`;
    }
    // The API changes and removes members of organisations only, never your own account.
    if (!organizationId || member.status !== 'active' || member.id === session.user?.id || !isMemberRole(member.role)) return nothing;
    const roleId = `role-${member.id}`;
    if (this.confirming === member.id) {
      return html`<div class="actions">
        <button type="button" class="button" ?disabled=${this.busy}
          @click=${() => this.#run(() => deactivateUser(member), i18n.t('admin.users.deactivated', { name: member.name })).then(() => (this.confirming = null))}>
          ${i18n.t('admin.users.confirmDeactivate', { name: member.name })}
        </button>
        <button type="button" class="button secondary" @click=${() => (this.confirming = null)}>${i18n.t('admin.cancel')}</button>
      </div>`;
    }
    return html`<div class="actions">
      <label class="visually-hidden" for=${roleId}>${i18n.t('admin.users.roleOf', { name: member.name })}</label>
      <select id=${roleId}>${this.#roleOptions(MEMBER_ROLES, member.role)}</select>
      <button type="button" class="button secondary" ?disabled=${this.busy}
        @click=${() => {
          const role = this.renderRoot.querySelector<HTMLSelectElement>(`#${roleId}`)?.value ?? member.role;
          if (isMemberRole(role) && role !== member.role) void this.#run(() => changeRole(member, role), i18n.t('admin.users.roleChanged', { name: member.name }));
        }}>
        ${i18n.t('admin.users.changeRole')}
      </button>
      <button type="button" class="button secondary" @click=${() => (this.confirming = member.id)}>${i18n.t('admin.users.deactivate')}</button>
    </div>`;
  }

  #table() {
    const i18n = this.#i18n;
    const users = this.#users.value;
    if (!users) return renderLoadStatus(i18n, this.#users.state, () => this.#users.retry());
    if (!users.items.length) return html`<p>${i18n.t('admin.users.none')}</p>`;
    return html`<div class="table-wrap">
        <table>
          <caption>${i18n.plural('admin.users.count', users.total)}</caption>
          <thead>
            <tr>
              <th scope="col">${i18n.t('admin.users.name')}</th>
              <th scope="col">${i18n.t('admin.users.email')}</th>
              <th scope="col">${i18n.t('admin.users.role')}</th>
              <th scope="col">${i18n.t('admin.users.organization')}</th>
              <th scope="col">${i18n.t('admin.users.status')}</th>
              <th scope="col">${i18n.t('admin.users.lastSignIn')}</th>
              <th scope="col">${i18n.t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${users.items.map(
              (u) => html`<tr>
                <th scope="row">${u.name}</th>
                <td><bdi class="ltr">${u.email}</bdi></td>
                <td>${roleLabel(i18n, u.role)}</td>
                <td>${u.organization ? i18n.text(u.organization.name) : nothing}</td>
                <td>${i18n.t(STATUS_LABELS[u.status])}</td>
                <td>${u.lastLoginAt ? i18n.date(u.lastLoginAt) : i18n.t('admin.users.never')}</td>
                <td>${this.#actions(u)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${renderPager(i18n, { page: users.page, perPage: users.pageSize, total: users.total }, (page) => (this.filter = { ...this.filter, page }))}`;
  }

  override render() {
    const i18n = this.#i18n;
    const p = this.problems;
    const f = this.filter;
    return html`<h2>${i18n.t('admin.users.title')}</h2>
      <p class="status" role="status">${this.message}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      <form class="filters" role="search" aria-label=${i18n.t('admin.users.filters')} @submit=${this.#applyFilter}>
        <div>
          <label for="filter-role">${i18n.t('admin.users.role')}</label>
          <select id="filter-role" name="role"><option value="">${i18n.t('admin.all')}</option>${this.#roleOptions(ROLES, f.role)}</select>
        </div>
        <div>
          <label for="filter-organization">${i18n.t('admin.users.organization')}</label>
          <select id="filter-organization" name="organizationId"><option value="">${i18n.t('admin.all')}</option>${this.#organizationOptions(f.organizationId)}</select>
        </div>
        <div>
          <label for="filter-status">${i18n.t('admin.users.status')}</label>
          <select id="filter-status" name="status">
            <option value="">${i18n.t('admin.all')}</option>
            <option value="active" ?selected=${f.status === 'active'}>${i18n.t('admin.users.active')}</option>
            <option value="pending" ?selected=${f.status === 'pending'}>${i18n.t('admin.users.pendingStatus')}</option>
            <option value="deactivated" ?selected=${f.status === 'deactivated'}>${i18n.t('admin.users.deactivatedStatus')}</option>
          </select>
        </div>
        <button class="button secondary" type="submit">${i18n.t('admin.filter')}</button>
      </form>
      ${this.#table()}
      <h3>${i18n.t('admin.users.invite')}</h3>
      <p>${i18n.t('admin.users.inviteIntro')}</p>
      <form class="stacked" novalidate @submit=${this.#invite}>
        <div>
          <label for="invite-email">${i18n.t('admin.users.email')}</label>
          <input id="invite-email" name="email" type="email" dir="ltr" autocomplete="off" required
            aria-invalid=${p.invalid('email')} aria-describedby=${p.describedBy('email') ?? nothing} />
          ${p.render('email')}
        </div>
        <div>
          <label for="invite-role">${i18n.t('admin.users.role')}</label>
          <select id="invite-role" name="role" @change=${(e: Event) => (this.inviteRole = (e.target as HTMLSelectElement).value as Role)}>
            ${this.#roleOptions(ROLES, this.inviteRole)}
          </select>
        </div>
        ${this.inviteRole === 'platform-admin'
          ? html`<p class="muted">${i18n.t('admin.users.platformAdminNote')}</p>`
          : html`<div>
              <label for="invite-organization">${i18n.t('admin.users.organization')}</label>
              <select id="invite-organization" name="organizationId" required
                aria-invalid=${p.invalid('organizationId')} aria-describedby=${p.describedBy('organizationId') ?? nothing}>
                <option value="">${i18n.t('admin.users.chooseOrganization')}</option>
                ${this.#organizationOptions()}
              </select>
              ${p.render('organizationId')}
            </div>`}
        <div><button class="button" type="submit" ?disabled=${this.busy}>${i18n.t('admin.users.sendInvitation')}</button></div>
      </form>`;
  }
}

customElements.define('ct-admin-users', AdminUsers);

declare global {
  interface HTMLElementTagNameMap {
    'ct-admin-users': AdminUsers;
  }
}
