import { z } from 'zod';
import { PHONE_TYPES } from '../phone-input.js';
import { VERIFICATION_STATES } from '../vocabulary.js';

/** Response-side schemas shared by the directory's views (for the API document and the view types). */

export const TranslatedView = z.object({ en: z.string().optional(), ar: z.string().optional(), ckb: z.string().optional() });
export type TranslatedView = z.infer<typeof TranslatedView>;

export const PhoneView = z.object({ number: z.string(), type: z.enum(PHONE_TYPES), description: z.string().optional() });
export type PhoneView = z.infer<typeof PhoneView>;

export const Timestamp = z.iso.datetime();

export const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export const translated = (t: { en?: string | null; ar?: string | null; ckb?: string | null } | null | undefined): TranslatedView => {
  const out: TranslatedView = {};
  if (t?.en) out.en = t.en;
  if (t?.ar) out.ar = t.ar;
  if (t?.ckb) out.ckb = t.ckb;
  return out;
};

export const phones = (list: readonly { number: string; type?: string | null; description?: string | null }[] | null | undefined): PhoneView[] =>
  (list ?? []).map((p) => ({
    number: p.number,
    type: (PHONE_TYPES as readonly string[]).includes(p.type ?? '') ? (p.type as PhoneView['type']) : 'voice',
    ...(p.description ? { description: p.description } : {}),
  }));

export const VerificationView = z.object({ status: z.enum(VERIFICATION_STATES) });
export type VerificationView = z.infer<typeof VerificationView>;

/** Shown to everyone while a change waits for a platform admin: when the organisation made it (null: nothing waits). */
export const UnverifiedChangeView = z.object({ at: Timestamp }).nullable();
/** Why a platform admin turned the last change down, for the record's editors (absent for others). */
export const RejectionView = z.object({ reason: z.string(), at: Timestamp }).nullable();
