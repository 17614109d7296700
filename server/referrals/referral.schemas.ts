import { z } from 'zod';
import { governorateCode } from '../directory/governorates/governorate-data.js';
import { multiValue, queryBoolean } from '../platform/http/validate.js';
import { createReferralBodyWith, objectId, referralShapeWith } from './referral-input.js';
import {
  AGE_BANDS,
  CONSENT_GIVERS,
  CONSENT_OVERRIDE_REASONS,
  CONSENT_SCOPES,
  REFERRAL_STATUSES,
  SEXES,
  URGENCIES,
} from './vocabulary.js';

export {
  caseCode,
  caseRuleProblems,
  categoryCode,
  CommentBody,
  objectId,
  TransitionBody,
  type ReferralFields,
} from './referral-input.js';

/** Path ids: a malformed one names a record that does not exist (404), not a bad request. */
export const IdParams = z.object({ id: z.string().max(64) });

const governorateInput = z.string().transform((value, ctx) => {
  const code = governorateCode(value);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: 'must be a governorate code (ISO 3166-2 or P-code)' });
    return z.NEVER;
  }
  return code;
});

const referralShape = referralShapeWith(governorateInput);

/** A complete referral record as the sender writes it: kept as a draft, or sent at once. */
export const CreateReferralBody = createReferralBodyWith(governorateInput);

/** Changes to a draft: any of the fields; the merged record must still be a valid referral. */
export const UpdateDraftBody = z.strictObject(
  Object.fromEntries(Object.entries(referralShape).map(([k, s]) => [k, s.optional()])) as {
    [K in keyof typeof referralShape]: z.ZodOptional<(typeof referralShape)[K]>;
  },
);
export type UpdateDraftBody = z.output<typeof UpdateDraftBody>;

export const ListQuery = z.strictObject({
  box: z.enum(['inbox', 'outbox', 'all']).default('inbox'),
  status: multiValue(z.enum(REFERRAL_STATUSES)).optional(),
  urgency: multiValue(z.enum(URGENCIES)).optional(),
  governorate: governorateInput.optional(),
  overdue: queryBoolean.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListQuery = z.output<typeof ListQuery>;

const dateOnly = z.iso.date().transform((s) => new Date(`${s}T00:00:00Z`));

/** A period of whole days, `to` inclusive. */
export const PeriodQuery = {
  from: dateOnly.optional(),
  to: dateOnly.transform((d) => new Date(d.getTime() + 86_400_000)).optional(),
};

export const StatsQuery = z.strictObject({ ...PeriodQuery, organizationId: objectId.optional() });
export type StatsQuery = z.output<typeof StatsQuery>;

// ---- Responses (for the OpenAPI document) ----

const translated = z.record(z.string(), z.string());
const orgRef = z.object({ id: z.string(), name: translated.nullable() });
const historyEntry = z.object({
  at: z.date(),
  from: z.enum(REFERRAL_STATUSES).nullable(),
  to: z.enum(REFERRAL_STATUSES),
  by: z.object({ userId: z.string(), name: z.string(), organizationId: z.string().nullable() }),
  reason: z.string().nullable(),
});

export const ReferralSummaryView = z.object({
  id: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  version: z.number(),
  from: orgRef,
  to: orgRef.extend({ serviceId: z.string().nullable() }),
  caseCode: z.string(),
  ageBand: z.enum(AGE_BANDS),
  sex: z.enum(SEXES),
  nationality: z.string(),
  preferredLanguage: z.string(),
  governorate: z.string(),
  needs: z.array(z.string()),
  urgency: z.enum(URGENCIES),
  isChild: z.boolean(),
  overdue: z.boolean(),
  sentAt: z.date().nullable(),
  acknowledgeBy: z.date().nullable(),
  acknowledgedAt: z.date().nullable(),
  acceptedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  closeReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ReferralView = ReferralSummaryView.extend({
  consent: z.object({ given: z.boolean(), by: z.enum(CONSENT_GIVERS).nullable(), at: z.date().nullable(), scope: z.array(z.enum(CONSENT_SCOPES)) }),
  consentOverride: z
    .object({ reason: z.enum(CONSENT_OVERRIDE_REASONS), byUserId: z.string(), at: z.date() })
    .nullable()
    .describe('Set when the referral went out without consent; always shown.'),
  textVisible: z.boolean().describe('False for platform administrators, who never see case text.'),
  textErased: z.boolean().describe('True once the retention period erased summary, notes and comments.'),
  summary: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  history: z.array(historyEntry),
  allowedMoves: z.array(z.enum(REFERRAL_STATUSES)).describe('The states the current user may move it to.'),
});

export const ReferralList = z.object({
  items: z.array(ReferralSummaryView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const CommentView = z.object({
  id: z.string(),
  author: z.object({ userId: z.string(), name: z.string(), organizationId: z.string().nullable() }),
  body: z.string(),
  withStatus: z.enum(REFERRAL_STATUSES).nullable(),
  createdAt: z.date(),
});

const boxCounts = z.object({ awaitingAcknowledgement: z.number(), overdue: z.number(), inProgress: z.number() });
export const CountsView = z.object({ inbox: boxCounts, outbox: boxCounts.extend({ drafts: z.number() }) });

const withheld = 'Null when withheld under the small-count rule (see `fewerThanFive`).';
const fewerThanFive = z
  .boolean()
  .describe('True when a count here is null because it is between 1 and 4, or would let such a count be recomputed by subtraction (PERMISSIONS.md).');
const countBy = (key: string) => z.array(z.object({ [key]: z.string(), count: z.number().nullable().describe(withheld), fewerThanFive }));
export const StatsView = z.object({
  scope: z.object({ organizationId: z.string().nullable() }),
  period: z.object({ from: z.date().nullable(), to: z.date().nullable() }),
  aggregatedPeriod: z
    .object({ from: z.date().nullable(), to: z.date().nullable() })
    .describe('The period counted: `period` for the viewer’s own organisation; otherwise whole, completed calendar months (UTC), `to` exclusive.'),
  total: z.number().nullable().describe(withheld),
  fewerThanFive,
  byStatus: countBy('status'),
  byUrgency: countBy('urgency'),
  byGovernorate: countBy('governorate'),
  byCategory: countBy('category'),
  medianHoursToAcknowledge: z.number().nullable().describe('Null without data, or over fewer than 5 referrals outside the viewer’s own organisation.'),
  medianHoursToAccept: z.number().nullable(),
  acceptanceByReceiver: z
    .array(
      z.object({
        organizationId: z.string(),
        name: translated.nullable(),
        decided: z.number(),
        accepted: z.number().nullable().describe(withheld),
        rate: z.number().nullable().describe(withheld),
        fewerThanFive,
      }),
    )
    .describe('Outside the viewer’s own organisation, only receivers with 5 or more decisions.'),
});
