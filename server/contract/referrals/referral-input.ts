import { z } from 'zod';
import type { MessageKey } from '../text/messages.js';
import { plainText } from '../text/plain-text.js';
import { CATEGORY_CODES } from '../directory/taxonomy/categories.js';
import { SERVICE_LANGUAGES } from '../directory/vocabulary.js';
import {
  AGE_BANDS,
  AGE_STATUSES,
  CHILD_AGE_BANDS,
  CHILD_CONSENT_GIVERS,
  CONSENT_GIVERS,
  CONTACT_PREFERENCES,
  DEFAULT_CONTACT_PREFERENCE,
  DEFAULT_REFERRAL_KIND,
  REFERRAL_KINDS,
  GUARDIAN_ROLES,
  IDENTIFYING_AUTHORITIES,
  treatedAsChild,
  CONSENT_OVERRIDE_REASONS,
  CONSENT_SCOPES,
  NATIONALITY_OTHER,
  REASONS_NEEDING_NOTE,
  SHAREABLE_PARTS,
  WITHHOLDING_REASONS,
  REFERRAL_STATUSES,
  SEXES,
  URGENCIES,
} from './vocabulary.js';

/**
 * What a sender writes into a referral, as zod schemas free of server runtime code, so the web app
 * checks its forms with the very rules the API applies. Only the governorate check differs: the
 * server resolves codes against its bundled governorates file, so it passes its own schema in.
 */

export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'invalidId');

const isoDateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const categoryCode = z.enum(CATEGORY_CODES as [string, ...string[]]);

/** Maximal runs of letters (with their combining marks) in a code: `K7QX-22` has `K` and `QX`. */
const LETTER_RUNS = /[\p{L}\p{M}]+/gu;
const LATIN_RUN = /^(?:\p{Script=Latin}|\p{M})+$/u;
/** Arabic script by extension: Arabic, Persian and Kurdish letters, harakat and tatweel. */
const ARABIC_RUN = /^\p{scx=Arabic}+$/u;
const letterCount = (run: string) => run.replace(/\p{M}/gu, '').length;

/**
 * Whether a case code contains something that reads like a personal name. The rule, on each run of
 * letters: Arabic script of 2 letters or more (علي, أحمد) is a name; Latin of 3 letters or more is a
 * name unless it is all upper case (Fatima, ahmed, Ali refused; BSR, CASE, QX kept as prefixes).
 * Other scripts are refused anyway by the letters-and-digits rule.
 */
export function looksLikeName(code: string): boolean {
  return (code.match(LETTER_RUNS) ?? []).some(
    (run) =>
      (ARABIC_RUN.test(run) && letterCount(run) >= 2) ||
      (LATIN_RUN.test(run) && letterCount(run) >= 3 && run !== run.toUpperCase()),
  );
}

/**
 * A case code is chosen by the sender from their own case management system. It must look like a
 * code, not like a person: no name in it, letters, digits and single dashes, and at least one digit.
 */
export const caseCode = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .refine((code) => !looksLikeName(code), 'caseCodeName')
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'caseCodeCharacters')
  .regex(/\d/, 'caseCodeDigit');

/** The numbering suggested to an organisation: its (first) governorate's ISO code, the year, a number. */
export function caseCodeExample(governorates: readonly string[], year: number): string {
  const prefix = /^IQ-([A-Z]{2})$/.exec(governorates[0] ?? '')?.[1] ?? 'CASE';
  return `${prefix}-${year}-0001`;
}

/**
 * What the receiving organisation may see (every part unless unticked) and, when something is
 * withheld, why. Recorded with the consent, or with the override when the referral goes without one.
 */
const disclosureShape = {
  sharedParts: z
    .array(z.enum(SHAREABLE_PARTS))
    .max(SHAREABLE_PARTS.length)
    .refine((a) => new Set(a).size === a.length, 'eachPartOnce')
    .default([...SHAREABLE_PARTS]),
  withheldReason: z
    .strictObject({ code: z.enum(WITHHOLDING_REASONS), note: plainText(300).nullable().optional() })
    .nullable()
    .optional(),
};

