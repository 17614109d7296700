import { html, nothing } from 'lit';
import { PasswordChangeBody } from '../../../../../server/contract/accounts/auth.schemas.js';
import { changePassword } from '../../../api/admin.js';
import { check, FieldProblems, localised } from '../../../forms/field-problems.js';
import { navigate } from '../../../router.js';
import { session, SessionController } from '../../../session.js';
import { roleLabel } from '../../admin/roles.js';
import { AccountForm } from '../account-form.js';
import { newPasswordProblems, renderNewPassword } from '../password-fields.js';

/** /account: who is signed in, and changing the password. */
export class AccountProfile extends AccountForm {
  readonly #session = new SessionController(this);

  override updated(): void {
    // Signed out (or the session ended): sign in, then come back here.
    if (session.loaded && !session.user) navigate('/sign-in?next=%2Faccount', { replace: true });
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const i18n = this.i18n;
    const user = this.#session.user;
    if (!user) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const checked = check(PasswordChangeBody, { currentPassword: String(data.get('currentPassword') ?? ''), newPassword: String(data.get('newPassword') ?? '') });
    const problems = [
      ...(checked.ok ? [] : localised(checked.problems, { currentPassword: i18n.t('account.currentRequired') })),
      ...newPasswordProblems(i18n, data, 'newPassword', { email: user.email, name: user.name }),
    ];
    if (!this.accept(new FieldProblems(problems)) || !checked.ok) return;
    const messages = { currentPassword: i18n.t('account.currentWrong'), newPassword: i18n.t('account.password.rejected') };
    if (await this.attempt(() => changePassword(checked.value), messages)) form.reset();
  }

  override render() {
    const i18n = this.i18n;
    const user = this.#session.user;
    if (!user) return html`<p class="muted" role="status">${i18n.t('app.loading')}</p>`;
    const p = this.problems;
    return html`<h1>${i18n.t('nav.accountSettings')}</h1>
      <dl>
        <dt>${i18n.t('account.name')}</dt>
        <dd>${user.name}</dd>
        <dt>${i18n.t('account.email')}</dt>
        <dd><bdi class="ltr">${user.email}</bdi></dd>
        <dt>${i18n.t('account.role')}</dt>
        <dd>${roleLabel(i18n, user.role)}</dd>
        ${user.organization
          ? html`<dt>${i18n.t('account.organization')}</dt>
              <dd>${typeof user.organization.name === 'string' ? user.organization.name : i18n.text(user.organization.name)}</dd>`
          : nothing}
      </dl>
      <h2>${i18n.t('account.changePassword')}</h2>
      <p class="status" role="status">${this.done ? i18n.t('account.passwordChanged') : ''}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      <form novalidate @submit=${this.#submit}>
        <div>
          <label for="currentPassword">${i18n.t('account.currentPassword')}</label>
          <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" dir="ltr" required
            aria-invalid=${p.invalid('currentPassword')} aria-describedby=${p.describedBy('currentPassword') ?? nothing} />
          ${p.render('currentPassword')}
        </div>
        ${renderNewPassword(i18n, p, 'newPassword')}
        <p class="hint">${i18n.t('account.otherSessionsEnd')}</p>
        <div><button class="button" type="submit" ?disabled=${this.busy}>${i18n.t('account.changePassword')}</button></div>
      </form>`;
  }
}

customElements.define('ct-account-profile', AccountProfile);

declare global {
  interface HTMLElementTagNameMap {
    'ct-account-profile': AccountProfile;
  }
}
