import { html, LitElement, nothing, render, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { getMeta } from '../../api/client.js';
import type { Meta } from '../../../../server/contract/site/meta.schemas.js';
import { I18nController, languageState } from '../../i18n/i18n.js';
import { OfflineController } from '../../offline.js';
import { can } from '../../permissions.js';
import { RouteController, router, SIGNED_IN_ROUTES, type RouteName } from '../../router.js';
import { session, SessionController } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import '../language-switch/language-switch.js';
import '../referral-badge/referral-badge.js';
import { styles } from './app-shell.styles.js';

/** Screens are separate chunks, fetched when first visited. */
const VIEWS: Record<RouteName, { load: () => Promise<unknown>; tag: string }> = {
  directory: { load: () => import('../../views/directory/directory-view.js'), tag: 'ct-directory-view' },
  service: { load: () => import('../../views/service/service-view.js'), tag: 'ct-service-view' },
  'service-capacity': { load: () => import('../../views/service-capacity/service-capacity-view.js'), tag: 'ct-service-capacity-view' },
  organization: { load: () => import('../../views/organization/organization-view.js'), tag: 'ct-organization-view' },
  governorate: { load: () => import('../../views/governorate/governorate-view.js'), tag: 'ct-governorate-view' },
  'governorate-print': {
    load: () => import('../../views/governorate-print/governorate-print-view.js'),
    tag: 'ct-governorate-print-view',
  },
  coverage: { load: () => import('../../views/coverage/coverage-view.js'), tag: 'ct-coverage-view' },
  help: { load: () => import('../../views/help/help-view.js'), tag: 'ct-help-view' },
  'sign-in': { load: () => import('../../views/sign-in/sign-in-view.js'), tag: 'ct-sign-in-view' },
  account: { load: () => import('../../views/account/account-view.js'), tag: 'ct-account-view' },
  workspace: { load: () => import('../../views/workspace/workspace-view.js'), tag: 'ct-workspace-view' },
  referrals: { load: () => import('../../views/referrals/referral-list-view.js'), tag: 'ct-referral-list-view' },
  'referral-new': { load: () => import('../../views/referrals/referral-wizard-view.js'), tag: 'ct-referral-wizard-view' },
  referral: { load: () => import('../../views/referrals/referral-view.js'), tag: 'ct-referral-view' },
  admin: { load: () => import('../../views/admin/admin-view.js'), tag: 'ct-admin-view' },
  'not-found': { load: () => import('../../views/not-found/not-found-view.js'), tag: 'ct-not-found-view' },
};

/**
 * The page frame: skip link, sample-data banner, header (navigation, account, language), the
 * current screen and the footer. The <main> holding the screen is a light-DOM child slotted into
 * the frame, so the skip link's #main is a real fragment of the document (tools that follow it,
 * like assistive tech and axe, cannot see ids inside a shadow root).
 */
export class AppShell extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    meta: { state: true },
    viewState: { state: true },
    menuOpen: { state: true },
  };

  declare meta: Meta | null;
  declare viewState: 'loading' | 'ready' | 'failed';
  /** The navigation panel on narrow screens (on wide ones it is always shown and the button hidden). */
  declare menuOpen: boolean;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #session = new SessionController(this);
  readonly #offline = new OfflineController(this);
  readonly #onConnectivity = () => this.requestUpdate();
  #viewName: RouteName | undefined;
  /** The screen shown while last online (see #needsConnection). */
  #openedOnline: string | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #main = Object.assign(document.createElement('main'), { id: 'main', tabIndex: -1, slot: 'main' });

  constructor() {
    super();
    this.meta = null;
    this.viewState = 'loading';
    this.menuOpen = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.append(this.#main);
    getMeta().then(
      (meta) => (this.meta = meta),
      () => (this.meta = null),
    );
    void session.load();
    window.addEventListener('online', this.#onConnectivity);
    window.addEventListener('offline', this.#onConnectivity);
    this.#unsubscribe = router.subscribe((route, previous) => {
      this.menuOpen = false;
      if (route.path === previous.path) return;
      // A new screen: move focus to it so keyboard and screen-reader users start at its top.
      void this.updateComplete.then(() => this.#main.focus({ preventScroll: true }));
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onConnectivity);
    window.removeEventListener('offline', this.#onConnectivity);
    this.#unsubscribe?.();
  }

  /** The first paint waits for the reader's language (fetched on demand), so it is never English first. */
  protected override async scheduleUpdate(): Promise<void> {
    await languageState.ready;
    super.scheduleUpdate();
  }

  override willUpdate(): void {
    const name = this.#routes.route.name;
    if (navigator.onLine) this.#openedOnline = this.#routes.route.path;
    if (this.#mustSignIn()) {
      const here = location.pathname + location.search;
      router.navigate(`/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
      return;
    }
    if (name !== this.#viewName) void this.#loadView(name);
  }

  /** A signed-in screen with nobody signed in (known once the session has loaded and the server answered). */
  #mustSignIn(): boolean {
    return SIGNED_IN_ROUTES.has(this.#routes.route.name) && session.loaded && !session.unreachable && !this.#session.user;
  }

  /**
   * Signed-in screens (referrals above all) are never kept on the device, so offline they say they
   * need a connection rather than fail or send the user to a sign-in that cannot work.
   */
  #needsConnection(): boolean {
    const route = this.#routes.route;
    // A screen already open when the connection drops stays: the wizard keeps what was typed and saves it later.
    const openBeforeDrop = route.path === this.#openedOnline;
    return SIGNED_IN_ROUTES.has(route.name) && (session.unreachable || (!navigator.onLine && !openBeforeDrop));
  }

  async #loadView(name: RouteName): Promise<void> {
    this.#viewName = name;
    this.viewState = 'loading';
    try {
      await VIEWS[name].load();
      if (router.route.name === name) this.viewState = 'ready';
    } catch {
      this.viewState = 'failed';
    }
  }

  #skipToMain(event: Event): void {
    event.preventDefault();
    this.#main.focus();
  }

  #toggleMenu(): void {
    this.menuOpen = !this.menuOpen;
    // Opening moves focus into the panel, so the next Tab is its first link.
    if (this.menuOpen) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#site-menu a')?.focus());
  }

  /** Escape closes the open menu and gives focus back to its button. */
  #onHeaderKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.menuOpen) return;
    this.menuOpen = false;
    this.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus();
  }

  async #signOut(): Promise<void> {
    await session.signOut();
    router.navigate('/');
  }

  #renderAccount() {
    const t = this.#i18n;
    const user = this.#session.user;
    if (!user) {
      const next = router.route.name === 'sign-in' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
      return html`<a class="nav-link" href="/sign-in${next}">${t.t('nav.signIn')}</a>`;
    }
    const organization = user.organization
      ? typeof user.organization.name === 'string'
        ? user.organization.name
        : t.text(user.organization.name)
      : '';
    const label = organization ? t.t('signIn.organization', { name: user.name, organization }) : user.name;
    return html`<a class="nav-link account" href="/account" title=${user.email}>${t.t('nav.account', { name: label })}</a>
      <button type="button" class="nav-link link-button" @click=${() => void this.#signOut()}>${t.t('nav.signOut')}</button>`;
  }

  /** Links to the signed-in areas the user's role can use. */
  #renderSignedInLinks(name: RouteName) {
    const user = this.#session.user;
    const t = this.#i18n;
    const link = (href: string, label: unknown, current: boolean) =>
      html`<a class="nav-link" href=${href} aria-current=${current ? 'page' : nothing}>${label}</a>`;
    return html`${can(user, 'referral:send') || can(user, 'referral:receive')
      ? link(
          '/referrals',
          html`${t.t('nav.referrals')} ${can(user, 'referral:receive') ? html`<ct-referral-badge></ct-referral-badge>` : nothing}`,
          name === 'referrals' || name === 'referral' || name === 'referral-new',
        )
      : nothing}
    ${user?.organization ? link('/workspace', t.t('nav.workspace'), name === 'workspace') : nothing}
    ${user?.role === 'platform-admin' ? link('/admin', t.t('nav.admin'), name === 'admin') : nothing}`;
  }

  #renderView() {
    if (this.#needsConnection()) {
      return html`<div class="error" role="alert">
        <p>${this.#i18n.t('app.needsConnection')}</p>
        <button type="button" class="button" @click=${() => void session.load()}>${this.#i18n.t('app.retry')}</button>
      </div>`;
    }
    if (this.viewState === 'failed') {
      return html`<div class="error" role="alert">
        <p>${this.#i18n.t('error.network')}</p>
        <button type="button" class="button" @click=${() => void this.#loadView(this.#routes.route.name)}>
          ${this.#i18n.t('app.retry')}
        </button>
      </div>`;
    }
    const waitingForSession = SIGNED_IN_ROUTES.has(this.#routes.route.name) && !session.loaded;
    if (this.viewState === 'loading' || waitingForSession) {
      return html`<p class="muted" role="status">${this.#i18n.t('app.loading')}</p>`;
    }
    const tag = unsafeStatic(VIEWS[this.#routes.route.name].tag);
    return staticHtml`<${tag}></${tag}>`;
  }

  /** The screen goes into the light-DOM <main>, after the frame itself is rendered. */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.#main.classList.toggle('wide', this.#routes.route.name === 'directory');
    render(this.#renderView(), this.#main, { host: this });
  }

  override render() {
    const t = this.#i18n;
    const name = this.#routes.route.name;
    return html`
      <a class="skip-link" href="#main" @click=${this.#skipToMain}>${t.t('app.skipLink')}</a>
      ${this.#offline.storedAt
        ? html`<aside class="offline-banner" role="status">${t.t('app.offlineBanner', { date: t.date(this.#offline.storedAt) })}</aside>`
        : nothing}
      ${this.meta?.sampleData ? html`<aside class="sample-banner" aria-label=${t.t('app.sampleLabel')}>${t.t('app.sampleBanner')}</aside>` : nothing}
      <header @keydown=${this.#onHeaderKeydown}>
        <div class="header-inner">
          <a class="brand" href="/">
            <span class="brand-title">${t.t('app.title')}</span>
            <span class="brand-region">${t.t('app.region')}</span>
          </a>
          <button
            type="button"
            class="menu-button"
            aria-expanded=${this.menuOpen ? 'true' : 'false'}
            aria-controls="site-menu"
            @click=${this.#toggleMenu}
          >
            <span class="menu-icon" aria-hidden="true"></span>${t.t('nav.menu')}
          </button>
          <div id="site-menu" class=${this.menuOpen ? 'menu open' : 'menu'}>
            <nav aria-label=${t.t('nav.label')}>
              <a class="nav-link" href="/" aria-current=${name === 'directory' ? 'page' : nothing}>${t.t('nav.directory')}</a>
              <a class="nav-link" href="/coverage" aria-current=${name === 'coverage' ? 'page' : nothing}>${t.t('nav.coverage')}</a>
              <a class="nav-link" href="/help" aria-current=${name === 'help' ? 'page' : nothing}>${t.t('nav.help')}</a>
              ${this.#renderSignedInLinks(name)} ${this.#renderAccount()}
            </nav>
            <ct-language-switch></ct-language-switch>
          </div>
        </div>
      </header>
      <slot name="main"></slot>
      <footer><p>${t.t('app.footer')}</p></footer>
    `;
  }
}

customElements.define('ct-app', AppShell);

declare global {
  interface HTMLElementTagNameMap {
    'ct-app': AppShell;
  }
}