const ConsentGiven = z.strictObject({
  ...disclosureShape,
  given: z.literal(true),
  by: z.enum(CONSENT_GIVERS),
  at: isoDateTime.refine((d) => d.getTime() <= Date.now() + 5 * 60_000, 'notInFuture'),
  scope: z
    .array(z.enum(CONSENT_SCOPES))
    .min(1)
    .max(CONSENT_SCOPES.length)
    .refine((s) => s.includes('referral'), 'consentCoversReferral'),
});

/** Without consent, a referral goes out only when the sender records why it must. */
const ConsentOverridden = z.strictObject({
  ...disclosureShape,
  given: z.literal(false),
  overrideReason: z.enum(CONSENT_OVERRIDE_REASONS, {
    error: 'without consent, give an override reason: child-at-risk or imminent-danger',
  }),
});

const ConsentInput = z.discriminatedUnion('given', [ConsentGiven, ConsentOverridden]);

/** The fields of a referral record, given how governorates are checked. */
export function referralShapeWith(governorate: z.ZodType<string, string>) {
  return {
    toOrganizationId: objectId,
    toServiceId: objectId.nullable().optional(),
    caseCode,
    /** A referral (the sender stays responsible) or a transfer of responsibility to the receiver. */
    kind: z.enum(REFERRAL_KINDS),
    ageBand: z.enum(AGE_BANDS),
    sex: z.enum(SEXES),
    nationality: z.union([z.string().regex(/^[A-Z]{2}$/, 'countryCode'), z.enum(NATIONALITY_OTHER)]),
    preferredLanguage: z.enum(SERVICE_LANGUAGES),
    governorate,
    needs: z
      .array(categoryCode)
      .min(1)
      .max(CATEGORY_CODES.length)
      .refine((a) => new Set(a).size === a.length, 'eachNeedOnce'),
    urgency: z.enum(URGENCIES),
    ageStatus: z.enum(AGE_STATUSES),
    /** A child's guardian or responsible adult, by role; children only. */
    guardianRole: z.enum(GUARDIAN_ROLES).nullable().optional(),
    /** Why the referral serves the child's best interests (encrypted like the notes); children only. */
    bestInterestsNote: plainText(4000).nullable().optional(),
    contactPreference: z.enum(CONTACT_PREFERENCES),
    consent: ConsentInput,
    summary: plainText(4000).nullable().optional(),
    /** What endangers the person or those helping them (encrypted like the notes). */
    safetyRisks: plainText(2000).nullable().optional(),
    notes: plainText(4000).nullable().optional(),
  };
}

export type ReferralFields = z.output<z.ZodObject<ReturnType<typeof referralShapeWith>>>;

type CaseProblem = { path: string[]; message: MessageKey };

/**
 * Rules across fields: the age band and the age status agree (an uncertain age fits any band); an
 * override for a child at risk, a guardian and a best-interests note are for children; a child's
 * consent is given by or with the guardian; phone contact needs consent to it; text is shared only
 * when consent covers sharing it; withheld parts say why. Checked on creation and on every edit.
 */
