import { html, LitElement, nothing } from 'lit';
import { LoginBody } from '../../../../server/contract/accounts/auth.schemas.js';
import { ApiError } from '../../api/client.js';
import { check, FieldProblems, focusFirstInvalid, localised } from '../../forms/field-problems.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { navigate, RouteController } from '../../router.js';
import { session } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { accountStyles } from '../account/account.styles.js';
import { failureMessage } from '../admin/failure.js';
import { styles } from './sign-in-view.styles.js';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

/** Sign-in for staff of member organisations; returns to the page that asked for it. */
export class SignInView extends LitElement {
  static override styles = [sharedStyles, accountStyles, styles];
  static override properties = {
    busy: { state: true },
    failure: { state: true },
    fieldProblems: { state: true },
  };

  declare busy: boolean;
  declare failure: string | null;
  declare fieldProblems: FieldProblems;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);

  constructor() {
    super();
    this.busy = false;
    this.failure = null;
    this.fieldProblems = new FieldProblems();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.failure = null;
    const checked = check(LoginBody, { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') });
    if (!checked.ok) {
      this.fieldProblems = new FieldProblems(localised(checked.problems, this.#messages()));
      await focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    this.fieldProblems = new FieldProblems();
    try {
      await session.signIn(checked.value.email, checked.value.password);
      navigate(safeNext(this.#routes.route.query.get('next')), { replace: true });
    } catch (error) {
      const fields = FieldProblems.fromApi(error);
      if (error instanceof ApiError && error.status === 401) this.failure = this.#i18n.t('signIn.failed');
      else if (fields) {
        this.fieldProblems = new FieldProblems(localised(fields, this.#messages()));
        void focusFirstInvalid(this);
      }
      else this.failure = failureMessage(this.#i18n, error);
    } finally {
      this.busy = false;
    }
  }

  #messages(): Record<string, string> {
    return { email: this.#i18n.t('account.emailInvalid'), password: this.#i18n.t('account.passwordRequired') };
  }

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('signIn.title'));
    const asked = this.#routes.route.query.has('next');
    const problems = this.fieldProblems;
    return html`<h1>${i18n.t('signIn.title')}</h1>
      ${asked ? html`<p class="notice">${i18n.t('signIn.required')}</p>` : nothing}
      <p>${i18n.t('signIn.intro')}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      <form novalidate @submit=${this.#submit} aria-busy=${this.busy ? 'true' : 'false'}>
        <div>
          <label for="email">${i18n.t('signIn.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            dir="ltr"
            required
            aria-invalid=${problems.invalid('email')}
            aria-describedby=${problems.describedBy('email') ?? nothing}
          />
          ${problems.render('email')}
        </div>
        <div>
          <label for="password">${i18n.t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            dir="ltr"
            required
            aria-invalid=${problems.invalid('password')}
            aria-describedby=${problems.describedBy('password') ?? nothing}
          />
          ${problems.render('password')}
          <p class="hint"><a href="/account/reset-password">${i18n.t('account.forgotPassword')}</a></p>
        </div>
        <div><button class="button" type="submit" ?disabled=${this.busy}>${i18n.t('signIn.submit')}</button></div>
      </form>`;
  }
}

customElements.define('ct-sign-in-view', SignInView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-sign-in-view': SignInView;
  }
}
