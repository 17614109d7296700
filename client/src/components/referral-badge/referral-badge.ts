import { html, LitElement, nothing } from 'lit';
import { getReferralCounts, REFERRALS_CHANGED, type ReferralCounts } from '../../api/referrals.js';
import { I18nController } from '../../i18n/i18n.js';
import { router } from '../../router.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './referral-badge.styles.js';

/**
 * The number of incoming referrals waiting for acknowledgement, beside the "Referrals" link, with the
 * overdue ones marked in words for screen readers and by a symbol on screen. Asked again on every
 * navigation and whenever this tab moves a referral.
 */
export class ReferralBadge extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = { counts: { state: true } };

  declare counts: ReferralCounts['inbox'] | null;

  readonly #i18n = new I18nController(this);
  #unsubscribe: (() => void) | undefined;
  #abort: AbortController | undefined;

  constructor() {
    super();
    this.counts = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#refresh();
    this.#unsubscribe = router.subscribe(() => this.#refresh());
    window.addEventListener(REFERRALS_CHANGED, this.#refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    window.removeEventListener(REFERRALS_CHANGED, this.#refresh);
    this.#abort?.abort();
  }

  readonly #refresh = (): void => {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    getReferralCounts(abort.signal).then(
      (counts) => (this.counts = counts.inbox),
      // A badge that cannot be counted is left out; the inbox itself reports errors.
      () => {
        if (!abort.signal.aborted) this.counts = null;
      },
    );
  };

  override render() {
    const counts = this.counts;
    if (!counts || counts.awaitingAcknowledgement === 0) return nothing;
    const i18n = this.#i18n;
    const overdue = counts.overdue > 0;
    return html`<span class="count ${overdue ? 'overdue' : ''}" aria-hidden="true">${overdue ? '⏰ ' : ''}${i18n.number(counts.awaitingAcknowledgement)}</span>
      <span class="visually-hidden">
        (${i18n.plural('referrals.badge.waiting', counts.awaitingAcknowledgement)}${overdue ? html`, ${i18n.plural('referrals.badge.overdue', counts.overdue)}` : nothing})
      </span>`;
  }
}

customElements.define('ct-referral-badge', ReferralBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ct-referral-badge': ReferralBadge;
  }
}