export function caseRuleProblems(r: ReferralFields): CaseProblem[] {
  const problems: CaseProblem[] = [];
  const child = treatedAsChild(r.ageStatus);
  if (r.ageBand !== 'unknown' && r.ageStatus !== 'uncertain' && CHILD_AGE_BANDS.includes(r.ageBand) !== (r.ageStatus === 'child')) {
    problems.push({ path: ['ageStatus'], message: 'childMatchesAgeBand' });
  }
  if (!r.consent.given && r.consent.overrideReason === 'child-at-risk' && !child) {
    problems.push({ path: ['consent', 'overrideReason'], message: 'childAtRiskForChildren' });
  }
  if (!child) {
    if (r.guardianRole) problems.push({ path: ['guardianRole'], message: 'onlyForChildren' });
    if (r.bestInterestsNote) problems.push({ path: ['bestInterestsNote'], message: 'onlyForChildren' });
  }
  if (child && r.consent.given && !CHILD_CONSENT_GIVERS.includes(r.consent.by)) {
    problems.push({ path: ['consent', 'by'], message: 'childConsentWithGuardian' });
  }
  if (r.contactPreference === 'phone' && r.consent.given && !r.consent.scope.includes('contact-by-receiver')) {
    problems.push({ path: ['contactPreference'], message: 'phoneNeedsContactConsent' });
  }
  const withholds = r.consent.sharedParts.length < SHAREABLE_PARTS.length;
  if (withholds && !r.consent.withheldReason) problems.push({ path: ['consent', 'withheldReason'], message: 'withheldNeedsReason' });
  if (!withholds && r.consent.withheldReason) problems.push({ path: ['consent', 'withheldReason'], message: 'withheldReasonWithoutWithheld' });
  const reason = r.consent.withheldReason;
  if (reason && REASONS_NEEDING_NOTE.includes(reason.code) && !reason.note) {
    problems.push({ path: ['consent', 'withheldReason', 'note'], message: 'withheldReasonNeedsNote' });
  }
  if (r.consent.given && !r.consent.scope.includes('share-case-information') && (r.summary || r.notes || r.safetyRisks)) {
    problems.push({
      path: ['summary'],
      message: 'consentCoversText',
    });
  }
  return problems;
}

/**
 * What a child's referral needs before it is accepted, or sent without consent (a child is never
 * referred on an override alone): the guardian or responsible adult, and a best-interests note.
 */
export function childSafeguardProblems(r: Pick<ReferralFields, 'ageStatus' | 'guardianRole'> & { hasBestInterestsNote: boolean }): CaseProblem[] {
  if (!treatedAsChild(r.ageStatus)) return [];
  return [
    ...(r.guardianRole ? [] : [{ path: ['guardianRole'], message: 'childNeedsGuardian' as const }]),
    ...(r.hasBestInterestsNote ? [] : [{ path: ['bestInterestsNote'], message: 'childNeedsBestInterests' as const }]),
  ];
}

/** A calendar day, at the latest today in Iraq (UTC+3, so up to a day ahead of UTC's date). */
const decisionDay = z.iso
  .date()
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .refine((d) => d.getTime() <= Date.now() + 3 * 3_600_000, 'notInFuture');

/**
 * The person's identification status. A decision (formally identified or not) names the authority by
 * role or body and the day it decided; screening names neither. Never a name, never a document.
 */
export const IdentificationInput = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('screened') }),
  z.strictObject({ status: z.literal('formally-identified'), authority: z.enum(IDENTIFYING_AUTHORITIES), decidedOn: decisionDay }),
  z.strictObject({ status: z.literal('not-identified'), authority: z.enum(IDENTIFYING_AUTHORITIES), decidedOn: decisionDay }),
]);
export type IdentificationInput = z.output<typeof IdentificationInput>;

/** A complete referral record as the sender writes it: kept as a draft, or sent at once. */
export function createReferralBodyWith(governorate: z.ZodType<string, string>) {
  return z
    .strictObject({
      ...referralShapeWith(governorate),
      contactPreference: z.enum(CONTACT_PREFERENCES).default(DEFAULT_CONTACT_PREFERENCE),
      kind: z.enum(REFERRAL_KINDS).default(DEFAULT_REFERRAL_KIND),
      /** Screened as a presumed victim unless the sender already knows the authority's decision. */
      identification: IdentificationInput.default({ status: 'screened' }),
      send: z.boolean().default(false),
    })
    .superRefine((r, ctx) => {
      for (const p of caseRuleProblems(r)) ctx.addIssue({ code: 'custom', ...p });
    });
}

export const TransitionBody = z.strictObject({
  to: z.enum(REFERRAL_STATUSES),
  reason: z.string().max(40).optional(),
  note: plainText(2000).optional(),
});
export type TransitionBody = z.output<typeof TransitionBody>;

export const CommentBody = z.strictObject({ body: plainText(4000) });
