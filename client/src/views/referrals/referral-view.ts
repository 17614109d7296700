import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CommentBody, IdentificationInput, TransitionBody } from '../../../../server/contract/referrals/referral-input.js';
import { REFERRAL_TRANSITIONS } from '../../../../server/contract/referrals/referral-workflow.js';
import { framesIn, referralFrameGovernorates, type LegalFrameView } from '../../../../server/contract/directory/legal-frames/legal-frame.schemas.js';
import { IDENTIFICATION_STATUSES, IDENTIFYING_AUTHORITIES, REASONS_NEEDING_NOTE } from '../../../../server/contract/referrals/vocabulary.js';
import { ApiError, getLegalFrames, getService } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import {
  REFERRALS_CHANGED,
  getComments,
  getReferral,
  moveReferral,
  postComment,
  recordIdentification,
  startReflection,
  type Comment,
  type Referral,
  type ReferralStatus,
} from '../../api/referrals.js';
import { renderLegalFrames } from '../../components/legal-frame/legal-frame.js';
import type { TextKey } from '../../i18n/en.js';
import type { Translated } from '../../i18n/types.js';
import { check, FieldProblems, focusFirstInvalid } from '../../forms/field-problems.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { can } from '../../permissions.js';
import { RouteController } from '../../router.js';
import { SessionController } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { localizedProblems } from './referral-form.js';
import {
  dateTime,
  personFacts,
  referralLabel,
  renderContactPreference,
  renderKind,
  renderOverdue,
  renderStatus,
  renderUrgency,
  renderWithheld,
} from './referral-labels.js';
import { referralStyles } from './referral.styles.js';
import { styles } from './referral-view.styles.js';

interface Loaded {
  referral: Referral;
  /** Null when the viewer may not read case text (platform administrators). */
  comments: Comment[] | null;
  serviceName: Translated | null;
  /** The law in force where the receiving service works (none when the frames could not be read). */
  frames: LegalFrameView[];
}

type Notice = { kind: 'success' | 'conflict' | 'error'; text: string };

/** The reason codes a move needs (decline reasons, outcomes…), or none. */
const reasonsFor = (to: ReferralStatus) => REFERRAL_TRANSITIONS.find((t) => t.to === to)?.reasons ?? null;

/**
 * One referral: who sent it where, the case, every move with who made it and why, the moves this
 * user's side may make next (with what each needs), and the two organisations' conversation.
 */
export class ReferralView extends LitElement {
  static override styles = [sharedStyles, referralStyles, styles];
  static override properties = {
    loaded: { state: true },
    failure: { state: true },
    reference: { state: true },
    openMove: { state: true },
    reason: { state: true },
    note: { state: true },
    problems: { state: true },
    busy: { state: true },
    notice: { state: true },
    comment: { state: true },
    commentProblems: { state: true },
    identificationProblems: { state: true },
  };

  declare loaded: Loaded | null;
  declare failure: unknown;
  declare reference: Reference | null;
  /** The move whose inputs (reason, note) are shown. */
  declare openMove: ReferralStatus | null;
  declare reason: string;
  declare note: string;
  declare problems: FieldProblems;
  declare busy: boolean;
  declare notice: Notice | null;
  declare comment: string;
  declare commentProblems: FieldProblems;
  declare identificationProblems: FieldProblems;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #session = new SessionController(this);
  #id = '';

  constructor() {
    super();
    this.loaded = null;
    this.failure = null;
    this.reference = null;
    this.openMove = null;
    this.reason = '';
    this.note = '';
    this.problems = new FieldProblems();
    this.busy = false;
    this.notice = null;
    this.comment = '';
    this.commentProblems = new FieldProblems();
    this.identificationProblems = new FieldProblems();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadReference().then(
      (reference) => (this.reference = reference),
      () => (this.reference = null),
    );
  }

