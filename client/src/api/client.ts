import { languageState } from '../i18n/i18n.js';
import type { Lang } from '../i18n/types.js';
import { offlineState } from '../offline.js';
import { navigate } from '../router.js';
import type { Facets } from '../../../server/contract/directory/search/facets.schemas.js';
import type {
  GovernorateView as Governorate,
  GovernorateCollection,
  GovernorateList,
} from '../../../server/contract/directory/governorates/governorate.schemas.js';
import type { MapPoints } from '../../../server/contract/directory/search/map.schemas.js';
import type { Meta } from '../../../server/contract/site/meta.schemas.js';
import type { OrganizationDetail } from '../../../server/contract/directory/organizations/organization.schemas.js';
import type { Page } from '../../../server/contract/directory/records/page.schemas.js';
import type { ProblemView as Problem } from '../../../server/contract/problem.schemas.js';
import type { ServiceDetail, ServiceSummary } from '../../../server/contract/directory/services/service.schemas.js';
import type { ServicePage } from '../../../server/contract/directory/search/service-page.schemas.js';
import type { CsrfView, LoginView, SessionView, UserView as User } from '../../../server/contract/accounts/account.schemas.js';
import type { WayOn } from '../../../server/contract/directory/search/way-on.schemas.js';
import type { HotlineList } from '../../../server/contract/directory/hotlines/hotline.schemas.js';
import type { LegalFrameList } from '../../../server/contract/directory/legal-frames/legal-frame.schemas.js';
import type { TermList } from '../../../server/contract/directory/taxonomy/taxonomy.schemas.js';

const BASE = '/api/v1';

/** A view type of the contract after JSON: dates arrive as ISO strings. */
export type OverTheWire<T> = T extends Date
  ? string
  : T extends readonly (infer E)[]
    ? OverTheWire<E>[]
    : T extends object
      ? { [K in keyof T]: OverTheWire<T[K]> }
      : T;

/** Any failed API call: the server's problem details, or a synthetic one (status 0) when the network failed. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly problem: Problem;
  /** Seconds the server asked us to wait before trying again (Retry-After), when it said. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return this.problem.status;
  }

  get isNetwork(): boolean {
    return this.problem.status === 0;
  }
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type Query = Record<string, QueryValue>;

/** Query string without empty values; lists are sent comma-separated. */
export function toSearchParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => null)) as Partial<Problem> | null;
    if (body && typeof body.title === 'string') return { type: 'about:blank', ...body, title: body.title, status: response.status };
  }
  return { type: 'about:blank', title: response.statusText || 'Error', status: response.status };
}

/** A record as read for editing: its body and the ETag to send back as If-Match when saving it. */
// eslint-disable-next-line no-restricted-syntax -- pairs an answer's body (typed from the contract) with its ETag header; no body has this shape
export interface Versioned<T> {
  value: T;
  etag: string;
}

async function fetchOk(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    // Problems (errors and their field messages) come back in the interface language.
    const headers = new Headers(init.headers);
    headers.set('Accept-Language', languageState.lang);
    response = await fetch(`${BASE}${path}`, { credentials: 'same-origin', ...init, headers });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0 });
  }
  offlineState.note(response);
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After') ?? NaN);
    throw new ApiError(await problemOf(response), Number.isFinite(retryAfter) ? retryAfter : undefined);
  }
  return response;
}

async function bodyOf<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  return bodyOf<T>(await fetchOk(path, init));
}

async function versioned<T>(response: Response): Promise<Versioned<T>> {
  return { value: await bodyOf<T>(response), etag: response.headers.get('ETag') ?? '' };
}

const withQuery = (path: string, query: Query) => {
  const search = toSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

/** A read answered 503 with Retry-After (the server is starting or its database is back soon) is asked again. */
const READ_RETRIES = 3;
const MAX_RETRY_AFTER_S = 30;

function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.status !== 503) return undefined;
  const seconds = error.retryAfter;
  return seconds !== undefined && seconds <= MAX_RETRY_AFTER_S ? seconds : undefined;
}

