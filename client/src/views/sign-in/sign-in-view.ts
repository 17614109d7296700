import { html, LitElement, nothing } from 'lit';
import { ApiError } from '../../api/client.js';
import type { FieldProblem } from '../../api/types.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { navigate, RouteController } from '../../router.js';
import { session } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './sign-in-view.styles.js';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

/** Sign-in for staff of member organisations; returns to the page that asked for it. */
export class SignInView extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    busy: { state: true },
    failure: { state: true },
    fieldProblems: { state: true },
  };

  declare busy: boolean;
  declare failure: string | null;
  declare fieldProblems: FieldProblem[];

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);

  constructor() {
    super();
    this.busy = false;
    this.failure = null;
    this.fieldProblems = [];
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.failure = null;
    this.fieldProblems = [];
    try {
      await session.signIn(String(data.get('email') ?? ''), String(data.get('password') ?? ''));
      navigate(safeNext(this.#routes.route.query.get('next')), { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.failure = this.#i18n.t('signIn.failed');
      else if (error instanceof ApiError && error.problem.errors?.length) this.fieldProblems = error.problem.errors;
      else if (error instanceof ApiError && !error.isNetwork) this.failure = error.problem.detail ?? this.#i18n.t('error.generic');
      else this.failure = this.#i18n.t('error.network');
    } finally {
      this.busy = false;
    }
  }

  #fieldError(field: string) {
    const problem = this.fieldProblems.find((p) => p.field === field);
    return problem ? html`<p class="field-error" id="${field}-error">${problem.message}</p>` : nothing;
  }

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('signIn.title'));
    const asked = this.#routes.route.query.has('next');
    return html`<h1>${i18n.t('signIn.title')}</h1>
      ${asked ? html`<p class="notice">${i18n.t('signIn.required')}</p>` : nothing}
      <p>${i18n.t('signIn.intro')}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      <form @submit=${this.#submit} aria-busy=${this.busy ? 'true' : 'false'}>
        <div>
          <label for="email">${i18n.t('signIn.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            dir="ltr"
            required
            aria-invalid=${this.fieldProblems.some((p) => p.field === 'email') ? 'true' : 'false'}
            aria-describedby=${this.fieldProblems.some((p) => p.field === 'email') ? 'email-error' : nothing}
          />
          ${this.#fieldError('email')}
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
            aria-invalid=${this.fieldProblems.some((p) => p.field === 'password') ? 'true' : 'false'}
            aria-describedby=${this.fieldProblems.some((p) => p.field === 'password') ? 'password-error' : nothing}
          />
          ${this.#fieldError('password')}
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
