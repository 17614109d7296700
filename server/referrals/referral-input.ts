import { z } from 'zod';
import { plainText } from '../platform/text/plain-text.js';
import { CATEGORY_CODES } from '../../seed/taxonomy.js';
import { SERVICE_LANGUAGES } from '../directory/vocabulary.js';
import {
  AGE_BANDS,
  CHILD_AGE_BANDS,
  CONSENT_GIVERS,
  CONSENT_OVERRIDE_REASONS,
  CONSENT_SCOPES,
  NATIONALITY_OTHER,
  REFERRAL_STATUSES,
  SEXES,
  URGENCIES,
} from './vocabulary.js';

/**
 * What a sender writes into a referral, as zod schemas free of server runtime code, so the web app
 * checks its forms with the very rules the API applies. Only the governorate check differs: the
 * server resolves codes against its bundled governorates file, so it passes its own schema in.
 */

export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'must be an id');

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

/** The message of the name rule as zod gives it; readers get it localised (`caseCodeNameMessage`). */
export const CASE_CODE_NAME_RULE = 'looks like a personal name: a case code must never contain a name';

/**
 * A case code is chosen by the sender from their own case management system. It must look like a
 * code, not like a person: no name in it, letters, digits and single dashes, and at least one digit.
 */
export const caseCode = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .refine((code) => !looksLikeName(code), CASE_CODE_NAME_RULE)
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'only letters, digits and single dashes')
  .regex(/\d/, 'must contain a digit: a case code is never a name');

/** The numbering suggested to an organisation: its (first) governorate's ISO code, the year, a number. */
export function caseCodeExample(governorates: readonly string[], year: number): string {
  const prefix = /^IQ-([A-Z]{2})$/.exec(governorates[0] ?? '')?.[1] ?? 'CASE';
  return `${prefix}-${year}-0001`;
}

/** Why a name is refused, and what to write instead, in the reader's language (API and web app). */
export function caseCodeNameMessage(lang: 'en' | 'ar' | 'ckb', example: string): string {
  const messages = {
    en: `A case code must never contain a name: the code travels to other organisations, and a name in it identifies the person. Use your organisation's case numbering, for example ${example} (governorate, year, number).`,
    ar: `لا تكتب اسمًا في رمز الحالة أبدًا: يصل الرمز إلى منظمات أخرى، والاسم فيه يكشف هوية الشخص. استخدم ترقيم الحالات في منظمتك، مثل ${example} (المحافظة، السنة، الرقم).`,
    ckb: `هەرگیز ناو لە کۆدی کەیسدا مەنووسە: کۆدەکە دەگاتە ڕێکخراوەکانی تر، و ناوێک تێیدا کەسەکە دەناسێنێت. ژمارەکردنی کەیسەکانی ڕێکخراوەکەت بەکاربهێنە، بۆ نموونە ${example} (پارێزگا، ساڵ، ژمارە).`,
  };
  return messages[lang];
}

const ConsentGiven = z.strictObject({
  given: z.literal(true),
  by: z.enum(CONSENT_GIVERS),
  at: isoDateTime.refine((d) => d.getTime() <= Date.now() + 5 * 60_000, 'cannot be in the future'),
  scope: z
    .array(z.enum(CONSENT_SCOPES))
    .min(1)
    .max(CONSENT_SCOPES.length)
    .refine((s) => s.includes('referral'), 'consent must cover the referral itself'),
});

/** Without consent, a referral goes out only when the sender records why it must. */
const ConsentOverridden = z.strictObject({
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
    ageBand: z.enum(AGE_BANDS),
    sex: z.enum(SEXES),
    nationality: z.union([z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code'), z.enum(NATIONALITY_OTHER)]),
    preferredLanguage: z.enum(SERVICE_LANGUAGES),
    governorate,
    needs: z
      .array(categoryCode)
      .min(1)
      .max(CATEGORY_CODES.length)
      .refine((a) => new Set(a).size === a.length, 'each need once'),
    urgency: z.enum(URGENCIES),
    isChild: z.boolean(),
    consent: ConsentInput,
    summary: plainText(4000).nullable().optional(),
    notes: plainText(4000).nullable().optional(),
  };
}

export type ReferralFields = z.output<z.ZodObject<ReturnType<typeof referralShapeWith>>>;

/**
 * Rules across fields: the age band and the child flag agree; an override for a child at risk is for
 * children; text is shared only when consent covers sharing it. Checked on creation and on every edit.
 */
export function caseRuleProblems(r: ReferralFields): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  if (r.ageBand !== 'unknown' && CHILD_AGE_BANDS.includes(r.ageBand) !== r.isChild) {
    problems.push({ path: ['isChild'], message: 'does not match the age band' });
  }
  if (!r.consent.given && r.consent.overrideReason === 'child-at-risk' && !r.isChild) {
    problems.push({ path: ['consent', 'overrideReason'], message: 'child-at-risk applies to children only' });
  }
  if (r.consent.given && !r.consent.scope.includes('share-case-information') && (r.summary || r.notes)) {
    problems.push({
      path: ['summary'],
      message: 'consent does not cover sharing case information: leave summary and notes empty',
    });
  }
  return problems;
}

/** A complete referral record as the sender writes it: kept as a draft, or sent at once. */
export function createReferralBodyWith(governorate: z.ZodType<string, string>) {
  return z
    .strictObject({ ...referralShapeWith(governorate), send: z.boolean().default(false) })
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