const pause = (ms: number, signal: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    }, { once: true });
  });

export async function get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  const init = { headers: { Accept: 'application/json' }, signal: signal ?? null };
  for (let attempt = 0; ; attempt++) {
    try {
      return await request<T>(withQuery(path, query), init);
    } catch (error) {
      const wait = retryAfterSeconds(error);
      if (wait === undefined || attempt >= READ_RETRIES) throw error;
      await pause(wait * 1000, init.signal);
    }
  }
}

const expiryListeners = new Set<() => void>();

/** Lets the session forget its user when the server says the session is gone. */
export function onSessionExpired(listener: () => void): void {
  expiryListeners.add(listener);
}

/** A signed-in call answered 401: the session expired. Sign in again, then come back to this page. */
function signInAgain(error: unknown): never {
  if (error instanceof ApiError && error.status === 401) {
    for (const listener of expiryListeners) listener();
    navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }
  throw error;
}

/** GET of something only an account may see (inbox, workspace, admin): a 401 goes to sign-in and back. */
export function getSignedIn<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  return get<T>(path, query, signal).catch(signInAgain);
}

/** GET of a record to edit, with its ETag (signed in: a 401 goes to sign-in and back). */
export async function getForEdit<T>(path: string, signal?: AbortSignal): Promise<Versioned<T>> {
  try {
    return await versioned<T>(await fetchOk(path, { headers: { Accept: 'application/json' }, signal: signal ?? null }));
  } catch (error) {
    return signInAgain(error);
  }
}

let csrfToken: Promise<string> | undefined;

function csrf(): Promise<string> {
  csrfToken ??= get<CsrfView>('/auth/csrf').then(
    (r) => r.token,
    (error: unknown) => {
      csrfToken = undefined;
      throw error;
    },
  );
  return csrfToken;
}

// eslint-disable-next-line no-restricted-syntax -- how this client sends a request, not what the server answers
interface SendOptions {
  /** A signed-in action: a 401 sends the user to sign in and back here. */
  signedIn?: boolean;
  /** The ETag the change is based on: the server answers 412 if the record changed since. */
  ifMatch?: string;
  /** Send `body` (a file) as it is, with this type, instead of as JSON. */
  contentType?: string;
  /** The same value on every retry of one creation, so the server creates it once. */
  idempotencyKey?: string;
}

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** State-changing request with the session's CSRF token; one retry with a fresh token if it went stale. */
async function sendForResponse(method: Method, path: string, body: unknown, options: SendOptions): Promise<Response> {
  const attempt = async () =>
    fetchOk(path, {
      method,
      headers: {
        Accept: 'application/json',
        'Content-Type': options.contentType ?? 'application/json',
        'X-CSRF-Token': await csrf(),
        ...(options.ifMatch ? { 'If-Match': options.ifMatch } : {}),
        ...(options.idempotencyKey ? { 'Idempotency-Key': `"${options.idempotencyKey}"` } : {}),
      },
      body: body === undefined ? null : options.contentType ? (body as Blob) : JSON.stringify(body),
    });
  try {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 403 && /csrf/i.test(`${error.problem.type} ${error.problem.title}`))) throw error;
      csrfToken = undefined;
      return await attempt();
    }
  } catch (error) {
    if (options.signedIn === false) throw error;
    return signInAgain(error);
  }
}

export async function send<T>(method: Method, path: string, body?: unknown, options: SendOptions = {}): Promise<T> {
  return bodyOf<T>(await sendForResponse(method, path, body, options));
}

/** A change whose answer is a record to keep editing: its new body and ETag. */
export async function sendVersioned<T>(method: Method, path: string, body?: unknown, options: SendOptions = {}): Promise<Versioned<T>> {
  return versioned<T>(await sendForResponse(method, path, body, options));
}

