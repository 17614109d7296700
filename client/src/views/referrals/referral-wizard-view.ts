import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SERVICE_LANGUAGES } from '../../../../server/contract/directory/vocabulary.js';
import {
  AGE_STATUSES,
  CHILD_CONSENT_GIVERS,
  CONSENT_GIVERS,
  CONSENT_OVERRIDE_REASONS,
  CONSENT_SCOPES,
  CONTACT_PREFERENCES,
  GUARDIAN_ROLES,
  REFERRAL_KINDS,
  SEXES,
  SHAREABLE_PARTS,
  URGENCIES,
  WITHHOLDING_REASONS,
  AGE_BANDS,
} from '../../../../server/contract/referrals/vocabulary.js';
import { caseCodeExample } from '../../../../server/contract/referrals/referral-input.js';
import { ApiError, getOrganization, getService, searchServices } from '../../api/client.js';
import { loadReference, type Reference } from '../../api/reference.js';
import {
  createReferral,
  getReferral,
  moveReferral,
  newIdempotencyKey,
  REFERRALS_CHANGED,
  updateDraft,
  type Referral,
} from '../../api/referrals.js';
import type { ServiceSummary } from '../../../../server/contract/directory/services/service.schemas.js';
import { check, FieldProblems, focusFirstInvalid } from '../../forms/field-problems.js';
import { I18nController } from '../../i18n/i18n.js';
import { setPageTitle } from '../../page-title.js';
import { can } from '../../permissions.js';
import { navigate, RouteController } from '../../router.js';
import { SessionController } from '../../session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import {
  COMMON_NATIONALITIES,
  emptyForm,
  fromReferral,
  isChild,
  localDateTime,
  localizedProblems,
  ReferralInput,
  safeguardFields,
  ageStatusFor,
  STEPS,
  stepOfField,
  textMayBeShared,
  toInput,
  withholds,
  type ReferralForm,
  type StepId,
} from './referral-form.js';
import { nationalityName, personFacts, referralLabel, renderUrgency } from './referral-labels.js';
import { referralStyles } from './referral.styles.js';
import { styles } from './referral-wizard-view.styles.js';

type Option = readonly [value: string, label: string];

/** How long after the last change the draft is saved: one request per pause, not per keystroke. */
const AUTOSAVE_DELAY_MS = 1200;

/**
 * The referral wizard: service, case, needs and urgency, consent (with the summary), review. Opened
 * from a service ("Refer to this service") it starts at the case. Fields with a likely answer come
 * filled in (the organisation's governorate and case numbering, the interface language, consent
 * given now) so a standard referral takes few taps on a phone. The record is saved on the server as
 * a draft as the caseworker goes, once it is complete enough to be one, and the URL names that
 * draft, so a reload or another device carries on with it. Nothing about the case is stored in the
 * browser.
 */
export class ReferralWizardView extends LitElement {
  static override styles = [sharedStyles, referralStyles, styles];
  static override properties = {
    form: { state: true },
    step: { state: true },
    furthest: { state: true },
    problems: { state: true },
    draft: { state: true },
    busy: { state: true },
    status: { state: true },
    failure: { state: true },
    loading: { state: true },
    reference: { state: true },
    searchResults: { state: true },
  };

  declare form: ReferralForm;
  declare step: number;
  /** The furthest step reached: every step up to it can be revisited. */
  declare furthest: number;
  declare problems: FieldProblems;
  declare draft: Referral | null;
  declare busy: boolean;
  /** A polite status line (draft saved). */
  declare status: string;
  declare failure: string;
  declare loading: boolean;
  declare reference: Reference | null;
  declare searchResults: ServiceSummary[] | null;

