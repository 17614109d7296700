import { z } from 'zod';
import { childSafeguardProblems, createReferralBodyWith, type ReferralFields } from '../../../../server/contract/referrals/referral-input.js';
import { say } from '../../../../server/contract/text/messages.js';
import {
  CHILD_AGE_BANDS,
  DEFAULT_CONTACT_PREFERENCE,
  DEFAULT_REFERRAL_KIND,
  SHAREABLE_PARTS,
  treatedAsChild,
  type AgeStatus,
} from '../../../../server/contract/referrals/vocabulary.js';
import type { Referral } from '../../api/referrals.js';
import type { TextKey } from '../../i18n/en.js';
import type { I18nController } from '../../i18n/i18n.js';
import type { Translated } from '../../i18n/types.js';
import { FieldProblems, localised } from '../../forms/field-problems.js';

/**
 * The server's referral schema, checked in the browser before anything is sent. Only the governorate
 * rule differs: the server resolves codes against its bundled file, the form offers only ISO codes.
 */
export const ReferralInput = createReferralBodyWith(z.string().regex(/^IQ-[A-Z]{2}$/, 'chooseOption'));

/**
 * The child's safeguards the server needs before acceptance, asked at once on the case step (a
 * refinement of `ReferralInput` would wait until every other field is valid).
 */
export const safeguardFields = (form: ReferralForm): string[] =>
  form.ageStatus
    ? childSafeguardProblems({
        ageStatus: form.ageStatus as AgeStatus,
        guardianRole: (form.guardianRole || null) as ReferralFields['guardianRole'],
        hasBestInterestsNote: form.bestInterestsNote.trim() !== '',
      }).map((p) => p.path.join('.'))
    : [];

/** An age band that says adult or child answers the age question too, unless the age was marked uncertain. */
export function ageStatusFor(band: string, current: string): string {
  if (band === 'unknown' || current === 'uncertain') return current;
  return (CHILD_AGE_BANDS as readonly string[]).includes(band) ? 'child' : 'adult';
}

/** The wizard's inputs as the user fills them in (strings for selects, lists for check boxes). */
export interface ReferralForm {
  serviceId: string;
  serviceName: Translated | null;
  organizationId: string;
  organizationName: Translated | null;
  caseCode: string;
  ageBand: string;
  ageStatus: string;
  /** A child's guardian or responsible adult, by role; asked for children only. */
  guardianRole: string;
  bestInterestsNote: string;
  sex: string;
  nationality: string;
  preferredLanguage: string;
  governorate: string;
  needs: string[];
  urgency: string;
  /** `referral` (the sender stays responsible) or `transfer` (the receiver becomes responsible). */
  kind: string;
  consent: '' | 'given' | 'overridden';
  consentBy: string;
  /** A datetime-local value: the user's wall clock. */
  consentAt: string;
  scope: string[];
  overrideReason: string;
  contactPreference: string;
  /** What the receiving organisation may see (all unless unticked); when something is withheld, why. */
  sharedParts: string[];
  withheldReason: string;
  withheldNote: string;
  summary: string;
  safetyRisks: string;
  notes: string;
}

export const emptyForm = (): ReferralForm => ({
  serviceId: '',
  serviceName: null,
  organizationId: '',
  organizationName: null,
  caseCode: '',
  ageBand: '',
  ageStatus: '',
  guardianRole: '',
  bestInterestsNote: '',
  sex: '',
  nationality: '',
  preferredLanguage: '',
  governorate: '',
  needs: [],
  urgency: '',
  kind: DEFAULT_REFERRAL_KIND,
  consent: '',
  consentBy: '',
  consentAt: '',
  scope: ['referral'],
  overrideReason: '',
  contactPreference: DEFAULT_CONTACT_PREFERENCE,
  sharedParts: [...SHAREABLE_PARTS],
  withheldReason: '',
  withheldNote: '',
  summary: '',
  safetyRisks: '',
  notes: '',
});

/** Whether the form keeps any part from the receiving organisation. */
export const withholds = (form: ReferralForm) => form.sharedParts.length < SHAREABLE_PARTS.length;

/** Whether the person counts as a child: a child, or of uncertain age (the presumption of childhood). */
export const isChild = (form: ReferralForm) => form.ageStatus !== '' && treatedAsChild(form.ageStatus as AgeStatus);

/** Consent covers sharing the summary and notes with the receiver (always true for an override). */
export const textMayBeShared = (form: ReferralForm) => form.consent !== 'given' || form.scope.includes('share-case-information');

const optionalText = (value: string) => value.trim() || null;