/** Memoises a reference-data request for the page's lifetime; a failure is forgotten so it can be retried. */
// eslint-disable-next-line no-restricted-syntax -- a memoised loader, not an answer
function once<T>(load: () => Promise<T>): (() => Promise<T>) & { forget(): void } {
  let cached: Promise<T> | undefined;
  const get = () => {
    cached ??= load().catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
  return Object.assign(get, { forget: () => (cached = undefined) });
}

export const getMeta = once(() => get<Meta>('/meta'));
export const getGovernorates = once(async () => (await get<GovernorateList>('/governorates')).items);
export const getGovernorateShapes = once(() => get<GovernorateCollection>('/governorates.geojson'));
export const getTaxonomy = once(async () => (await get<TermList>('/taxonomy')).items);

/**
 * Fetches a public answer that caches keep for a while (max-age) from the server again, so this
 * browser's next read of it, on any page, shows a change just made here. Best effort.
 */
export function refreshKeptCopy(path: string): Promise<void> {
  return fetch(`${BASE}${path}`, { cache: 'reload', headers: { Accept: 'application/json' } }).then(
    () => undefined,
    () => undefined,
  );
}

export const getHotlines = async (signal?: AbortSignal) => (await get<HotlineList>('/hotlines', {}, signal)).items;
export const getLegalFrames = async (signal?: AbortSignal) => (await get<LegalFrameList>('/legal-frames', {}, signal)).items;

export const getGovernorate = (code: string, signal?: AbortSignal) =>
  get<Governorate>(`/governorates/${encodeURIComponent(code)}`, {}, signal);
export const searchServices = (query: Query, signal?: AbortSignal) => get<ServicePage>('/services', query, signal);
/** Asked only when a search finds nothing: counts for each filter dropped, nearby categories, the hotline. */
export const getWayOn = (query: Query, signal?: AbortSignal) => get<WayOn>('/services/way-on', query, signal);
export const getFacets = (query: Query, signal?: AbortSignal) => get<Facets>('/services/facets', query, signal);
export const getMapServices = (query: Query, lang: Lang, signal?: AbortSignal) =>
  get<MapPoints>('/map/services', { ...query, lang }, signal);
export const getService = (id: string, signal?: AbortSignal) =>
  get<ServiceDetail>(`/services/${encodeURIComponent(id)}`, {}, signal);
export const getOrganization = (id: string, signal?: AbortSignal) =>
  get<OrganizationDetail>(`/organizations/${encodeURIComponent(id)}`, {}, signal);

/** Every page of a service search, up to `limit` items (the API serves at most 100 per page). */
export async function searchAllServices(query: Query, limit: number, signal?: AbortSignal): Promise<Page<ServiceSummary>> {
  const perPage = 100;
  const first = await searchServices({ ...query, perPage, page: 1 }, signal);
  const items = [...first.items];
  const pages = Math.ceil(Math.min(first.total, limit) / perPage);
  for (let page = 2; page <= pages; page++) {
    items.push(...(await searchServices({ ...query, perPage, page }, signal)).items);
  }
  return { ...first, items: items.slice(0, limit) };
}

/** Service details for many services, a few requests at a time; `onEach` sees each as it arrives. */
export async function getServiceDetails(
  ids: string[],
  onEach: (detail: ServiceDetail) => void,
  signal?: AbortSignal,
  concurrency = 6,
): Promise<void> {
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) onEach(await getService(id, signal));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}

/** The signed-in user, or null for an anonymous session. */
export async function getCurrentUser(): Promise<User | null> {
  return (await get<SessionView>('/auth/me')).user;
}

export async function login(email: string, password: string): Promise<User> {
  const { user } = await send<LoginView>('POST', '/auth/login', { email, password }, { signedIn: false });
  csrfToken = undefined; // the session (and its token) is renewed at sign-in
  return user;
}

/** The signed-in user's interface language: the server writes its mails to them in it. Not a page action, so a 401 stays here. */
export async function saveLanguage(language: Lang): Promise<void> {
  await send<void>('PUT', '/auth/me/language', { language }, { signedIn: false });
}

export async function logout(): Promise<void> {
  await send<void>('POST', '/auth/logout', undefined, { signedIn: false });
  csrfToken = undefined;
}
