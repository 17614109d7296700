import { z } from 'zod';
import { multiValue, queryBoolean } from '../contract/query-params.js';
import { createReferralBodyWith, referralShapeWith } from '../contract/referrals/referral-input.js';
import { REFERRAL_KINDS, REFERRAL_STATUSES, URGENCIES } from '../contract/referrals/vocabulary.js';
import { GovernorateInput } from '../directory/governorates/governorate-input.js';

// The contract's referral requests, bound to the server's list of governorates.

const referralShape = referralShapeWith(GovernorateInput);

/** A complete referral record as the sender writes it: kept as a draft, or sent at once. */
export const CreateReferralBody = createReferralBodyWith(GovernorateInput);

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
  kind: z.enum(REFERRAL_KINDS).optional(),
  governorate: GovernorateInput.optional(),
  overdue: queryBoolean.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListQuery = z.output<typeof ListQuery>;
