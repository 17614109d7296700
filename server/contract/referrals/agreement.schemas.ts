import { z } from 'zod';
import { TranslatedView } from '../directory/records/view-schemas.js';
import { categoryCode, objectId } from './referral.schemas.js';
import { AGREEMENT_STATUSES } from './vocabulary.js';

const day = z.iso.date().transform((s) => new Date(`${s}T00:00:00Z`));

export const CreateAgreementBody = z
  .strictObject({
    /** Defaults to the signed-in user's organisation; platform administrators name it. */
    proposerOrganizationId: objectId.optional(),
    partnerOrganizationId: objectId,
    categories: z
      .array(categoryCode)
      .min(1)
      .refine((a) => new Set(a).size === a.length, 'eachCategoryOnce'),
    startsOn: day,
    endsOn: day.nullable().default(null),
  })
  .refine((a) => !a.endsOn || a.endsOn > a.startsOn, { path: ['endsOn'], message: 'endAfterStart' });
export type CreateAgreementBody = z.output<typeof CreateAgreementBody>;

export const AgreementTransitionBody = z.strictObject({ to: z.enum(AGREEMENT_STATUSES) });

const orgRef = z.object({ id: z.string(), name: TranslatedView.nullable() });
export const AgreementView = z.object({
  id: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  version: z.number(),
  proposer: orgRef,
  partner: orgRef,
  categories: z.array(z.string()),
  startsOn: z.date(),
  endsOn: z.date().nullable(),
  endedAt: z.date().nullable(),
  inForce: z.boolean().describe('Active, started, and neither past its end date nor ended.'),
  history: z.array(
    z.object({ at: z.date(), from: z.enum(AGREEMENT_STATUSES).nullable(), to: z.enum(AGREEMENT_STATUSES), byOrganizationId: z.string().nullable() }),
  ),
  allowedMoves: z.array(z.enum(AGREEMENT_STATUSES)),
});

export const AgreementList = z.object({ items: z.array(AgreementView) });
