/// <reference lib="webworker" />
/**
 * The service worker: keeps the app shell (listed into PRECACHE at build time by vite.config.ts), the
 * screens and languages a visitor has used (their hashed files, kept as they are fetched) and the
 * public directory answers a visitor has read, so that search, service pages
 * and the printable pathway still open with no connection. It never keeps case data or anything read
 * while signed in: only answers the server marks as computed for an anonymous visitor.
 */
import { ANONYMOUS_ANSWER_HEADER, API_CACHE, OFFLINE_API_PATHS, STORED_AT_HEADER } from '../../server/contract/site/offline.js';

declare const self: ServiceWorkerGlobalScope;
/** The shell's files and the build's version, written in by the build (vite.config.ts, `pwa`). */
declare const PRECACHE: { version: string; files: string[] };

const SHELL_CACHE = `ct-directory-shell-${PRECACHE.version}`;
const API_PREFIX = '/api/v1';
/** On a slow link the stored copy is shown after this long rather than a spinner. */
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(PRECACHE.files.map((file) => `/${file}`));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Older releases' shells go; the API cache stays (its answers do not depend on the release).
      for (const name of await caches.keys()) {
        if (name.startsWith('ct-directory-shell-') && name !== SHELL_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(API_PREFIX + '/')) {
    const path = url.pathname.slice(API_PREFIX.length);
    if (OFFLINE_API_PATHS.some((pattern) => pattern.test(path))) event.respondWith(networkFirst(request));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(async () => (await caches.match('/index.html', { cacheName: SHELL_CACHE })) ?? Response.error()));
    return;
  }
  event.respondWith(fromShell(request, url));
});

/** The release's files: kept ones first; a hashed file (it never changes) is kept when first fetched. */
async function fromShell(request: Request, url: URL): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && url.pathname.startsWith('/assets/')) await cache.put(request, response.clone());
  return response;
}

/** Worth keeping offline: a full answer computed for an anonymous visitor that HTTP allows storing. */
function keepable(response: Response): boolean {
  return (
    response.status === 200 &&
    response.headers.get(ANONYMOUS_ANSWER_HEADER) === '1' &&
    !/no-store/i.test(response.headers.get('Cache-Control') ?? '')
  );
}

/** The answer as stored: the same body, stamped with when it was stored (the client shows it offline). */
async function stamped(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(STORED_AT_HEADER, new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

/**
 * The network's answer when it comes within the timeout (kept for next time when keepable, and a
 * signed-in answer drops any stored copy of that address); else the stored copy; else whatever the
 * network says in the end.
 */
async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(API_CACHE);
  const network = fetch(request).then(async (response) => {
    if (keepable(response)) await cache.put(request, await stamped(response.clone()));
    else await cache.delete(request);
    return response;
  });
  network.catch(() => undefined); // a late failure after the stored copy was given is no one's to handle
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, undefined));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch {
    // Offline or the server unreachable: the stored copy, if any, below.
  }
  const stored = await cache.match(request);
  return stored ?? network;
}
