import type { ReactiveControllerHost } from 'lit';
import { SubscriptionController } from './subscription-controller.js';

/** Client-side routes. Every screen has a real URL that can be shared, bookmarked and reloaded. */
export type RouteName =
  | 'directory'
  | 'service'
  | 'service-capacity'
  | 'organization'
  | 'governorate'
  | 'governorate-print'
  | 'coverage'
  | 'help'
  | 'sign-in'
  | 'account'
  | 'workspace'
  | 'referrals'
  | 'referral-new'
  | 'referral'
  | 'admin'
  | 'not-found';

export interface Route {
  name: RouteName;
  /** Path parameters, e.g. `id` of /services/:id or `code` of /governorates/:code. */
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
}

const PATTERNS: Array<{ name: RouteName; pattern: RegExp; keys: string[] }> = [
  { name: 'directory', pattern: /^\/$/, keys: [] },
  { name: 'service', pattern: /^\/services\/([^/]+)$/, keys: ['id'] },
  { name: 'service-capacity', pattern: /^\/services\/([^/]+)\/capacity$/, keys: ['id'] },
  { name: 'organization', pattern: /^\/organizations\/([^/]+)$/, keys: ['id'] },
  { name: 'governorate-print', pattern: /^\/governorates\/([^/]+)\/print$/, keys: ['code'] },
  { name: 'governorate', pattern: /^\/governorates\/([^/]+)$/, keys: ['code'] },
  { name: 'coverage', pattern: /^\/coverage$/, keys: [] },
  { name: 'help', pattern: /^\/help$/, keys: [] },
  { name: 'sign-in', pattern: /^\/sign-in$/, keys: [] },
  // Account pages reached from mail links (invitation, password reset) or the header: /account/<section>.
  { name: 'account', pattern: /^\/account(?:\/([^/]+))?$/, keys: ['section'] },
  // The organisation workspace: /workspace, /workspace/services, /workspace/services/<id>…
  { name: 'workspace', pattern: /^\/workspace(?:\/([^/]+)(?:\/([^/]+))?)?$/, keys: ['section', 'id'] },
  { name: 'referrals', pattern: /^\/referrals$/, keys: [] },
  { name: 'referral-new', pattern: /^\/referrals\/new$/, keys: [] },
  { name: 'referral', pattern: /^\/referrals\/([^/]+)$/, keys: ['id'] },
  { name: 'admin', pattern: /^\/admin(?:\/([^/]+))?$/, keys: ['section'] },
];

/** Screens that need an account: visiting one signed out goes to sign-in, then back. */
export const SIGNED_IN_ROUTES: ReadonlySet<RouteName> = new Set(['service-capacity', 'workspace', 'referrals', 'referral-new', 'referral', 'admin']);

export function matchRoute(url: URL): Route {
  const path = url.pathname.replace(/(.)\/+$/, '$1');
  for (const { name, pattern, keys } of PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(
      keys.flatMap((key, i) => (match[i + 1] === undefined ? [] : [[key, decodeURIComponent(match[i + 1] ?? '')]])),
    );
    return { name, params, query: url.searchParams, path };
  }
  return { name: 'not-found', params: {}, query: url.searchParams, path };
}

type Listener = (route: Route, previous: Route) => void;

class RouterState {
  #route: Route = matchRoute(new URL(location.href));
  readonly #listeners = new Set<Listener>();

  constructor() {
    window.addEventListener('popstate', () => this.#update());
    document.addEventListener('click', (event) => this.#interceptLink(event));
  }

  get route(): Route {
    return this.#route;
  }

  navigate(href: string, options: { replace?: boolean } = {}): void {
    const url = new URL(href, location.href);
    if (url.href === location.href) return;
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.#update();
    if (!options.replace && !url.hash) window.scrollTo(0, 0);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #update(): void {
    const previous = this.#route;
    this.#route = matchRoute(new URL(location.href));
    for (const listener of this.#listeners) listener(this.#route, previous);
  }

  /** Same-origin links anywhere, including inside shadow roots and map popups, navigate without a reload. */
  #interceptLink(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || /^\/(api|hsds)\//.test(url.pathname)) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    this.navigate(url.href);
  }
}

export const router = new RouterState();

export function navigate(href: string, options?: { replace?: boolean }): void {
  router.navigate(href, options);
}

/** Re-renders its host whenever the URL changes. */
export class RouteController extends SubscriptionController {
  constructor(host: ReactiveControllerHost) {
    super(host, (listener) => router.subscribe(listener));
  }

  get route(): Route {
    return router.route;
  }
}
