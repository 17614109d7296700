import { z } from 'zod';

/** The field an error is about (JSON pointer-ish, e.g. "body.name.en") and what is wrong with it, in the requester's language. */
export const FieldProblemView = z.object({ field: z.string(), message: z.string() });
export type FieldProblemView = z.infer<typeof FieldProblemView>;

/** RFC 9457 problem details, as every API error is sent; other members are the problem type's extensions. */
export const ProblemView = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(FieldProblemView).optional(),
  /** Set on a 422 for a reused Idempotency-Key: the referral that key already created. */
  referralId: z.string().optional(),
});
export type ProblemView = z.infer<typeof ProblemView>;
