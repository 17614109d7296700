import { html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { InvitationBody, MEMBER_ROLES, type MemberRole } from '../../../../server/contract/accounts/members.schemas.js';
import { ApiError } from '../../api/client.js';
import { changeMemberRole, inviteMember, listInvitations, listMembers, removeMember, type Invitation, type Member } from '../../api/workspace.js';
import { renderLoadStatus } from '../../components/load-status/load-status.js';
import { check, FieldProblems } from '../../forms/field-problems.js';
import { I18nController } from '../../i18n/i18n.js';
import { ResourceController } from '../../resource-controller.js';
import { session } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './workspace.styles.js';
import { TableCellLabels } from '../../styles/table-labels.js';

interface People {
  members: Member[];
  invitations: Invitation[];
}

/** The organisation's accounts: change a role, remove someone, invite by email, see pending invitations. */
export class WorkspaceMembers extends LitElement {
  static override styles = [sharedStyles, styles];
  // Registers itself with the host: labels the cells after every render.
  protected readonly tableLabels = new TableCellLabels(this);
  static override properties = {
    organizationId: {},
    email: { state: true },
    role: { state: true },
    problems: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  declare organizationId: string;
  declare email: string;
  declare role: MemberRole;
  declare problems: FieldProblems;
  /** The outcome of the last action, announced in a status region. */
  declare message: string;
  declare busy: boolean;

  readonly #i18n = new I18nController(this);
  readonly #people = new ResourceController<People>(
    this,
    () => this.organizationId || undefined,
    async (_key, signal) => {
      const [members, invitations] = await Promise.all([listMembers(this.organizationId, signal), listInvitations(this.organizationId, signal)]);
      return { members: members.items, invitations: invitations.items };
    },
  );

  constructor() {
    super();
    this.organizationId = '';
    this.email = '';
    this.role = 'caseworker';
    this.problems = new FieldProblems();
    this.message = '';
    this.busy = false;
  }

  #reload(message: string): void {
    this.message = message;
    this.#people.retry();
  }

  async #run(action: () => Promise<unknown>, done: string): Promise<void> {
    this.busy = true;
    try {
      await action();
      this.#reload(done);
    } catch (error) {
      this.message = error instanceof ApiError && !error.isNetwork ? (error.problem.detail ?? error.problem.title) : this.#i18n.t('error.network');
    } finally {
      this.busy = false;
    }
  }

  async #invite(event: Event): Promise<void> {
    event.preventDefault();
    const input = { email: this.email.trim(), role: this.role, organizationId: this.organizationId };
    const checked = check(InvitationBody, input);
    if (!checked.ok) {
      this.problems = checked.problems;
      return;
    }
    this.problems = new FieldProblems();
    this.busy = true;
    try {
      await inviteMember(input);
      this.email = '';
      this.#reload(this.#i18n.t('workspace.members.invited', { email: input.email }));
    } catch (error) {
      this.problems = FieldProblems.fromApi(error) ?? new FieldProblems([{ field: 'email', message: error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : this.#i18n.t('error.network') }]);
    } finally {
      this.busy = false;
    }
  }

  #roleOptions(selected: string) {
    return MEMBER_ROLES.map((role) => html`<option value=${role} ?selected=${role === selected}>${this.#i18n.t(`workspace.role.${role}`)}</option>`);
  }

  #renderMembers(members: Member[]) {
    const t = this.#i18n;
    const me = session.user?.id;
    return html`<div class="table-wrap"><table>
      <caption>${t.t('workspace.members.title')}</caption>
      <thead>
        <tr>
          <th scope="col">${t.t('workspace.members.name')}</th>
          <th scope="col">${t.t('workspace.members.email')}</th>
          <th scope="col">${t.t('workspace.members.role')}</th>
          <th scope="col">${t.t('workspace.members.actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${members.map(
          (m) => html`<tr>
            <th scope="row" dir="auto">${m.name}</th>
            <td><bdi class="ltr">${m.email}</bdi></td>
            <td>
              ${m.id === me
                ? t.t(`workspace.role.${m.role}`)
                : html`<label class="visually-hidden" for="role-${m.id}">${t.t('workspace.members.roleOf', { name: m.name })}</label>
                    <select
                      id="role-${m.id}"
                      ?disabled=${this.busy}
                      @change=${(e: Event) =>
                        void this.#run(
                          () => changeMemberRole(this.organizationId, m.id, (e.target as HTMLSelectElement).value as MemberRole),
                          t.t('workspace.members.roleChanged', { name: m.name }),
                        )}
                    >
                      ${this.#roleOptions(m.role)}
                    </select>`}
            </td>
            <td>
              ${m.id === me
                ? nothing
                : html`<button
                    type="button"
                    class="button secondary"
                    ?disabled=${this.busy}
                    @click=${() => {
                      if (confirm(t.t('workspace.members.confirmRemove', { name: m.name }))) {
                        void this.#run(() => removeMember(this.organizationId, m.id), t.t('workspace.members.removed', { name: m.name }));
                      }
                    }}
                  >
                    ${t.t('workspace.members.remove', { name: m.name })}
                  </button>`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  #renderInvite() {
    const t = this.#i18n;
    const p = this.problems;
    return html`<form class="invite" novalidate @submit=${(e: Event) => void this.#invite(e)}>
      <h3>${t.t('workspace.members.invite')}</h3>
      <div class="field-row">
        <div class="field">
          <label for="invite-email">${t.t('workspace.members.email')}</label>
          <input
            id="invite-email"
            type="email"
            dir="ltr"
            autocomplete="off"
            .value=${this.email}
            aria-invalid=${p.invalid('email')}
            aria-describedby=${ifDefined(p.describedBy('email'))}
            @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
          />
          ${p.render('email')}
        </div>
        <div class="field">
          <label for="invite-role">${t.t('workspace.members.role')}</label>
          <select id="invite-role" @change=${(e: Event) => (this.role = (e.target as HTMLSelectElement).value as MemberRole)}>
            ${this.#roleOptions(this.role)}
          </select>
          ${p.render('role')}
        </div>
      </div>
      <button type="submit" class="button" ?disabled=${this.busy}>${t.t('workspace.members.send')}</button>
    </form>`;
  }

  override render() {
    const t = this.#i18n;
    const state = this.#people.state;
    const people = state.state === 'ready' ? state.value : undefined;
    return html`<h2>${t.t('workspace.section.members')}</h2>
      <p role="status" class="status">${this.message}</p>
      ${people ? this.#renderMembers(people.members) : renderLoadStatus(t, state, () => this.#people.retry())}
      ${this.#renderInvite()}
      <h3>${t.t('workspace.members.pending')}</h3>
      ${people?.invitations.length
        ? html`<ul class="records">
            ${people.invitations.map(
              (i) => html`<li>
                <bdi class="ltr">${i.email}</bdi>
                <span class="muted">${t.t(`workspace.role.${i.role}`)} · ${t.t('workspace.members.expires', { date: t.date(i.expiresAt) })}</span>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${t.t('workspace.members.noPending')}</p>`}`;
  }
}

customElements.define('ct-workspace-members', WorkspaceMembers);

declare global {
  interface HTMLElementTagNameMap {
    'ct-workspace-members': WorkspaceMembers;
  }
}