  readonly #i18n = new I18nController(this);
  readonly #routes = new RouteController(this);
  readonly #session = new SessionController(this);
  #loadedFrom = '';
  /** The case numbering suggested to the user's organisation (from its governorate once loaded). */
  #caseCodeExample = caseCodeExample([], new Date().getFullYear());
  #exampleFor = '';
  /** The user's organisation's first governorate: where its cases usually are. */
  #ownGovernorate = '';
  /** One key per referral being written: every attempt to create its draft sends it. */
  #creationKey = newIdempotencyKey();
  /** Saves run one after another, so each sends the version the previous one returned. */
  #saving: Promise<unknown> = Promise.resolve();
  /** The body last saved: an autosave with nothing new sends nothing. */
  #savedBody = '';
  #autosaveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.form = emptyForm();
    this.step = 0;
    this.furthest = 0;
    this.problems = new FieldProblems();
    this.draft = null;
    this.busy = false;
    this.status = '';
    this.failure = '';
    this.loading = false;
    this.reference = null;
    this.searchResults = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#autosaveTimer);
    window.removeEventListener('online', this.#saveWhenOnline);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#saveWhenOnline);
    loadReference().then(
      (reference) => (this.reference = reference),
      () => (this.failure = this.#i18n.t('error.network')),
    );
  }

  override willUpdate(): void {
    this.#loadCaseCodeExample();
    const route = this.#routes.route;
    if (route.name !== 'referral-new') return;
    const key = route.query.toString();
    if (key === this.#loadedFrom) return;
    this.#loadedFrom = key;
    const draftId = route.query.get('draft');
    // Our own navigation after the first save names the draft already shown: nothing to load.
    if (draftId && draftId === this.draft?.id) return;
    if (draftId) void this.#loadDraft(draftId);
    else {
      this.form = emptyForm();
      this.draft = null;
      this.status = '';
      this.#savedBody = '';
      this.#creationKey = newIdempotencyKey();
      this.#prefill();
      const serviceId = route.query.get('service');
      // Started from a service: it is chosen already, the case comes first.
      this.step = this.furthest = serviceId ? 1 : 0;
      if (serviceId) void this.#chooseServiceById(serviceId);
    }
  }

  async #loadDraft(id: string): Promise<void> {
    this.loading = true;
    try {
      const referral = await getReferral(id);
      if (referral.status !== 'draft') {
        navigate(`/referrals/${encodeURIComponent(id)}`, { replace: true });
        return;
      }
      const service = referral.to.serviceId ? await getService(referral.to.serviceId).catch(() => null) : null;
      this.draft = referral;
      this.form = fromReferral(referral, service?.name ?? null);
      this.#savedBody = JSON.stringify(toInput(this.form));
      // A saved draft is complete: the review shows all of it, each part with its "Change".
      this.furthest = this.step = STEPS.length - 1;
      this.status = this.#i18n.t('referrals.wizard.resumed', { time: this.#time(referral.updatedAt) });
    } catch (error) {
      this.failure = error instanceof ApiError && (error.status === 404 || error.status === 403) ? this.#i18n.t('referrals.wizard.draftMissing') : this.#errorText(error);
    } finally {
      this.loading = false;
    }
  }

  async #chooseServiceById(id: string): Promise<void> {
    try {
      const service = await getService(id);
      this.#chooseService(service);
    } catch (error) {
      this.failure = this.#errorText(error);
    }
  }

