import { html, nothing } from 'lit';
import { ResetCompleteBody, ResetRequestBody } from '../../../../../server/contract/accounts/auth.schemas.js';
import { completePasswordReset, requestPasswordReset } from '../../../api/admin.js';
import { check, FieldProblems, localised } from '../../../forms/field-problems.js';
import { AccountForm } from '../account-form.js';
import { newPasswordProblems, renderNewPassword } from '../password-fields.js';
import { tokenFromLocation } from '../token.js';

/** /account/reset-password: ask for a reset link by email; with `#token=…` from that link, choose a new password. */
export class ResetPassword extends AccountForm {
  readonly #token = tokenFromLocation();

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const i18n = this.i18n;
    const data = new FormData(event.target as HTMLFormElement);
    const messages = { email: i18n.t('account.emailInvalid'), password: i18n.t('account.password.rejected') };
    if (!this.#token) {
      const checked = check(ResetRequestBody, { email: String(data.get('email') ?? '') });
      if (!this.accept(new FieldProblems(checked.ok ? [] : localised(checked.problems, messages))) || !checked.ok) return;
      await this.attempt(() => requestPasswordReset(checked.value.email), messages);
      return;
    }
    const checked = check(ResetCompleteBody, { token: this.#token, password: String(data.get('password') ?? '') });
    const problems = [...(checked.ok ? [] : localised(checked.problems, messages)), ...newPasswordProblems(i18n, data, 'password', {})];
    if (!this.accept(new FieldProblems(problems)) || !checked.ok) return;
    await this.attempt(() => completePasswordReset(checked.value), messages, i18n.t('account.reset.invalid'));
  }

  override render() {
    const i18n = this.i18n;
    const p = this.problems;
    const title = html`<h1>${i18n.t('account.reset.title')}</h1>`;
    if (this.done) {
      return this.#token
        ? html`${title}
            <p class="notice" role="status">${i18n.t('account.reset.done')}</p>
            <p><a class="button" href="/sign-in">${i18n.t('nav.signIn')}</a></p>`
        : html`${title}<p class="notice" role="status">${i18n.t('account.reset.sent')}</p>`;
    }
    return html`${title}
      <p>${i18n.t(this.#token ? 'account.reset.chooseIntro' : 'account.reset.requestIntro')}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure} <a href="/account/reset-password">${i18n.t('account.reset.again')}</a></p>` : nothing}
      <form novalidate @submit=${this.#submit}>
        ${this.#token
          ? renderNewPassword(i18n, p, 'password')
          : html`<div>
              <label for="email">${i18n.t('account.email')}</label>
              <input id="email" name="email" type="email" autocomplete="username" dir="ltr" required
                aria-invalid=${p.invalid('email')} aria-describedby=${p.describedBy('email') ?? nothing} />
              ${p.render('email')}
            </div>`}
        <div>
          <button class="button" type="submit" ?disabled=${this.busy}>${i18n.t(this.#token ? 'account.reset.submit' : 'account.reset.send')}</button>
        </div>
      </form>`;
  }
}

customElements.define('ct-reset-password', ResetPassword);

declare global {
  interface HTMLElementTagNameMap {
    'ct-reset-password': ResetPassword;
  }
}
