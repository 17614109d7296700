import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Loadable<T> = { state: 'idle' | 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/**
 * Loads what a screen shows whenever its key (usually from the URL) changes, cancelling the
 * previous request; the host re-renders as the state moves from loading to ready or failed.
 */
export class ResourceController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #key: () => string | undefined;
  readonly #load: (key: string, signal: AbortSignal) => Promise<T>;
  #current: string | undefined;
  #abort: AbortController | undefined;
  state: Loadable<T> = { state: 'idle' };

  constructor(host: ReactiveControllerHost, key: () => string | undefined, load: (key: string, signal: AbortSignal) => Promise<T>) {
    this.#host = host;
    this.#key = key;
    this.#load = load;
    host.addController(this);
  }

  get value(): T | undefined {
    return this.state.state === 'ready' ? this.state.value : undefined;
  }

  hostUpdate(): void {
    const key = this.#key();
    if (key !== undefined && key !== this.#current) void this.#run(key);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#current = undefined;
  }

  retry(): void {
    this.#current = undefined;
    this.#host.requestUpdate();
  }

  async #run(key: string): Promise<void> {
    this.#current = key;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.state = { state: 'loading' };
    this.#host.requestUpdate();
    try {
      const value = await this.#load(key, abort.signal);
      if (abort.signal.aborted) return;
      this.state = { state: 'ready', value };
    } catch (error) {
      if (abort.signal.aborted) return;
      this.state = { state: 'failed', error };
    }
    this.#host.requestUpdate();
  }
}
