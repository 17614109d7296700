import { html } from 'lit';
import type { ReferralStatus, ReferralSummary } from '../../api/referrals.js';
import type { TextKey } from '../../i18n/en.js';
import type { I18nController } from '../../i18n/i18n.js';

/** Referral vocabularies whose labels live in the referrals area as `referrals.<kind>.<code>`. */
export type ReferralVocabulary =
  | 'status'
  | 'kind'
  | 'urgency'
  | 'ageBand'
  | 'ageStatus'
  | 'sex'
  | 'consentBy'
  | 'scope'
  | 'override'
  | 'reason'
  | 'guardianRole'
  | 'contactPreference'
  | 'identification'
  | 'authority'
  | 'part'
  | 'withholding';

/** The label of a referral code; the code itself if a newer server sends one the catalogue lacks. */
export function referralLabel(i18n: I18nController, kind: ReferralVocabulary, code: string): string {
  const text = i18n.t(`referrals.${kind}.${code}` as TextKey) as string | undefined;
  return text ?? code;
}

/** A date with its wall-clock time, both in the interface's locale. */
export function dateTime(i18n: I18nController, value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const hhmm = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${i18n.date(date)} ${i18n.time(hhmm)}`;
}

/** A country (ISO 3166-1 alpha-2) in the interface language, or "stateless" / "unknown". */
export function nationalityName(i18n: I18nController, code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return i18n.t(code === 'stateless' ? 'referrals.nationality.stateless' : 'referrals.nationality.unknown');
  try {
    return new Intl.DisplayNames([i18n.lang, 'ar'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const STATUS_TONE: Partial<Record<ReferralStatus, string>> = {
  accepted: 'positive',
  completed: 'positive',
  declined: 'warning',
  'not-completed': 'warning',
  withdrawn: 'warning',
};

export function renderStatus(i18n: I18nController, status: ReferralStatus) {
  return html`<span class="badge ${STATUS_TONE[status] ?? ''}" data-status=${status}>${referralLabel(i18n, 'status', status)}</span>`;
}

/** Urgency in words, with a mark that does not rely on colour for emergencies. */
export function renderUrgency(i18n: I18nController, urgency: NonNullable<ReferralSummary['urgency']>) {
  return html`<span class="badge urgency-${urgency}">${urgency === 'emergency' ? '⚠ ' : ''}${referralLabel(i18n, 'urgency', urgency)}</span>`;
}

/** A transfer of responsibility is marked in words; a referral for a service, the usual case, is left unmarked. */
export function renderKind(i18n: I18nController, kind: ReferralSummary['kind']) {
  return kind === 'transfer' ? html`<span class="badge kind-transfer" data-kind=${kind}>⇄ ${referralLabel(i18n, 'kind', kind)}</span>` : '';
}

/** Overdue is said in words and marked with a symbol, never by colour alone. */
export function renderOverdue(i18n: I18nController) {
  return html`<span class="badge overdue">⏰ ${i18n.t('referrals.overdue')}</span>`;
}

/** Age band, sex, nationality, language (and "child" or "age uncertain"), as one line. */
export function personFacts(
  i18n: I18nController,
  p: { ageBand: string; sex: string; nationality: string; preferredLanguage: string; ageStatus: string },
): string {
  return [
    referralLabel(i18n, 'ageBand', p.ageBand),
    referralLabel(i18n, 'sex', p.sex),
    nationalityName(i18n, p.nationality),
    i18n.vocab('language', p.preferredLanguage),
    ...(p.ageStatus && p.ageStatus !== 'adult' ? [referralLabel(i18n, 'ageStatus', p.ageStatus)] : []),
  ].join(i18n.t('app.comma'));
}

/** How the receiver may reach the person, said first and in words on the referral (never colour alone). */
export function renderContactPreference(i18n: I18nController, preference: string) {
  return html`<p class="notice contact-preference" data-contact=${preference}>
    <strong>☎ ${i18n.t('referrals.field.contactPreference')}:</strong> ${referralLabel(i18n, 'contactPreference', preference)}
  </p>`;
}

/** What the referring organisation withholds from the receiving one, and why: one line, said to either side. */
export function renderWithheld(
  i18n: I18nController,
  side: 'byReferrer' | 'fromReceiver',
  withheld: readonly string[],
  reason: { code: string; note: string | null } | null,
) {
  const why = reason ? [referralLabel(i18n, 'withholding', reason.code), ...(reason.note ? [reason.note] : [])].join(i18n.t('app.comma')) : '';
  return html`<p class="notice withheld" data-withheld=${withheld.join(' ')}>
    ${i18n.t(`referrals.withheld.${side}`, { parts: i18n.list(withheld.map((p) => referralLabel(i18n, 'part', p))), reason: why })}
  </p>`;
}

/** A list cell the referring organisation withheld from the reader. */
export const withheldMark = (i18n: I18nController) => html`<span class="muted">${i18n.t('referrals.withheld.cell')}</span>`;
