import { html, nothing } from 'lit';
import { AcceptBody } from '../../../../../server/contract/accounts/auth.schemas.js';
import { acceptInvitation } from '../../../api/admin.js';
import { check, FieldProblems, localised } from '../../../forms/field-problems.js';
import { AccountForm } from '../account-form.js';
import { newPasswordProblems, renderNewPassword } from '../password-fields.js';
import { tokenFromLocation } from '../token.js';

/** /account/accept-invitation#token=…: the invited person chooses their name and password. */
export class AcceptInvitation extends AccountForm {
  readonly #token = tokenFromLocation();

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const i18n = this.i18n;
    const data = new FormData(event.target as HTMLFormElement);
    const name = String(data.get('name') ?? '');
    const checked = check(AcceptBody, { token: this.#token, name, password: String(data.get('password') ?? '') });
    const messages = { name: i18n.t('account.nameRequired'), password: i18n.t('account.password.rejected') };
    const problems = [...(checked.ok ? [] : localised(checked.problems, messages)), ...newPasswordProblems(i18n, data, 'password', { name })];
    if (!this.accept(new FieldProblems(problems)) || !checked.ok) return;
    await this.attempt(() => acceptInvitation(checked.value), messages, i18n.t('account.invitationInvalid'));
  }

  override render() {
    const i18n = this.i18n;
    const p = this.problems;
    if (this.done) {
      return html`<h1>${i18n.t('account.accept.title')}</h1>
        <p class="notice" role="status">${i18n.t('account.accept.done')}</p>
        <p><a class="button" href="/sign-in?next=%2Faccount">${i18n.t('nav.signIn')}</a></p>`;
    }
    return html`<h1>${i18n.t('account.accept.title')}</h1>
      <p>${i18n.t('account.accept.intro')}</p>
      ${this.#token ? nothing : html`<p class="error" role="alert">${i18n.t('account.invitationInvalid')}</p>`}
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      <form novalidate @submit=${this.#submit}>
        <div>
          <label for="name">${i18n.t('account.name')}</label>
          <input id="name" name="name" autocomplete="name" required aria-invalid=${p.invalid('name')} aria-describedby=${p.describedBy('name') ?? nothing} />
          ${p.render('name')}
        </div>
        ${renderNewPassword(i18n, p, 'password')}
        <div><button class="button" type="submit" ?disabled=${this.busy || !this.#token}>${i18n.t('account.accept.submit')}</button></div>
      </form>`;
  }
}

customElements.define('ct-accept-invitation', AcceptInvitation);

declare global {
  interface HTMLElementTagNameMap {
    'ct-accept-invitation': AcceptInvitation;
  }
}
