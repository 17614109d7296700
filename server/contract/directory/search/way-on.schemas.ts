import { z } from 'zod';
import { PhoneView, TranslatedView } from '../records/view-schemas.js';

/** The filters a search can carry that one may drop, one value at a time. */
export const LIST_FIELDS = ['governorate', 'district', 'category', 'population', 'language', 'organizationType', 'organization'] as const;
const WAY_ON_FIELDS = [...LIST_FIELDS, 'acceptsReferrals', 'verifiedWithinDays', 'hasCapacity'] as const;

export const WayOn = z.object({
  /** What the search itself finds. */
  total: z.number().int(),
  /** Each filter applied, chosen or read from `q`, with what the search finds without it alone. */
  filters: z.array(
    z.object({
      field: z.enum(WAY_ON_FIELDS),
      code: z.string(),
      /** Only for a filter read from `q`: its words as typed; remove them from `q` to drop it. */
      words: z.string().optional(),
      total: z.number().int(),
    }),
  ),
  /** Categories near the ones asked for (the same group), with their services in the governorates asked for; most services first. */
  categories: z.array(z.object({ code: z.string(), total: z.number().int() })),
  /** Hotlines serving the governorates asked for, else those serving every governorate. */
  hotlines: z.array(
    z.object({
      id: z.string(),
      name: TranslatedView,
      organization: z.object({ id: z.string(), name: TranslatedView }),
      governorates: z.array(z.string()),
      phones: z.array(PhoneView),
    }),
  ),
});
export type WayOn = z.infer<typeof WayOn>;
