import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Subscribe = (listener: () => void) => () => void;

/** Re-renders its host whenever a shared state it subscribes to changes, while the host is connected. */
export class SubscriptionController implements ReactiveController {
  protected readonly host: ReactiveControllerHost;
  readonly #subscribe: Subscribe;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, subscribe: Subscribe) {
    this.host = host;
    this.#subscribe = subscribe;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