/** The request body the API expects, built from the form (empty choices stay missing, so zod names them). */
export function toInput(form: ReferralForm) {
  const shared = textMayBeShared(form);
  const child = isChild(form);
  const disclosure = {
    // In the order the API lists them, so a saved draft compares equal.
    sharedParts: SHAREABLE_PARTS.filter((p) => form.sharedParts.includes(p)),
    withheldReason: withholds(form) ? { code: form.withheldReason || undefined, note: optionalText(form.withheldNote) } : null,
  };
  return {
    toOrganizationId: form.organizationId,
    toServiceId: form.serviceId || null,
    caseCode: form.caseCode,
    ageBand: form.ageBand || undefined,
    sex: form.sex || undefined,
    nationality: form.nationality || undefined,
    preferredLanguage: form.preferredLanguage || undefined,
    governorate: form.governorate || undefined,
    needs: form.needs,
    urgency: form.urgency || undefined,
    kind: form.kind,
    ageStatus: form.ageStatus || undefined,
    guardianRole: child ? form.guardianRole || null : null,
    bestInterestsNote: child ? optionalText(form.bestInterestsNote) : null,
    contactPreference: form.contactPreference,
    consent:
      form.consent === 'given'
        ? {
            given: true,
            by: form.consentBy || undefined,
            at: form.consentAt ? new Date(form.consentAt).toISOString() : '',
            scope: form.scope,
            ...disclosure,
          }
        : form.consent === 'overridden'
          ? { given: false, overrideReason: form.overrideReason || undefined, ...disclosure }
          : undefined,
    summary: shared ? optionalText(form.summary) : null,
    safetyRisks: shared ? optionalText(form.safetyRisks) : null,
    notes: shared ? optionalText(form.notes) : null,
  };
}

/** A datetime-local value (the user's wall clock) for an instant. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A saved draft back in the form, to carry on where it was left. */
export function fromReferral(r: Referral, serviceName: Translated | null): ReferralForm {
  return {
    ...emptyForm(),
    serviceId: r.to.serviceId ?? '',
    serviceName,
    organizationId: r.to.id,
    organizationName: r.to.name,
    caseCode: r.caseCode,
    ageBand: r.ageBand,
    ageStatus: r.ageStatus,
    guardianRole: r.guardianRole ?? '',
    bestInterestsNote: r.bestInterestsNote ?? '',
    contactPreference: r.contactPreference ?? DEFAULT_CONTACT_PREFERENCE,
    sex: r.sex,
    nationality: r.nationality,
    preferredLanguage: r.preferredLanguage,
    governorate: r.governorate,
    // A draft is the sender's own: every part is in it.
    needs: r.needs ?? [],
    urgency: r.urgency ?? '',
    kind: r.kind,
    sharedParts: SHAREABLE_PARTS.filter((p) => !r.withheld.includes(p)),
    withheldReason: r.withheldReason?.code ?? '',
    withheldNote: r.withheldReason?.note ?? '',
    consent: r.consent.given ? 'given' : 'overridden',
    consentBy: r.consent.by ?? '',
    consentAt: r.consent.at ? localDateTime(r.consent.at) : '',
    scope: r.consent.given ? r.consent.scope : ['referral'],
    overrideReason: r.consentOverride?.reason ?? '',
    summary: r.summary ?? '',
    safetyRisks: r.safetyRisks ?? '',
    notes: r.notes ?? '',
  };
}

export type StepId = 'service' | 'case' | 'needs' | 'consent' | 'review';

/** The wizard's steps, each with the fields (as zod and the server name them) it asks for. */
export const STEPS: readonly { id: StepId; fields: readonly string[] }[] = [
  { id: 'service', fields: ['toOrganizationId', 'toServiceId'] },
  {
    id: 'case',
    fields: ['caseCode', 'ageBand', 'ageStatus', 'guardianRole', 'bestInterestsNote', 'sex', 'nationality', 'preferredLanguage', 'governorate'],
  },
  { id: 'needs', fields: ['needs', 'urgency', 'kind'] },
  // The summary and notes follow the consent: whether they may be shared depends on its scope.
  { id: 'consent', fields: ['consent', 'contactPreference', 'summary', 'safetyRisks', 'notes'] },
  { id: 'review', fields: [] },
];

/** The step that asks for a field (`consent.by` belongs to the consent step). */
export function stepOfField(field: string): number {
  const index = STEPS.findIndex((s) => s.fields.some((f) => field === f || field.startsWith(`${f}.`)));
  return index === -1 ? STEPS.length - 1 : index;
}

/**
 * Field messages in the interface language: the form says what to do where it knows the field better
 * than the schema. A case code refused as a name says why, with `caseCodeExample` (the organisation's numbering).
 */
export function localizedProblems(i18n: I18nController, problems: FieldProblems, caseCodeExample?: string): FieldProblems {
  const messages = Object.fromEntries(problems.fields.map((field) => [field, i18n.t(`referrals.problem.${field}` as TextKey) as string | undefined]));
  if (caseCodeExample && problems.message('caseCode') === say({ key: 'caseCodeName' }, i18n.lang)) {
    messages.caseCode = say({ key: 'caseCodeNameExample', params: { example: caseCodeExample } }, i18n.lang);
  }
  return new FieldProblems(localised(problems, messages));
}

/** Nationalities most often met in trafficking cases in Iraq (the list also offers stateless and unknown). */
export const COMMON_NATIONALITIES = ['IQ', 'SY', 'IR', 'TR', 'BD', 'PK', 'NP', 'PH', 'ET', 'LK', 'IN', 'ID', 'KE', 'UG', 'GH'] as const;
