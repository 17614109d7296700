import { z } from 'zod';
import { TranslatedSchema } from '../../text/translated-input.js';
import { Timestamp, TranslatedView } from '../records/view-schemas.js';
import { TermCode } from '../taxonomy/taxonomy.schemas.js';

/**
 * The law that applies to trafficking cases in a governorate and the bodies competent under it: federal
 * Law No. 28 of 2012 outside the Kurdistan Region, the Region's Law No. 6 of 2018 in it. Reference data
 * platform admins keep (laws get amended, committees renamed), so no screen hard-codes it. Governorates
 * are passed in as for hotlines: the server resolves ISO codes and P-codes.
 */
export function legalFrameInputWith(governorate: z.ZodType<string, string>) {
  // No zod defaults on input: an update must not reset what it does not mention. The model has the defaults.
  const fields = {
    /** A stable key, by the rule of category codes: the seed finds its frames by it. */
    code: TermCode,
    /** Where it applies, as people say it: "Federal Iraq", "Kurdistan Region". */
    name: TranslatedSchema,
    /** The law, as cited: "Law No. 28 of 2012 on Combating Trafficking in Persons". */
    citation: TranslatedSchema,
    competentBodies: z.array(TranslatedSchema).max(10),
    governorates: z
      .array(governorate)
      .max(19)
      .transform((list) => [...new Set(list)]),
    order: z.number().int().min(0).max(1000),
  };
  const LegalFrameCreate = z.strictObject(fields).partial().required({ code: true, name: true, citation: true, governorates: true });
  const LegalFrameUpdate = z.strictObject(fields).partial();
  return { LegalFrameCreate, LegalFrameUpdate };
}
type LegalFrameInput = ReturnType<typeof legalFrameInputWith>;
export type LegalFrameCreate = z.infer<LegalFrameInput['LegalFrameCreate']>;
export type LegalFrameUpdate = z.infer<LegalFrameInput['LegalFrameUpdate']>;

export const LegalFrameView = z.object({
  id: z.string(),
  code: z.string(),
  name: TranslatedView,
  citation: TranslatedView,
  competentBodies: z.array(TranslatedView),
  governorates: z.array(z.string()).describe('ISO 3166-2 codes (IQ-HA for Halabja) where this frame applies.'),
  order: z.number().int(),
});
export type LegalFrameView = z.infer<typeof LegalFrameView>;

export const LegalFrameList = z.object({ items: z.array(LegalFrameView.extend({ archivedAt: Timestamp.nullable().optional() })) });
export type LegalFrameList = z.infer<typeof LegalFrameList>;

/**
 * The frames that apply in these governorates, in list order, each once: the pathway page asks for its
 * governorate, a referral for the receiving service's.
 */
export function framesIn<F extends Pick<LegalFrameView, 'governorates'>>(frames: readonly F[], governorates: readonly string[]): F[] {
  return frames.filter((f) => f.governorates.some((g) => governorates.includes(g)));
}

/**
 * Where a referral's frame is read: the receiving service's governorates. When that service also works
 * where the person is (the referral's governorate), or no service is named, the person's governorate alone.
 */
export function referralFrameGovernorates(serviceGovernorates: readonly string[], referralGovernorate: string): string[] {
  if (!serviceGovernorates.length || serviceGovernorates.includes(referralGovernorate)) return [referralGovernorate];
  return [...serviceGovernorates];
}
