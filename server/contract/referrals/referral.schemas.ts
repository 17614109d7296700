import { z } from 'zod';
import { objectId } from './referral-input.js';
import {
  AGE_BANDS,
  AGE_STATUSES,
  CONSENT_GIVERS,
  CONTACT_PREFERENCES,
  GUARDIAN_ROLES,
  IDENTIFICATION_STATUSES,
  IDENTIFYING_AUTHORITIES,
  CONSENT_OVERRIDE_REASONS,
  CONSENT_SCOPES,
  REFERRAL_KINDS,
  REFERRAL_STATUSES,
  SEXES,
  SHAREABLE_PARTS,
  URGENCIES,
  WITHHOLDING_REASONS,
} from './vocabulary.js';
import { REQUIRED_IDENTIFICATIONS } from '../directory/vocabulary.js';

export {
  caseCode,
  caseRuleProblems,
  categoryCode,
  childSafeguardProblems,
  CommentBody,
  IdentificationInput,
  objectId,
  TransitionBody,
  type ReferralFields,
} from './referral-input.js';

/** Path ids: a malformed one names a record that does not exist (404), not a bad request. */
export const IdParams = z.object({ id: z.string().max(64) });

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

const absentWhenWithheld = 'Absent from the receiving organisation’s view when withheld (see `withheld`).';

export const ReferralSummaryView = z.object({
  id: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  version: z.number(),
  from: orgRef,
  to: orgRef.extend({ serviceId: z.string().nullable() }),
  caseCode: z.string(),
  kind: z
    .enum(REFERRAL_KINDS)
    .describe(
      '`referral` asks for one service while the sender stays responsible for the case; `transfer` hands the case to the ' +
        'receiver once accepted: from then on the sender reads its history only, and the receiver may make every move.',
    ),
  ageBand: z.enum(AGE_BANDS),
  sex: z.enum(SEXES),
  nationality: z.string(),
  preferredLanguage: z.string(),
  governorate: z.string(),
  needs: z.array(z.string()).optional().describe(absentWhenWithheld),
  urgency: z.enum(URGENCIES).optional().describe(absentWhenWithheld),
  ageStatus: z.enum(AGE_STATUSES),
  isChild: z.boolean().describe('True for a child and, by the presumption of childhood, while the age is uncertain.'),
  contactPreference: z
    .enum(CONTACT_PREFERENCES)
    .optional()
    .describe(`How the receiving organisation may reach the person; \`through-caseworker\` by default. ${absentWhenWithheld}`),
  withheld: z
    .array(z.enum(SHAREABLE_PARTS))
    .describe(
      'The parts the referring organisation withholds from the receiving one (with the consent, or the override). In the ' +
        'receiving organisation’s views these fields are absent; the sender sees them. The case code, the service asked for ' +
        'and a child’s safeguards (guardian’s role, best-interests note) are never withheld.',
    ),
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
  withheldReason: z
    .object({
      code: z.enum(WITHHOLDING_REASONS),
      note: z.string().nullable().describe('A short explanation (needed for `other`); null for platform administrators.'),
    })
    .nullable()
    .describe('Why the parts in `withheld` are withheld; null when nothing is.'),
  guardianRole: z.enum(GUARDIAN_ROLES).nullable().describe('A child’s guardian or responsible adult, by role only.'),
  identification: z
    .object({
      status: z.enum(IDENTIFICATION_STATUSES),
      authority: z.enum(IDENTIFYING_AUTHORITIES).nullable().describe('The authority that decided, by role or body; null while screened.'),
      decidedOn: z.string().nullable().describe('The day of the decision (YYYY-MM-DD); null while screened.'),
      recordedAt: z.date().nullable().describe('When the status was recorded; null for referrals stored before it was.'),
      recordedByOrganizationId: z.string().nullable(),
    })
    .describe('Identification as a victim, apart from the referral’s state: screened by the sender, then formally identified or not.'),
  reflection: z
    .object({ startedAt: z.date(), endsAt: z.date() })
    .nullable()
    .describe('The recovery and reflection period the receiving side started on the accepted referral; both sides are reminded when it ends.'),
  identificationWarning: z
    .object({ required: z.enum(REQUIRED_IDENTIFICATIONS), current: z.enum(IDENTIFICATION_STATUSES) })
    .nullable()
    .describe('Set when the service referred to requires an identification the person’s status does not meet; the referral still goes.'),
  readOnly: z.boolean().describe('True for the sending organisation once its transfer was accepted: it reads the history and writes nothing.'),
  textVisible: z.boolean().describe('False for platform administrators, who never see case text.'),
  textErased: z.boolean().describe('True once the retention period erased summary, notes and comments.'),
  summary: z.string().nullable().optional(),
  safetyRisks: z.string().nullable().optional().describe(`What endangers the person or those helping them. ${absentWhenWithheld}`),
  notes: z.string().nullable().optional().describe(absentWhenWithheld),
  bestInterestsNote: z
    .string()
    .nullable()
    .optional()
    .describe('A child’s best-interests note: always shared with the receiving organisation, whatever the consent covers, because safeguarding needs it to accept.'),
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

/** A referral's comments; `textErased` once its free text was erased after the retention period. */
export const CommentList = z.object({ items: z.array(CommentView), textErased: z.boolean() });

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

const Count = z.number().nullable();

export const NetworkView = z.object({
  period: z.object({ from: z.date().nullable(), to: z.date().nullable() }),
  aggregatedPeriod: z
    .object({ from: z.date().nullable(), to: z.date() })
    .describe('The whole, completed calendar months (UTC) in which referrals between two other organisations are counted.'),
  nodes: z.array(z.object({ id: z.string(), name: z.record(z.string(), z.string()), type: z.string(), governorates: z.array(z.string()) })),
  edges: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      detail: z.enum(['full', 'aggregate']).describe('`full` for an edge of the viewer’s own organisation; `aggregate` between two others.'),
      agreements: z.number().describe('Agreements between the two in force at any time in the period.'),
      referrals: Count.describe('Referrals sent between the two, both ways: in the period (full) or in `aggregatedPeriod` (aggregate); null when 1 to 4.'),
      fewerThanFive: z.boolean().describe('True when `referrals` is null because the aggregate count is between 1 and 4.'),
      sourceToTarget: Count.describe('Of those, the referrals `source` sent to `target` (full edges only).'),
      targetToSource: Count.describe('Of those, the referrals `target` sent to `source` (full edges only).'),
    }),
  ),
});
