import { z } from 'zod';

/** Phone numbers as the API takes them; free of server runtime code, so the web app checks forms with it. */

export const PHONE_TYPES = ['voice', 'mobile', 'whatsapp', 'hotline', 'fax', 'text'] as const;

export const PhoneSchema = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{3,24}$/, 'digits, spaces, brackets and dashes only, optionally starting with +'),
  type: z.enum(PHONE_TYPES).default('voice'),
  description: z.string().trim().max(200).optional(),
});
export type Phone = z.infer<typeof PhoneSchema>;