  override willUpdate(): void {
    const route = this.#routes.route;
    if (route.name !== 'referral' || route.params.id === this.#id) return;
    this.#id = route.params.id ?? '';
    this.loaded = null;
    this.failure = null;
    this.notice = route.query.get('sent') ? { kind: 'success', text: this.#i18n.t('referrals.page.sent') } : null;
    void this.#load();
  }

  async #load(): Promise<Loaded | null> {
    const id = this.#id;
    try {
      const referral = await getReferral(id);
      const [comments, service, frames] = await Promise.all([
        referral.textVisible ? getComments(id).then((c) => c.items) : Promise.resolve(null),
        referral.to.serviceId ? getService(referral.to.serviceId).catch(() => null) : Promise.resolve(null),
        getLegalFrames().catch(() => []),
      ]);
      if (id !== this.#id) return null;
      const where = referralFrameGovernorates(service?.governorates ?? [], referral.governorate);
      this.loaded = { referral, comments, serviceName: service?.name ?? null, frames: framesIn(frames, where) };
      return this.loaded;
    } catch (error) {
      if (id === this.#id) this.failure = error;
      return null;
    }
  }

  #closeMove(): void {
    this.openMove = null;
    this.reason = '';
    this.note = '';
    this.problems = new FieldProblems();
  }

  async #move(to: ReferralStatus): Promise<void> {
    const reasons = reasonsFor(to);
    const body = { to, ...(reasons ? { reason: this.reason || undefined } : {}), ...(this.note.trim() ? { note: this.note } : {}) };
    const checked = check(TransitionBody, body);
    // The table's rules, as the server applies them: a reason from the move's list; "other" explained.
    const missing = [
      ...(reasons && !this.reason ? [{ field: 'reason', message: 'required' }] : []),
      ...(REASONS_NEEDING_NOTE.includes(this.reason) && !this.note.trim() ? [{ field: 'note', message: 'required' }] : []),
    ];
    if (!checked.ok || missing.length) {
      const zod = checked.ok ? [] : checked.problems.fields.map((field) => ({ field, message: checked.problems.message(field) ?? '' }));
      this.problems = localizedProblems(this.#i18n, new FieldProblems([...zod, ...missing]));
      await focusFirstInvalid(this);
      return;
    }
    this.problems = new FieldProblems();
    this.busy = true;
    try {
      const referral = await moveReferral(this.#id, body);
      window.dispatchEvent(new Event(REFERRALS_CHANGED));
      this.#closeMove();
      await this.#load();
      this.notice = { kind: 'success', text: this.#i18n.t('referrals.page.moved', { status: referralLabel(this.#i18n, 'status', referral.status) }) };
    } catch (error) {
      const fieldProblems = FieldProblems.fromApi(error);
      if (fieldProblems) this.problems = localizedProblems(this.#i18n, fieldProblems);
      else await this.#explainFailure(error);
    } finally {
      this.busy = false;
    }
    if (!(await focusFirstInvalid(this))) await this.#focusNotice();
  }

  /** 409 / 412: someone moved the referral first. Reload it and say who did what, when. */
  async #explainFailure(error: unknown): Promise<void> {
    const i18n = this.#i18n;
    if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
      this.#closeMove();
      window.dispatchEvent(new Event(REFERRALS_CHANGED));
      const loaded = await this.#load();
      const last = loaded?.referral.history.at(-1);
      this.notice = {
        kind: 'conflict',
        text: last
          ? i18n.t('referrals.page.conflict', {
              name: last.by.name,
              status: referralLabel(i18n, 'status', last.to),
              time: dateTime(i18n, last.at),
            })
          : i18n.t('referrals.page.conflictUnknown'),
      };
    } else {
      this.notice = { kind: 'error', text: error instanceof ApiError && !error.isNetwork ? i18n.t('error.generic') : i18n.t('error.network') };
    }
  }

  async #focusNotice(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#notice')?.focus();
  }

  async #postComment(event: Event): Promise<void> {
    event.preventDefault();
    const checked = check(CommentBody, { body: this.comment });
    if (!checked.ok) {
      this.commentProblems = localizedProblems(this.#i18n, checked.problems);
      await focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      await postComment(this.#id, checked.value.body);
      this.comment = '';
      this.commentProblems = new FieldProblems();
      await this.#load();
    } catch (error) {
      const fieldProblems = FieldProblems.fromApi(error);
      if (fieldProblems) {
        this.commentProblems = localizedProblems(this.#i18n, fieldProblems);
        this.busy = false;
        await focusFirstInvalid(this);
      } else if (error instanceof ApiError && error.status === 409) {
        await this.#load();
        this.notice = { kind: 'conflict', text: this.#i18n.t('referrals.page.textErased') };
        await this.#focusNotice();
      } else await this.#explainFailure(error);
    } finally {
      this.busy = false;
    }
  }

  // ---- Rendering ----

  #organization(id: string | null): string {
    const r = this.loaded?.referral;
    if (!r || !id) return '';
    if (id === r.from.id) return this.#i18n.text(r.from.name);
    if (id === r.to.id) return this.#i18n.text(r.to.name);
    return '';
  }

  #renderRefusal(): TemplateResult {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('referrals.page.refusedTitle'));
    return html`<div class="error refusal" role="alert">
      <h1>${i18n.t('referrals.page.refusedTitle')}</h1>
      <p>${i18n.t('referrals.page.refused')}</p>
      <p><a href="/referrals">${i18n.t('referrals.page.backToList')}</a></p>
    </div>`;
  }

  #renderHeader(r: Referral, serviceName: Translated | null): TemplateResult {
    const i18n = this.#i18n;
    return html`<header class="page-header">
      <p class="muted"><a href="/referrals">${i18n.t('nav.referrals')}</a></p>
      <h1>${i18n.t('referrals.page.title')} <bdi dir="ltr">${r.caseCode}</bdi></h1>
      <p class="badges">
        ${renderStatus(i18n, r.status)} ${renderKind(i18n, r.kind)} ${r.urgency ? renderUrgency(i18n, r.urgency) : nothing}
        ${r.overdue ? renderOverdue(i18n) : nothing}
        ${r.isChild ? html`<span class="badge child">${referralLabel(i18n, 'ageStatus', r.ageStatus)}</span>` : nothing}
      </p>
      ${r.readOnly ? html`<p class="notice read-only" role="note">${i18n.t('referrals.page.transferredReadOnly')}</p>` : nothing}
      ${r.contactPreference ? renderContactPreference(i18n, r.contactPreference) : nothing}
      ${r.withheld.length
        ? renderWithheld(i18n, r.from.id === this.#session.user?.organization?.id ? 'fromReceiver' : 'byReferrer', r.withheld, r.withheldReason)
        : nothing}
      <dl class="facts">
        <dt>${i18n.t('referrals.field.kind')}</dt>
        <dd data-kind=${r.kind}>${i18n.t(`referrals.kindHint.${r.kind}`)}</dd>
        <dt>${i18n.t('referrals.field.from')}</dt>
        <dd>${i18n.text(r.from.name)}</dd>
        <dt>${i18n.t('referrals.field.to')}</dt>
        <dd>${i18n.text(r.to.name)}</dd>
        <dt>${i18n.t('referrals.field.service')}</dt>
        <dd>
          ${r.to.serviceId
            ? html`<a href="/services/${encodeURIComponent(r.to.serviceId)}">${serviceName ? i18n.text(serviceName) : i18n.t('referrals.page.serviceLink')}</a>`
            : i18n.t('referrals.wizard.noService')}
        </dd>
        ${r.sentAt ? html`<dt>${i18n.t('referrals.field.sentAt')}</dt><dd>${dateTime(i18n, r.sentAt)}</dd>` : nothing}
        ${r.status === 'sent' && r.acknowledgeBy
          ? html`<dt>${i18n.t('referrals.field.acknowledgeBy')}</dt><dd>${dateTime(i18n, r.acknowledgeBy)} ${r.overdue ? renderOverdue(i18n) : nothing}</dd>`
          : nothing}
      </dl>
    </header>`;
  }

  #renderCase(r: Referral): TemplateResult {
    const i18n = this.#i18n;
    return html`<section aria-labelledby="case-heading">
      <h2 id="case-heading">${i18n.t('referrals.page.case')}</h2>
      <dl class="facts">
        <dt>${i18n.t('referrals.field.person')}</dt>
        <dd>${personFacts(i18n, r)}</dd>
        <dt>${i18n.t('referrals.field.governorate')}</dt>
        <dd>${i18n.text(this.reference?.governorateName(r.governorate))}</dd>
        ${r.needs
          ? html`<dt>${i18n.t('referrals.field.needs')}</dt>
              <dd>${i18n.list(r.needs.map((n) => i18n.text(this.reference?.categoryName(n))))}</dd>`
          : nothing}
        <dt>${i18n.t('referrals.field.consent')}</dt>
        <dd>
          ${r.consentOverride
            ? html`<strong class="override">⚠ ${i18n.t('referrals.consent.overridden', { reason: referralLabel(i18n, 'override', r.consentOverride.reason) })}</strong>`
            : i18n.t('referrals.consent.given', {
                by: referralLabel(i18n, 'consentBy', r.consent.by ?? ''),
                scope: i18n.list(r.consent.scope.map((s) => referralLabel(i18n, 'scope', s))),
              })}
        </dd>
        ${r.isChild
          ? html`<dt>${i18n.t('referrals.field.guardianRole')}</dt>
              <dd>${r.guardianRole ? referralLabel(i18n, 'guardianRole', r.guardianRole) : html`<strong>⚠ ${i18n.t('referrals.page.notRecorded')}</strong>`}</dd>`
          : nothing}
        ${r.isChild && r.textVisible
          ? html`<dt>${i18n.t('referrals.field.bestInterestsNote')}</dt>
              <dd class="prose" dir="auto">
                ${r.textErased
                  ? i18n.t('referrals.page.erased')
                  : (r.bestInterestsNote ?? html`<strong>⚠ ${i18n.t('referrals.page.notRecorded')}</strong>`)}
              </dd>`
          : nothing}
        ${r.textVisible
          ? html`<dt>${i18n.t('referrals.field.summary')}</dt>
              <dd class="prose" dir="auto">${r.textErased ? i18n.t('referrals.page.erased') : (r.summary ?? i18n.t('referrals.wizard.none'))}</dd>
              ${(['safetyRisks', 'notes'] as const).map((field) =>
                // A part withheld from this reader is absent: no line at all.
                field in r
                  ? html`<dt>${i18n.t(`referrals.field.${field}`)}</dt>
                      <dd class="prose" dir="auto">${r.textErased ? i18n.t('referrals.page.erased') : (r[field] ?? i18n.t('referrals.wizard.none'))}</dd>`
                  : nothing,
              )}`
          : nothing}
      </dl>
    </section>`;
  }

  /**
   * The statuses this user may record (as the server decides): the sending organisation's caseworkers
   * record screening and decisions, the receiving organisation's decisions only; nobody else any.
   */
  #identificationChoices(r: Referral): readonly string[] {
    const user = this.#session.user;
    const org = user?.organization?.id;
    if (r.readOnly) return [];
    if (org === r.from.id && can(user, 'referral:send', org)) return IDENTIFICATION_STATUSES;
    if (org === r.to.id && can(user, 'referral:receive', org)) return IDENTIFICATION_STATUSES.filter((s) => s !== 'screened');
    return [];
  }