  #chooseService(service: Pick<ServiceSummary, 'id' | 'name' | 'organization'>): void {
    this.#set({
      serviceId: service.id,
      serviceName: service.name,
      organizationId: service.organization.id,
      organizationName: service.organization.name,
    });
    this.searchResults = null;
  }

  /**
   * The likely answers of a new referral, where still empty: the organisation's numbering (the user
   * types the number), its governorate, and the interface language as the person's language.
   */
  #prefill(): void {
    if (this.draft) return;
    const f = this.form;
    const lang = this.#i18n.lang;
    const governorate = this.#ownGovernorate;
    this.form = {
      ...f,
      caseCode: f.caseCode || (governorate ? this.#caseCodeExample.replace(/\d+$/, '') : ''),
      governorate: f.governorate || governorate,
      preferredLanguage: f.preferredLanguage || ((SERVICE_LANGUAGES as readonly string[]).includes(lang) ? lang : ''),
    };
  }

  #time(iso: string): string {
    const d = new Date(iso);
    return this.#i18n.time(`${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`);
  }

  #errorText(error: unknown): string {
    return error instanceof ApiError && !error.isNetwork ? this.#i18n.t('error.generic') : this.#i18n.t('error.network');
  }

  #set(patch: Partial<ReferralForm>): void {
    const ageStatus = patch.ageBand === undefined ? {} : { ageStatus: ageStatusFor(patch.ageBand, patch.ageStatus ?? this.form.ageStatus) };
    this.form = { ...this.form, ...patch, ...ageStatus };
    this.#scheduleAutosave();
    // A field the user changes loses its old message; the next check says again what is still wrong.
    const remaining = this.problems.fields.filter((f) => !Object.keys(patch).some((k) => f === k || f.startsWith(`${k}.`)));
    if (remaining.length !== this.problems.fields.length) {
      this.problems = new FieldProblems(remaining.map((field) => ({ field, message: this.problems.message(field) ?? '' })));
    }
  }

  #toggle(list: 'needs' | 'scope' | 'sharedParts', code: string, on: boolean): void {
    const current = this.form[list];
    this.#set({ [list]: on ? [...current, code] : current.filter((c) => c !== code) });
  }

  #loadCaseCodeExample(): void {
    const own = this.#session.user?.organization?.id;
    if (!own || own === this.#exampleFor) return;
    this.#exampleFor = own;
    getOrganization(own).then(
      (organization) => {
        this.#caseCodeExample = caseCodeExample(organization.governorates, new Date().getFullYear());
        this.#ownGovernorate = organization.governorates[0] ?? '';
        this.#prefill();
      },
      () => undefined, // The generic example stays, nothing is filled in.
    );
  }

  /** The problems of the whole record, or of the given steps only. */
  #check(steps?: readonly number[]): FieldProblems {
    const checked = check(ReferralInput, toInput(this.form));
    const found = [
      ...(checked.ok ? [] : checked.problems.fields.map((field) => ({ field, message: checked.problems.message(field) ?? '' }))),
      ...safeguardFields(this.form).map((field) => ({ field, message: '' })),
    ].filter(({ field }) => !steps || steps.includes(stepOfField(field)));
    if (!found.length) return new FieldProblems();
    return localizedProblems(this.#i18n, new FieldProblems(found), this.#caseCodeExample);
  }

  async #goTo(step: number): Promise<void> {
    this.step = step;
    this.furthest = Math.max(this.furthest, step);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
  }

  /** Shows problems and moves to the first step that has one. */
  async #showProblems(problems: FieldProblems): Promise<void> {
    this.problems = problems;
    const first = Math.min(...problems.fields.map(stepOfField));
    if (first !== this.step) await this.#goTo(first);
    await focusFirstInvalid(this);
  }

  async #next(): Promise<void> {
    this.failure = '';
    const problems = this.#check([this.step]);
    if (!problems.empty) {
      await this.#showProblems(problems);
      return;
    }
    // From the consent step on the record is complete: keep it on the server as a draft.
    if (this.#check().empty && !(await this.#save())) return;
    await this.#goTo(this.step + 1);
  }

  /** Back on the network: what was typed while the connection was down is saved now. */
  #saveWhenOnline = (): void => void this.#save(true);

  /** Saves the draft a moment after the last change, once the record is complete enough to be one. */
  #scheduleAutosave(): void {
    clearTimeout(this.#autosaveTimer);
    this.#autosaveTimer = setTimeout(() => void this.#save(true), AUTOSAVE_DELAY_MS);
  }

  /**
   * Saves the draft (creates it the first time); false when it could not be saved. An autosave
   * (`quiet`) of an incomplete record does nothing; an explicit one shows what is missing.
   */
  #save(quiet = false): Promise<boolean> {
    const run = this.#saving.then(() => this.#saveNow(quiet));
    this.#saving = run;
    return run;
  }

  async #saveNow(quiet: boolean): Promise<boolean> {
    const problems = this.#check();
    if (!problems.empty) {
      if (quiet) return false;
      this.failure = this.#i18n.t('referrals.wizard.incomplete');
      await this.#showProblems(problems);
      return false;
    }
    const body = toInput(this.form);
    const json = JSON.stringify(body);
    if (this.draft && json === this.#savedBody) return true;
    if (!quiet) this.busy = true;
    this.failure = '';
    try {
      if (this.draft) {
        this.draft = await updateDraft(this.draft.id, this.draft.version, body);
      } else {
        this.draft = await this.#create(body);
        navigate(`/referrals/new?draft=${encodeURIComponent(this.draft.id)}`, { replace: true });
      }
      this.#savedBody = json;
      this.status = this.#i18n.t('referrals.wizard.saved', { time: this.#time(this.draft.updatedAt) });
      return true;
    } catch (error) {
      await this.#saveFailed(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Creates the draft once, however often it is tried. When an earlier try was stored but its answer
   * was lost and the form changed since, the server names that draft (422): it is updated instead.
   */
  async #create(body: object): Promise<Referral> {
    try {
      return await createReferral(body, this.#creationKey);
    } catch (error) {
      const earlierId = error instanceof ApiError && error.status === 422 ? error.problem.referralId : undefined;
      if (!earlierId) throw error;
      const earlier = await getReferral(earlierId);
      return updateDraft(earlier.id, earlier.version, body);
    }
  }

  async #saveFailed(error: unknown): Promise<void> {
    const fieldProblems = FieldProblems.fromApi(error);
    if (fieldProblems) {
      await this.#showProblems(localizedProblems(this.#i18n, fieldProblems, this.#caseCodeExample));
    } else if (error instanceof ApiError && (error.status === 412 || error.status === 409) && this.draft) {
      // Changed in another window or on another device (or sent from there): show what was saved.
      const id = this.draft.id;
      this.draft = null;
      await this.#loadDraft(id);
      this.failure = this.#i18n.t('referrals.wizard.changedElsewhere');
    } else {
      this.failure = this.#errorText(error);
    }
  }

  async #send(): Promise<void> {
    clearTimeout(this.#autosaveTimer);
    if (!(await this.#save()) || !this.draft) return;
    this.busy = true;
    try {
      const sent = await moveReferral(this.draft.id, { to: 'sent' });
      window.dispatchEvent(new Event(REFERRALS_CHANGED));
      navigate(`/referrals/${encodeURIComponent(sent.id)}?sent=1`);
    } catch (error) {
      await this.#saveFailed(error);
    } finally {
      this.busy = false;
    }
  }

  async #search(event: Event): Promise<void> {
    event.preventDefault();
    const q = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    try {
      const own = this.#session.user?.organization?.id;
      const page = await searchServices({ q, acceptsReferrals: true, perPage: 10 });
      this.searchResults = page.items.filter((s) => s.organization.id !== own);
    } catch (error) {
      this.failure = this.#errorText(error);
    }
  }

  // ---- Fields ----

  /** aria-describedby of an input: its hint and its error. */
  #describedBy(field: string, hint?: string): string | undefined {
    return [hint, this.problems.describedBy(field)].filter(Boolean).join(' ') || undefined;
  }

  #select(field: keyof ReferralForm & string, label: string, options: readonly Option[], hint?: string): TemplateResult {
    const hintId = hint ? `${field}-hint` : undefined;
    return html`<div class="field">
      <label for=${field}>${label}</label>
      ${hint ? html`<p class="hint" id=${field}-hint>${hint}</p>` : nothing}
      <select
        id=${field}
        aria-invalid=${this.problems.invalid(field)}
        aria-describedby=${ifDefined(this.#describedBy(field, hintId))}
        @change=${(e: Event) => this.#set({ [field]: (e.target as HTMLSelectElement).value })}
      >
        <option value="" ?selected=${this.form[field] === ''}>${this.#i18n.t('referrals.wizard.choose')}</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.form[field] === value}>${text}</option>`)}
      </select>
      ${this.problems.render(field)}
    </div>`;
  }

  /** Radio buttons for a form field, or (with `current` and `choose`) for a choice that sets several. */
  #radios(
    field: string,
    problemField: string,
    legend: string,
    options: readonly Option[],
    current = this.form[field as keyof ReferralForm],
    choose = (value: string) => this.#set({ [field]: value }),
  ): TemplateResult {
    // Each radio carries the error, as the checkboxes do: a fieldset takes no focus.
    return html`<fieldset class="field">
      <legend>${legend}</legend>
      <div class="choices">
        ${options.map(
          ([value, text]) => html`<label class="choice">
            <input
              type="radio"
              name=${field}
              value=${value}
              .checked=${current === value}
              aria-invalid=${this.problems.invalid(problemField)}
              aria-describedby=${ifDefined(this.problems.describedBy(problemField))}
              @change=${() => choose(value)}
            />${text}
          </label>`,
        )}
      </div>
      ${this.problems.render(problemField)}
    </fieldset>`;
  }

  #checkboxes(list: 'needs' | 'scope' | 'sharedParts', problemField: string, legend: string, options: readonly Option[], hint?: string): TemplateResult {
    return html`<fieldset class="field" aria-describedby=${ifDefined(this.#describedBy(problemField, hint ? `${list}-hint` : undefined))}>
      <legend>${legend}</legend>
      ${hint ? html`<p class="hint" id=${list}-hint>${hint}</p>` : nothing}
      <div class="choices">
        ${options.map(
          ([value, text]) => html`<label class="choice">
            <input
              type="checkbox"
              value=${value}
              .checked=${this.form[list].includes(value)}
              aria-invalid=${this.problems.invalid(problemField)}
              aria-describedby=${ifDefined(this.problems.describedBy(problemField))}
              @change=${(e: Event) => this.#toggle(list, value, (e.target as HTMLInputElement).checked)}
            />${text}
          </label>`,
        )}
      </div>
      ${this.problems.render(problemField)}
    </fieldset>`;
  }

  #textarea(field: 'summary' | 'safetyRisks' | 'notes' | 'bestInterestsNote', label: string, hint: string, disabled: boolean): TemplateResult {
    return html`<div class="field">
      <label for=${field}>${label}</label>
      <p class="hint" id=${field}-hint>${hint}</p>
      <textarea
        id=${field}
        maxlength="4000"
        ?disabled=${disabled}
        .value=${this.form[field]}
        aria-invalid=${this.problems.invalid(field)}
        aria-describedby=${ifDefined(this.#describedBy(field, `${field}-hint`))}
        @input=${(e: Event) => this.#set({ [field]: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      ${this.problems.render(field)}
    </div>`;
  }

  // ---- Steps ----

  /** The service chosen and who runs it (also atop the case step, when the service came chosen). */
  #renderChosen(): TemplateResult {
    const i18n = this.#i18n;
    const f = this.form;
    return html`<div class="chosen" aria-describedby=${ifDefined(this.problems.describedBy('toOrganizationId'))}>
      <p class="chosen-name">${f.serviceName ? i18n.text(f.serviceName) : i18n.t('referrals.wizard.noService')}</p>
      <p class="muted">${i18n.t('referrals.wizard.runBy', { organization: i18n.text(f.organizationName) })}</p>
    </div>`;
  }

  #renderService(): TemplateResult {
    const i18n = this.#i18n;
    const f = this.form;
    return html`${f.organizationId ? this.#renderChosen() : html`<p>${i18n.t('referrals.wizard.serviceIntro')}</p>`}
      ${this.problems.render('toOrganizationId')} ${this.problems.render('toServiceId')}
      <form class="search" role="search" @submit=${this.#search}>
        <label for="service-search">${f.organizationId ? i18n.t('referrals.wizard.changeService') : i18n.t('referrals.wizard.findService')}</label>
        <div class="search-row">
          <input id="service-search" name="q" type="search" autocomplete="off" />
          <button class="button secondary" type="submit">${i18n.t('directory.searchSubmit')}</button>
        </div>
      </form>
      ${this.searchResults
        ? this.searchResults.length
          ? html`<ul class="results" aria-label=${i18n.t('directory.resultsLabel')}>
              ${this.searchResults.map(
                (s) => html`<li>
                  <button
                    type="button"
                    class="button secondary result"
                    @click=${() => {
                      this.#chooseService(s);
                      void this.#goTo(1);
                    }}
                  >
                    <span>${i18n.text(s.name)}</span><span class="muted">${i18n.text(s.organization.name)}</span>
                  </button>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted" role="status">${i18n.t('directory.noResults')}</p>`
        : nothing}`;
  }

  #renderCase(): TemplateResult {
    const i18n = this.#i18n;
    const f = this.form;
    const reference = this.reference;
    return html`${f.organizationId ? this.#renderChosen() : nothing}
      <div class="field">
        <label for="caseCode">${i18n.t('referrals.field.caseCode')}</label>
        <p class="hint" id="caseCode-hint">${i18n.t('referrals.wizard.caseCodeHint')}</p>
        <input
          id="caseCode"
          dir="ltr"
          autocomplete="off"
          spellcheck="false"
          .value=${f.caseCode}
          aria-invalid=${this.problems.invalid('caseCode')}
          aria-describedby=${ifDefined(this.#describedBy('caseCode', 'caseCode-hint'))}
          @input=${(e: Event) => this.#set({ caseCode: (e.target as HTMLInputElement).value })}
        />
        ${this.problems.render('caseCode')}
      </div>
      ${this.#select('ageBand', i18n.t('referrals.field.ageBand'), AGE_BANDS.map((b) => [b, referralLabel(i18n, 'ageBand', b)] as const))}
      ${this.#radios(
        'ageStatus',
        'ageStatus',
        i18n.t('referrals.field.ageStatus'),
        AGE_STATUSES.map((a) => [a, referralLabel(i18n, 'ageStatus', a)] as const),
      )}
      ${isChild(f)
        ? html`<div class="notice child-safeguards">
              <p>${i18n.t('referrals.wizard.childIntro')}</p>
              ${this.#select(
                'guardianRole',
                i18n.t('referrals.field.guardianRole'),
                GUARDIAN_ROLES.map((g) => [g, referralLabel(i18n, 'guardianRole', g)] as const),
                i18n.t('referrals.wizard.guardianHint'),
              )}
              ${this.#textarea('bestInterestsNote', i18n.t('referrals.field.bestInterestsNote'), i18n.t('referrals.wizard.bestInterestsHint'), false)}
            </div>`
        : nothing}
      ${this.#radios('sex', 'sex', i18n.t('referrals.field.sex'), SEXES.map((s) => [s, referralLabel(i18n, 'sex', s)] as const))}
      ${this.#select('nationality', i18n.t('referrals.field.nationality'), [
        ...COMMON_NATIONALITIES.map((c) => [c, nationalityName(i18n, c)] as const),
        ['stateless', nationalityName(i18n, 'stateless')],
        ['unknown', nationalityName(i18n, 'unknown')],
      ])}
      ${this.#select('preferredLanguage', i18n.t('referrals.field.preferredLanguage'), SERVICE_LANGUAGES.map((l) => [l, i18n.vocab('language', l)] as const))}
      ${this.#select(
        'governorate',
        i18n.t('referrals.field.governorate'),
        (reference?.governorates ?? []).map((g) => [g.code, i18n.text(g.name)] as const),
        i18n.t('referrals.wizard.governorateHint'),
      )}`;
  }

  #renderNeeds(): TemplateResult {
    const i18n = this.#i18n;
    const categories = this.reference?.categories ?? [];
    return html`${this.#checkboxes('needs', 'needs', i18n.t('referrals.field.needs'), categories.map((c) => [c.code, i18n.text(c.name)] as const))}
    ${this.#radios('urgency', 'urgency', i18n.t('referrals.field.urgency'), URGENCIES.map((u) => [u, i18n.t(`referrals.urgencyHint.${u}`)] as const))}
    ${this.#radios('kind', 'kind', i18n.t('referrals.field.kind'), REFERRAL_KINDS.map((k) => [k, i18n.t(`referrals.kindHint.${k}`)] as const))}`;
  }

  #renderConsent(): TemplateResult {
    const i18n = this.#i18n;
    const f = this.form;
    const child = isChild(f);
    // One tap answers both "was consent given?" and "by whom?"; the time it was given starts at now.
    const choose = (choice: string) =>
      this.#set(
        choice === 'overridden'
          ? { consent: 'overridden' }
          : { consent: 'given', consentBy: choice, consentAt: f.consentAt || localDateTime(new Date().toISOString()) },
      );
    return html`<p>${i18n.t('referrals.wizard.consentIntro')}</p>
      ${this.#radios(
        'consent',
        'consent',
        i18n.t('referrals.wizard.consentQuestion'),
        [
          // A child consents by or with the guardian; "together with the guardian" is for children.
          ...CONSENT_GIVERS.filter((g) => CHILD_CONSENT_GIVERS.includes(g) === child || g === 'guardian').map(
            (g) => [g, i18n.t(`referrals.wizard.consentGivenBy.${g}`)] as const,
          ),
          ['overridden', i18n.t('referrals.wizard.consentNo')],
        ],
        f.consent === 'given' ? f.consentBy : f.consent,
        choose,
      )}
      ${this.problems.render('consent.by')}
      ${f.consent === 'given'
        ? html`<div class="field">
              <label for="consentAt">${i18n.t('referrals.field.consentAt')}</label>
              <input
                id="consentAt"
                type="datetime-local"
                .value=${f.consentAt}
                aria-invalid=${this.problems.invalid('consent.at')}
                aria-describedby=${ifDefined(this.problems.describedBy('consent.at'))}
                @input=${(e: Event) => this.#set({ consentAt: (e.target as HTMLInputElement).value })}
              />
              ${this.problems.render('consent.at')}
            </div>
            ${this.#checkboxes(
              'scope',
              'consent.scope',
              i18n.t('referrals.field.scope'),
              CONSENT_SCOPES.map((s) => [s, referralLabel(i18n, 'scope', s)] as const),
              i18n.t('referrals.wizard.scopeHint'),
            )}`
        : nothing}
      ${f.consent === 'overridden'
        ? html`<div class="notice override">
              <p><strong>${i18n.t('referrals.wizard.overrideTitle')}</strong></p>
              <p>${i18n.t('referrals.wizard.overrideExplain')}</p>
            </div>
            ${this.#radios(
              'overrideReason',
              'consent.overrideReason',
              i18n.t('referrals.field.overrideReason'),
              CONSENT_OVERRIDE_REASONS.filter((r) => child || r !== 'child-at-risk').map((r) => [r, referralLabel(i18n, 'override', r)] as const),
            )}
            ${child ? nothing : html`<p class="hint">${i18n.t('referrals.wizard.childOnly')}</p>`}`
        : nothing}
      ${f.consent
        ? html`${this.#radios(
              'contactPreference',
              'contactPreference',
              i18n.t('referrals.field.contactPreference'),
              CONTACT_PREFERENCES.map((c) => [c, referralLabel(i18n, 'contactPreference', c)] as const),
            )}
            ${this.#renderSharing()} ${this.#renderNote()}`
        : nothing}`;
  }

  /** What the receiving organisation may see; each part unticked is withheld, and says why. */
  #renderSharing(): TemplateResult {
    const i18n = this.#i18n;
    const f = this.form;
    return html`${this.#checkboxes(
      'sharedParts',
      'consent.sharedParts',
      i18n.t('referrals.field.sharedParts'),
      SHAREABLE_PARTS.map((p) => [p, referralLabel(i18n, 'part', p)] as const),
      i18n.t('referrals.wizard.sharedPartsHint'),
    )}
    ${withholds(f)
      ? html`${this.#radios(
            'withheldReason',
            'consent.withheldReason',
            i18n.t('referrals.field.withheldReason'),
            WITHHOLDING_REASONS.map((r) => [r, referralLabel(i18n, 'withholding', r)] as const),
          )}
          <div class="field">
            <label for="withheldNote">${i18n.t('referrals.field.withheldNote')}</label>
            <input
              id="withheldNote"
              maxlength="300"
              .value=${f.withheldNote}
              aria-invalid=${this.problems.invalid('consent.withheldReason.note')}
              aria-describedby=${ifDefined(this.problems.describedBy('consent.withheldReason.note'))}
              @input=${(e: Event) => this.#set({ withheldNote: (e.target as HTMLInputElement).value })}
            />
            ${this.problems.render('consent.withheldReason.note')}
          </div>`
      : nothing}`;
  }

  #renderNote(): TemplateResult {
    const i18n = this.#i18n;
    const shared = textMayBeShared(this.form);
    return html`${shared ? nothing : html`<p class="notice" id="no-sharing">${i18n.t('referrals.wizard.noSharing')}</p>`}
      ${this.#textarea('summary', i18n.t('referrals.field.summary'), i18n.t('referrals.wizard.summaryHint'), !shared)}
      ${this.#textarea('safetyRisks', i18n.t('referrals.field.safetyRisks'), i18n.t('referrals.wizard.safetyRisksHint'), !shared)}
      ${this.#textarea('notes', i18n.t('referrals.field.notes'), i18n.t('referrals.wizard.notesHint'), !shared)}`;
  }

  #renderReview(): TemplateResult {
    const i18n = this.#i18n;
    const f = this.form;
    const change = (step: StepId) =>
      html`<button type="button" class="link-button" @click=${() => void this.#goTo(STEPS.findIndex((s) => s.id === step))}>
        ${i18n.t('referrals.wizard.change')}<span class="visually-hidden"> — ${i18n.t(`referrals.step.${step}`)}</span>
      </button>`;
    const row = (label: string, value: unknown, step: StepId) => html`<dt>${label}</dt><dd>${value} ${change(step)}</dd>`;
    const consent =
      f.consent === 'given'
        ? i18n.t('referrals.consent.given', {
            by: referralLabel(i18n, 'consentBy', f.consentBy),
            scope: i18n.list(f.scope.map((s) => referralLabel(i18n, 'scope', s))),
          })
        : html`<strong>${i18n.t('referrals.consent.overridden', { reason: referralLabel(i18n, 'override', f.overrideReason) })}</strong>`;
    // The saved draft says whether the chosen service requires an identification the person lacks.
    const warning = this.draft?.identificationWarning;
    return html`${warning
        ? html`<p class="notice identification-warning" role="note">⚠ ${i18n.t(`referrals.identificationWarning.${warning.required as Exclude<typeof warning.required, 'none'>}`)}</p>`
        : nothing}
      <p>${i18n.t('referrals.wizard.reviewIntro')}</p>
      <dl class="facts review">
        ${row(i18n.t('referrals.field.service'), html`${f.serviceName ? i18n.text(f.serviceName) : ''} — ${i18n.text(f.organizationName)}`, 'service')}
        ${row(i18n.t('referrals.field.caseCode'), html`<bdi dir="ltr">${f.caseCode}</bdi>`, 'case')}
        ${row(i18n.t('referrals.field.person'), personFacts(i18n, f), 'case')}
        ${isChild(f)
          ? html`${row(i18n.t('referrals.field.guardianRole'), referralLabel(i18n, 'guardianRole', f.guardianRole), 'case')}
            ${row(i18n.t('referrals.field.bestInterestsNote'), html`<span class="prose" dir="auto">${f.bestInterestsNote}</span>`, 'case')}`
          : nothing}
        ${row(i18n.t('referrals.field.governorate'), i18n.text(this.reference?.governorateName(f.governorate)), 'case')}
        ${row(i18n.t('referrals.field.needs'), i18n.list(f.needs.map((n) => i18n.text(this.reference?.categoryName(n)))), 'needs')}
        ${row(i18n.t('referrals.field.urgency'), f.urgency ? renderUrgency(i18n, f.urgency as (typeof URGENCIES)[number]) : '', 'needs')}
        ${row(i18n.t('referrals.field.kind'), referralLabel(i18n, 'kind', f.kind), 'needs')}
        ${row(i18n.t('referrals.field.consent'), consent, 'consent')}
        ${row(i18n.t('referrals.field.contactPreference'), referralLabel(i18n, 'contactPreference', f.contactPreference), 'consent')}
        ${row(i18n.t('referrals.field.summary'), f.summary.trim() ? html`<span class="prose" dir="auto">${f.summary}</span>` : i18n.t('referrals.wizard.none'), 'consent')}
        ${row(i18n.t('referrals.field.safetyRisks'), f.safetyRisks.trim() ? html`<span class="prose" dir="auto">${f.safetyRisks}</span>` : i18n.t('referrals.wizard.none'), 'consent')}
        ${row(i18n.t('referrals.field.notes'), f.notes.trim() ? html`<span class="prose" dir="auto">${f.notes}</span>` : i18n.t('referrals.wizard.none'), 'consent')}
        ${withholds(f)
          ? row(
              i18n.t('referrals.field.withheld'),
              i18n.list(SHAREABLE_PARTS.filter((p) => !f.sharedParts.includes(p)).map((p) => referralLabel(i18n, 'part', p))),
              'consent',
            )
          : nothing}
      </dl>`;
  }

  #renderStep(id: StepId): TemplateResult {
    switch (id) {
      case 'service':
        return this.#renderService();
      case 'case':
        return this.#renderCase();
      case 'needs':
        return this.#renderNeeds();
      case 'consent':
        return this.#renderConsent();
      case 'review':
        return this.#renderReview();
    }
  }

  #advance = (event: Event): void => {
    event.preventDefault();
    void (this.step === STEPS.length - 1 ? this.#send() : this.#next());
  };

  /** Back and next (or send); inside a step's form "next" is its submit button, so Enter moves on. */
  #renderStepActions(last: boolean, inForm: boolean): TemplateResult {
    const i18n = this.#i18n;
    return html`<div class="actions">
      ${this.step > 0
        ? html`<button type="button" class="button secondary" @click=${() => void this.#goTo(this.step - 1)}>${i18n.t('referrals.wizard.back')}</button>`
        : nothing}
      <button type=${inForm ? 'submit' : 'button'} class="button" ?disabled=${this.busy} @click=${inForm ? nothing : this.#advance}>
        ${last ? i18n.t('referrals.wizard.send') : i18n.t('referrals.wizard.next')}
      </button>
    </div>`;
  }

  #renderStepper(): TemplateResult {
    const i18n = this.#i18n;
    return html`<nav aria-label=${i18n.t('referrals.wizard.steps')}>
      <ol class="stepper">
        ${STEPS.map(
          (s, index) => html`<li>
            <button
              type="button"
              class="step ${index === this.step ? 'current' : ''}"
              aria-current=${index === this.step ? 'step' : nothing}
              ?disabled=${index > this.furthest}
              @click=${() => void this.#goTo(index)}
            >
              <span class="number">${i18n.number(index + 1)}</span>
              <span class="step-name">${i18n.t(`referrals.step.${s.id}`)}</span>
            </button>
          </li>`,
        )}
      </ol>
    </nav>`;
  }

  override render() {
    const i18n = this.#i18n;
    setPageTitle(i18n, i18n.t('referrals.wizard.title'));
    if (!can(this.#session.user, 'referral:send')) {
      return html`<h1>${i18n.t('referrals.wizard.title')}</h1>
        <p class="error" role="alert">${i18n.t('referrals.wizard.notAllowed')}</p>`;
    }
    if (this.loading) return html`<p class="muted" role="status">${i18n.t('app.loading')}</p>`;
    const current = STEPS[this.step]!;
    const last = current.id === 'review';
    return html`<h1>${i18n.t('referrals.wizard.title')}</h1>
      <p class="muted">${i18n.t('referrals.wizard.privacy')}</p>
      ${this.#renderStepper()}
      <p class="status muted" role="status">${this.status || i18n.t('referrals.wizard.notSavedYet')}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      <section class="step-body" aria-labelledby="step-heading">
        <h2 id="step-heading" tabindex="-1">
          ${i18n.t('referrals.wizard.stepOf', { step: this.step + 1, steps: STEPS.length })}: ${i18n.t(`referrals.step.${current.id}`)}
        </h2>
        ${current.id === 'service'
          ? // The service step holds its own search form, so it is not wrapped in the step's form.
            html`${this.#renderService()}${this.#renderStepActions(last, false)}`
          : html`<form novalidate @submit=${this.#advance}>${this.#renderStep(current.id)}${this.#renderStepActions(last, true)}</form>`}
      </section>`;
  }
}

customElements.define('ct-referral-wizard-view', ReferralWizardView);

declare global {
  interface HTMLElementTagNameMap {
    'ct-referral-wizard-view': ReferralWizardView;
  }
}
