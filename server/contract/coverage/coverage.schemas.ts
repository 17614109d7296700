import { z } from 'zod';
import { DaySchema, periodInOrder, periodOutOfOrder } from '../activities/activity.schemas.js';
import { POPULATIONS } from '../directory/vocabulary.js';
import { multiValue, queryBoolean } from '../query-params.js';
import { OptionalTranslatedSchema } from '../text/translated-input.js';

const filters = {
  /** Category or group codes; a group stands for all its categories. Default: every category. */
  category: multiValue(z.string().trim().min(1).max(60)).optional(),
  /** Only services for any of these populations. */
  population: multiValue(z.enum(POPULATIONS)).optional(),
  /** Period of the activity figures; default: the twelve months up to today. */
  from: DaySchema.optional(),
  to: DaySchema.optional(),
};

export const CoverageQuerySchema = z.strictObject(filters).refine(periodInOrder, periodOutOfOrder);
export type CoverageQuery = z.infer<typeof CoverageQuerySchema>;

export const CoverageCsvQuerySchema = z
  .strictObject({
    ...filters,
    /** Add the HXL hashtag row under the header. */
    hxl: queryBoolean.default(false),
  })
  .refine(periodInOrder, periodOutOfOrder);

/** The period of the referral figures; default: the twelve months up to today. */
export const ReferralCoverageQuerySchema = z
  .strictObject({ from: filters.from, to: filters.to })
  .refine(periodInOrder, periodOutOfOrder);
export type ReferralCoverageQuery = z.infer<typeof ReferralCoverageQuerySchema>;

const withheld = ' Null when withheld under the small-count rule (`fewerThanFive`).';
const ReferralFiguresSchema = z.object({
  sent: z.number().int().nullable().describe(`Referrals sent in the period to a service in this governorate.${withheld}`),
  acknowledged: z.number().int().nullable().describe(`Of those, acknowledged by the receiving organisation.${withheld}`),
  accepted: z.number().int().nullable().describe(`Decided: accepted (whatever followed).${withheld}`),
  declined: z.number().int().nullable().describe(`Decided: declined.${withheld}`),
  fewerThanFive: z
    .boolean()
    .describe('True when a count here is null because it is between 1 and 4, or would let such a count be recomputed by subtraction (PERMISSIONS.md).'),
  /** accepted / (accepted + declined), 0..1; null before any decision or when either is withheld. */
  acceptanceRate: z.number().min(0).max(1).nullable(),
  /** Median hours from sending to acknowledgement; null before any, or over fewer than 5 acknowledgements. */
  medianHoursToAcknowledge: z.number().nullable(),
});
export type ReferralFigures = z.infer<typeof ReferralFiguresSchema>;

export const ReferralCoverageSchema = z.object({
  period: z.object({ from: DaySchema, to: DaySchema }),
  aggregatedPeriod: z
    .object({ from: z.date(), to: z.date() })
    .describe('The whole, completed calendar months (UTC) of `period` in which referrals are counted, `to` exclusive.'),
  governorates: z.array(z.object({ code: z.string(), name: OptionalTranslatedSchema, ...ReferralFiguresSchema.shape })),
  national: ReferralFiguresSchema,
});
export type ReferralCoverage = z.infer<typeof ReferralCoverageSchema>;

/**
 * Urgent referrals still unacknowledged a second commitment period after they fell overdue, per
 * governorate of the case: for the governorate's government liaison (a count, never a case).
 */
export const EscalatedReferralsSchema = z.object({
  governorates: z.array(
    z.object({
      code: z.string(),
      name: OptionalTranslatedSchema,
      count: z.number().int().nullable().describe(`Urgent referrals escalated to the governorate and not yet acknowledged.${withheld}`),
      fewerThanFive: z.boolean().describe('True when `count` is withheld: between 1 and 4, or would let such a count be recomputed by subtraction.'),
    }),
  ),
});
export type EscalatedReferrals = z.infer<typeof EscalatedReferralsSchema>;

const CellSchema = z.object({
  /** Active, non-archived services. */
  services: z.number().int(),
  /** Distinct organisations providing them. */
  organizations: z.number().int(),
  /** Share of those services verified within the last 365 days, 0..1; null without services. */
  verifiedShare: z.number().min(0).max(1).nullable(),
  /** No active service. */
  gap: z.boolean(),
});
export type CoverageCell = z.infer<typeof CellSchema>;

const TotalsSchema = z.object({ services: z.number().int(), organizations: z.number().int() });

const ActivitySummarySchema = z.object({
  count: z.number().int(),
  reached: z.object({
    women: z.number().int(),
    men: z.number().int(),
    girls: z.number().int(),
    boys: z.number().int(),
    total: z.number().int(),
  }),
});
export type ActivitySummary = z.infer<typeof ActivitySummarySchema>;

const GovernorateCoverageSchema = z.object({
  code: z.string(),
  pcode: z.string().nullable(),
  name: OptionalTranslatedSchema,
  categories: z.record(z.string(), CellSchema),
  totals: TotalsSchema,
  /** Categories with no active service here, in taxonomy order. */
  gaps: z.array(z.string()),
  /** Activities that ran here in the period. A campaign in several governorates counts in each. */
  activities: ActivitySummarySchema,
});
export type GovernorateCoverage = z.infer<typeof GovernorateCoverageSchema>;

export const CoverageSchema = z.object({
  generatedAt: z.string(),
  /** Activity figures cover activities that ran at some time in this period. */
  period: z.object({ from: DaySchema, to: DaySchema }),
  /** "Verified" means verified on or after this moment. */
  verifiedSince: z.string(),
  /** The categories reported, in taxonomy order. */
  categories: z.array(z.string()),
  governorates: z.array(GovernorateCoverageSchema),
  /** The whole country: each service, organisation and activity counted once. */
  national: z.object({
    categories: z.record(z.string(), CellSchema),
    totals: TotalsSchema,
    activities: ActivitySummarySchema,
  }),
});
export type Coverage = z.infer<typeof CoverageSchema>;