  #recordIdentification = async (event: Event): Promise<void> => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const status = String(data.get('status') ?? '');
    const body = status === 'screened' ? { status } : { status, authority: data.get('authority') || undefined, decidedOn: data.get('decidedOn') || undefined };
    const checked = check(IdentificationInput, body);
    if (!checked.ok) {
      this.identificationProblems = localizedProblems(this.#i18n, checked.problems);
      await focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      await recordIdentification(this.#id, body);
      this.identificationProblems = new FieldProblems();
      await this.#load();
      this.notice = { kind: 'success', text: this.#i18n.t('referrals.identification.recorded') };
    } catch (error) {
      const fieldProblems = FieldProblems.fromApi(error);
      if (fieldProblems) this.identificationProblems = localizedProblems(this.#i18n, fieldProblems);
      else await this.#explainFailure(error);
    } finally {
      this.busy = false;
    }
    if (!(await focusFirstInvalid(this))) await this.#focusNotice();
  };

  #startReflection = async (r: Referral): Promise<void> => {
    this.busy = true;
    try {
      await startReflection(this.#id, r.version);
      await this.#load();
      this.notice = { kind: 'success', text: this.#i18n.t('referrals.reflection.started') };
    } catch (error) {
      await this.#explainFailure(error);
    } finally {
      this.busy = false;
    }
    await this.#focusNotice();
  };

  /** Days left counts a day begun as a whole one, so the last day still reads "1 day left". */
  #renderReflection(r: Referral): TemplateResult | typeof nothing {
    const i18n = this.#i18n;
    const user = this.#session.user;
    const receiver = r.to.id === user?.organization?.id && can(user, 'referral:receive', r.to.id);
    const reflection = r.reflection;
    if (!reflection) {
      // Only the receiving side starts one, and only on an accepted referral (as the server decides).
      if (!receiver || r.status !== 'accepted') return nothing;
      return html`<section aria-labelledby="reflection-heading">
        <h2 id="reflection-heading">${i18n.t('referrals.reflection.heading')}</h2>
        <p class="hint">${i18n.t('referrals.reflection.hint')}</p>
        <button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => void this.#startReflection(r)}>
          ${i18n.t('referrals.reflection.start')}
        </button>
      </section>`;
    }
    const endsAt = new Date(reflection.endsAt);
    const daysLeft = Math.max(0, Math.ceil((endsAt.getTime() - Date.now()) / 86_400_000));
    return html`<section aria-labelledby="reflection-heading">
      <h2 id="reflection-heading">${i18n.t('referrals.reflection.heading')}</h2>
      ${daysLeft > 0
        ? html`<p data-reflection-days=${daysLeft}><strong>${i18n.plural('referrals.reflection.daysLeft', daysLeft)}</strong></p>
            <p>${i18n.t('referrals.reflection.ends', { date: i18n.date(endsAt) })}</p>`
        : html`<p data-reflection-days="0">${i18n.t('referrals.reflection.ended', { date: i18n.date(endsAt) })}</p>`}
    </section>`;
  }

  #renderIdentification(r: Referral): TemplateResult {
    const i18n = this.#i18n;
    const p = this.identificationProblems;
    const id = r.identification;
    const choices = this.#identificationChoices(r);
    const warning = r.identificationWarning;
    return html`<section aria-labelledby="identification-heading">
      <h2 id="identification-heading">${i18n.t('referrals.field.identification')}</h2>
      <p data-identification=${id.status}>
        <strong>${referralLabel(i18n, 'identification', id.status)}</strong>
        ${id.authority && id.decidedOn
          ? html`— ${i18n.t('referrals.identification.decided', { authority: referralLabel(i18n, 'authority', id.authority), date: i18n.date(new Date(`${id.decidedOn}T00:00:00`)) })}`
          : nothing}
      </p>
      ${warning
        ? html`<p class="notice identification-warning" role="note">⚠ ${i18n.t(`referrals.identificationWarning.${warning.required as Exclude<typeof warning.required, 'none'>}`)}</p>`
        : nothing}
      ${choices.length
        ? html`<form class="move-form" novalidate @submit=${this.#recordIdentification}>
            <fieldset>
              <legend>${i18n.t('referrals.identification.record')}</legend>
              <p class="hint" id="identification-hint">${i18n.t('referrals.identification.hint')}</p>
              <div class="field">
                <label for="identification-status">${i18n.t('referrals.field.identification')}</label>
                <select id="identification-status" name="status" aria-describedby="identification-hint">
                  ${choices.map((s) => html`<option value=${s} ?selected=${s === id.status}>${referralLabel(i18n, 'identification', s)}</option>`)}
                </select>
              </div>
              <div class="field">
                <label for="identification-authority">${i18n.t('referrals.field.authority')}</label>
                <select id="identification-authority" name="authority" aria-invalid=${p.invalid('authority')} aria-describedby=${ifDefined(p.describedBy('authority'))}>
                  <option value="">${i18n.t('referrals.wizard.choose')}</option>
                  ${IDENTIFYING_AUTHORITIES.map((a) => html`<option value=${a} ?selected=${a === id.authority}>${referralLabel(i18n, 'authority', a)}</option>`)}
                </select>
                ${p.render('authority')}
              </div>
              <div class="field">
                <label for="identification-day">${i18n.t('referrals.field.decidedOn')}</label>
                <input id="identification-day" name="decidedOn" type="date" .value=${id.decidedOn ?? ''}
                  aria-invalid=${p.invalid('decidedOn')} aria-describedby=${ifDefined(p.describedBy('decidedOn'))} />
                ${p.render('decidedOn')}
              </div>
              <div class="actions">
                <button type="submit" class="button secondary" ?disabled=${this.busy}>${i18n.t('referrals.identification.record')}</button>
              </div>
            </fieldset>
          </form>`
        : nothing}
    </section>`;
  }

  #renderMoveForm(to: ReferralStatus, reasons: readonly string[]): TemplateResult {
    const i18n = this.#i18n;
    const p = this.problems;
    return html`<form class="move-form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.#move(to))}>
      <fieldset>
        <legend>${i18n.t(`referrals.move.${to}` as TextKey)}</legend>
        <div class="field">
          <label for="move-reason">${i18n.t(`referrals.reasonLabel.${to}` as TextKey)}</label>
          <select
            id="move-reason"
            aria-invalid=${p.invalid('reason')}
            aria-describedby=${ifDefined(p.describedBy('reason'))}
            @change=${(e: Event) => (this.reason = (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!this.reason}>${i18n.t('referrals.wizard.choose')}</option>
            ${reasons.map((code) => html`<option value=${code} ?selected=${this.reason === code}>${referralLabel(i18n, 'reason', code)}</option>`)}
          </select>
          ${p.render('reason')}
        </div>
        <div class="field">
          <label for="move-note">${i18n.t('referrals.field.moveNote')}</label>
          <p class="hint" id="move-note-hint">${i18n.t('referrals.page.noteHint')}</p>
          <textarea
            id="move-note"
            maxlength="2000"
            .value=${this.note}
            aria-invalid=${p.invalid('note')}
            aria-describedby=${['move-note-hint', p.describedBy('note')].filter(Boolean).join(' ')}
            @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${p.render('note')}
        </div>
        <div class="actions">
          <button type="submit" class="button" ?disabled=${this.busy}>${i18n.t(`referrals.move.${to}` as TextKey)}</button>
          <button type="button" class="button secondary" @click=${() => this.#closeMove()}>${i18n.t('referrals.page.cancel')}</button>
        </div>
      </fieldset>
    </form>`;
  }

  #renderActions(r: Referral): TemplateResult | typeof nothing {
    const i18n = this.#i18n;
    const moves = r.allowedMoves.filter((m) => m !== 'sent');
    if (r.status !== 'draft' && !moves.length) return nothing;
    return html`<section class="next-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">${i18n.t('referrals.page.actions')}</h2>
      ${r.status === 'draft' && r.allowedMoves.includes('sent')
        ? html`<p><a class="button" href="/referrals/new?draft=${encodeURIComponent(r.id)}">${i18n.t('referrals.page.continueDraft')}</a></p>`
        : nothing}
      <div class="actions">
        ${moves.map((to) => {
          const reasons = reasonsFor(to);
          return reasons
            ? html`<button
                type="button"
                class="button secondary"
                aria-expanded=${this.openMove === to ? 'true' : 'false'}
                @click=${() => {
                  this.#closeMove();
                  this.openMove = to;
                }}
              >
                ${i18n.t(`referrals.move.${to}` as TextKey)}…
              </button>`
            : html`<button type="button" class="button" ?disabled=${this.busy} @click=${() => void this.#move(to)}>
                ${i18n.t(`referrals.move.${to}` as TextKey)}
              </button>`;
        })}
      </div>
      ${this.openMove && reasonsFor(this.openMove) ? this.#renderMoveForm(this.openMove, reasonsFor(this.openMove)!) : nothing}
    </section>`;
  }

  #renderTimeline(r: Referral): TemplateResult {
    const i18n = this.#i18n;
    return html`<section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">${i18n.t('referrals.page.timeline')}</h2>
      <ol class="timeline">
        ${r.history.map((h) => {
          const organization = this.#organization(h.by.organizationId);
          return html`<li>
            <p class="when"><time datetime=${h.at}>${dateTime(i18n, h.at)}</time></p>
            <p>
              <strong>${referralLabel(i18n, 'status', h.to)}</strong> —
              ${i18n.t('referrals.page.by', { name: h.by.name })}${organization ? html` (${organization})` : nothing}
            </p>
            ${h.reason ? html`<p>${i18n.t('referrals.page.reason')}: ${referralLabel(i18n, 'reason', h.reason)}</p>` : nothing}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  #renderComments(r: Referral, comments: Comment[] | null): TemplateResult | typeof nothing {
    if (!comments) return nothing;
    const i18n = this.#i18n;
    const p = this.commentProblems;
    return html`<section aria-labelledby="comments-heading">
      <h2 id="comments-heading">${i18n.t('referrals.page.comments')}</h2>
      ${comments.length
        ? html`<ol class="comments">
            ${comments.map(
              (c) => html`<li>
                <p class="comment-meta">
                  <strong>${c.author.name}</strong>${this.#organization(c.author.organizationId) ? html` (${this.#organization(c.author.organizationId)})` : nothing}
                  · <time datetime=${c.createdAt}>${dateTime(i18n, c.createdAt)}</time>
                  ${c.withStatus ? html` · ${renderStatus(i18n, c.withStatus)}` : nothing}
                </p>
                <p class="prose" dir="auto">${c.body}</p>
              </li>`,
            )}
          </ol>`
        : html`<p class="muted">${r.textErased ? i18n.t('referrals.page.erased') : i18n.t('referrals.page.noComments')}</p>`}
      ${r.textErased || r.readOnly
        ? nothing
        : html`<form novalidate @submit=${this.#postComment}>
            <div class="field">
              <label for="comment">${i18n.t('referrals.page.newComment')}</label>
              <p class="hint" id="comment-hint">${i18n.t('referrals.page.commentHint')}</p>
              <textarea
                id="comment"
                maxlength="4000"
                .value=${this.comment}
                aria-invalid=${p.invalid('body')}
                aria-describedby=${['comment-hint', p.describedBy('body')].filter(Boolean).join(' ')}
                @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              ${p.render('body')}
            </div>
            <button type="submit" class="button" ?disabled=${this.busy}>${i18n.t('referrals.page.postComment')}</button>
          </form>`}
    </section>`;
  }

  override render() {
    const i18n = this.#i18n;
    if (this.failure instanceof ApiError && (this.failure.status === 404 || this.failure.status === 403)) return this.#renderRefusal();
    if (this.failure) {
      return html`<div class="error" role="alert">
        <p>${this.failure instanceof ApiError && !this.failure.isNetwork ? i18n.t('error.generic') : i18n.t('error.network')}</p>
        <button type="button" class="button secondary" @click=${() => ((this.failure = null), void this.#load())}>${i18n.t('app.retry')}</button>
      </div>`;
    }
    if (!this.loaded) return html`<p class="muted" role="status">${i18n.t('app.loading')}</p>`;
    const { referral: r, comments, serviceName, frames } = this.loaded;
    setPageTitle(i18n, `${i18n.t('referrals.page.title')} ${r.caseCode}`);
    return html`${this.#renderHeader(r, serviceName)}
      ${this.notice
        ? html`<div id="notice" tabindex="-1" class=${this.notice.kind === 'success' ? 'success' : this.notice.kind === 'conflict' ? 'notice' : 'error'} role=${this.notice.kind === 'success' ? 'status' : 'alert'}>
            <p>${this.notice.text}</p>
          </div>`
        : nothing}
      <div class="columns">
        <div>${this.#renderActions(r)} ${this.#renderCase(r)} ${renderLegalFrames(this.#i18n.lang, frames)} ${this.#renderReflection(r)} ${this.#renderIdentification(r)} ${this.#renderComments(r, comments)}</div>
        <div>${this.#renderTimeline(r)}</div>
      </div>`;
  }
}

customElements.define('ct-referral-view', ReferralView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-referral-view': ReferralView;
  }
}
