import type { ReactiveControllerHost } from 'lit';
import { ApiError, getCurrentUser, login, logout, onSessionExpired, saveLanguage } from './api/client.js';
import { languageState, setLanguage, type Lang } from './i18n/i18n.js';
import type { UserView as User } from '../../server/contract/accounts/account.schemas.js';
import { forgetStoredAnswers } from './offline.js';
import { SubscriptionController } from './subscription-controller.js';

/** Who is signed in (null: anonymous). Loaded once from GET /auth/me; updated by sign-in and sign-out. */
class SessionState {
  #user: User | null = null;
  #loaded = false;
  #unreachable = false;
  readonly #listeners = new Set<() => void>();

  get user(): User | null {
    return this.#user;
  }

  /** False until the first answer from /auth/me: until then "nobody signed in" is not yet known. */
  get loaded(): boolean {
    return this.#loaded;
  }

  /** True when the last look at the session could not reach the server (offline): who is signed in is unknown. */
  get unreachable(): boolean {
    return this.#unreachable;
  }

  async load(): Promise<void> {
    let user: User | null = null;
    try {
      user = await getCurrentUser();
      this.#unreachable = false;
    } catch (error) {
      // Unknown: stay anonymous; signed-in screens say they need a connection, actions will ask again.
      this.#unreachable = error instanceof ApiError && error.isNetwork;
    }
    this.#loaded = true;
    this.#set(user);
  }

  /** The server said the session is gone (expired, signed out elsewhere). */
  expired(): void {
    if (this.#user) this.#set(null);
  }

  async signIn(email: string, password: string): Promise<User> {
    const user = await login(email, password);
    this.#set(user);
    return user;
  }

  async signOut(): Promise<void> {
    await logout();
    await forgetStoredAnswers();
    this.#set(null);
  }

  /** Switches the interface language; signed in, the account keeps it too, so the app's mails to it come in that language. */
  async chooseLanguage(lang: Lang): Promise<void> {
    await setLanguage(lang);
    if (!this.#user || languageState.lang !== lang) return;
    // Offline or signed out meanwhile: the account keeps its language until the next switch.
    await saveLanguage(lang).catch(() => undefined);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #set(user: User | null): void {
    this.#user = user;
    for (const listener of this.#listeners) listener();
  }
}

export const session = new SessionState();
onSessionExpired(() => session.expired());

/** Re-renders its host when the user signs in or out. */
export class SessionController extends SubscriptionController {
  constructor(host: ReactiveControllerHost) {
    super(host, (listener) => session.subscribe(listener));
  }

  get user(): User | null {
    return session.user;
  }
}
