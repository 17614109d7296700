import { z } from 'zod';
import { plainText } from '../../text/plain-text.js';
import { TranslatedSchema } from '../../text/translated-input.js';
import { PhoneSchema } from '../phone-input.js';
import { Timestamp, TranslatedView } from '../records/view-schemas.js';

/**
 * A public hotline (911, 104, the KRI's 119): reference data platform admins keep, each with where the
 * number comes from and when it was last checked. Governorates are passed in as for services: the
 * server resolves ISO codes and P-codes, the web app offers the ISO codes themselves.
 */
export function hotlineInputWith(governorate: z.ZodType<string, string>) {
  // No zod defaults on input: an update must not reset what it does not mention. The model has the defaults.
  const fields = {
    /** The Iraqi phone rule: short codes as dialled, other numbers in E.164. */
    number: PhoneSchema.shape.number,
    name: TranslatedSchema,
    /** What to call it for. */
    purpose: TranslatedSchema,
    /** Where it answers; empty: all Iraq. */
    governorates: z
      .array(governorate)
      .max(19)
      .transform((list) => [...new Set(list)]),
    /** The unified emergency number: shown first, large, on "Get help". */
    emergency: z.boolean(),
    source: z.strictObject({ text: plainText(300), url: z.url({ protocol: /^https?$/ }).max(500) }),
    lastCheckedAt: Timestamp.nullable(),
    order: z.number().int().min(0).max(1000),
  };
  const HotlineCreate = z.strictObject(fields).partial().required({ number: true, name: true, purpose: true, source: true });
  const HotlineUpdate = z.strictObject(fields).partial();
  return { HotlineCreate, HotlineUpdate };
}
type HotlineInput = ReturnType<typeof hotlineInputWith>;
export type HotlineCreate = z.infer<HotlineInput['HotlineCreate']>;
export type HotlineUpdate = z.infer<HotlineInput['HotlineUpdate']>;

export const HotlineView = z.object({
  id: z.string(),
  number: z.string(),
  name: TranslatedView,
  purpose: TranslatedView,
  governorates: z.array(z.string()).describe('ISO 3166-2 codes; empty: all Iraq.'),
  emergency: z.boolean(),
  source: z.object({ text: z.string(), url: z.string() }),
  lastCheckedAt: Timestamp.nullable(),
  /** False: not confirmed by a platform admin, shown as a sample. */
  verified: z.boolean(),
  verifiedAt: Timestamp.nullable(),
  order: z.number().int(),
});
export type HotlineView = z.infer<typeof HotlineView>;

/** `archivedAt` is there only when a platform admin asked for archived entries too. */
export const HotlineList = z.object({ items: z.array(HotlineView.extend({ archivedAt: Timestamp.nullable().optional() })) });
export type HotlineList = z.infer<typeof HotlineList>;
