import type { ReactiveControllerHost } from 'lit';
import { API_CACHE, STORED_AT_HEADER } from '../../server/contract/site/offline.js';
import { SubscriptionController } from './subscription-controller.js';

/**
 * Working offline, as the page sees it: the service worker (sw.ts) is registered here, answers it gave
 * from its store say when they were stored, and the app shows "offline — data from <date>" until an
 * answer comes from the network again.
 */
class OfflineState {
  #storedAt: string | null = null;
  readonly #listeners = new Set<() => void>();

  /** When the stored data being shown was fetched; null while answers come from the network. */
  get storedAt(): string | null {
    return this.#storedAt;
  }

  /** Every API answer passes here: a stored one keeps the oldest date shown, a network one clears it. */
  note(response: Response): void {
    const storedAt = response.headers.get(STORED_AT_HEADER);
    const next = storedAt === null ? null : this.#storedAt !== null && this.#storedAt < storedAt ? this.#storedAt : storedAt;
    if (next === this.#storedAt) return;
    this.#storedAt = next;
    for (const listener of this.#listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

export const offlineState = new OfflineState();

/** Re-renders its host when the app goes to or comes back from stored data. */
export class OfflineController extends SubscriptionController {
  constructor(host: ReactiveControllerHost) {
    super(host, (listener) => offlineState.subscribe(listener));
  }

  get storedAt(): string | null {
    return offlineState.storedAt;
  }
}

/** /sw.js is built with the app (vite.config.ts), in development too (`npm run dev` builds and watches). */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // A failed registration leaves the app working online as before.
  navigator.serviceWorker.register('/sw.js', { type: 'module', scope: '/' }).catch(() => undefined);
}

/** Drops every stored directory answer (at sign-out, so nothing read in the session outlives it). */
export async function forgetStoredAnswers(): Promise<void> {
  if ('caches' in window) await caches.delete(API_CACHE);
}
